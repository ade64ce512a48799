#include "conversation/conversation.h"

#include <algorithm>

#include "indexer/schema.h"

namespace medsearch {

namespace {

// Runs of consecutive content concepts (question words and referents break a run).
std::vector<std::vector<Concept>> content_runs(const Question& question) {
    std::vector<std::vector<Concept>> runs(1);
    for (const Concept& concept_ : question.concepts) {
        if (is_content(concept_))
            runs.back().push_back(concept_);
        else if (!runs.back().empty())
            runs.emplace_back();
    }
    if (runs.back().empty()) runs.pop_back();
    return runs;
}

bool shares_a_concept(const Question& a, const Question& b) {
    for (const Concept& x : a.concepts)
        for (const Concept& y : b.concepts)
            if (is_content(x) && is_content(y) && concept_key(x) == concept_key(y)) return true;
    return false;
}

std::string text_of(const Question& question, const std::vector<Concept>& span) {
    return question.text.substr(span.front().begin, span.back().end - span.front().begin);
}

}  // namespace

std::string_view kind_name(ContextResolution::Kind kind) {
    switch (kind) {
        case ContextResolution::Kind::first: return "first";
        case ContextResolution::Kind::carried: return "carried";
        case ContextResolution::Kind::restated: return "restated";
        case ContextResolution::Kind::new_subject: return "new subject";
    }
    return "unknown";
}

Conversation::Conversation(const Engine& engine, ConversationState state) : engine_(engine), state_(std::move(state)) {}

bool Conversation::is_generic(const Concept& concept_) const {
    // The rarest of the concept's terms decides: "15q24" makes "15q24 microdeletion" specific.
    const Xapian::Database& database = engine_.passages();
    const double documents = std::max<double>(1, database.get_doccount());
    Xapian::doccount rarest = database.get_doccount();
    if (!concept_.joined.empty()) rarest = std::min(rarest, database.get_termfreq(concept_.joined));
    for (const std::string& term : concept_.terms) rarest = std::min(rarest, database.get_termfreq(term));
    return rarest / documents > engine_.ranking().context.generic_document_share;
}

bool Conversation::names_title(const std::vector<Concept>& span) const {
    std::vector<Xapian::Query> terms;
    for (const Concept& concept_ : span) {
        if (concept_.terms.empty()) terms.emplace_back(std::string(schema::title) + concept_.joined);
        for (const std::string& term : concept_.terms) terms.emplace_back(std::string(schema::title) + term);
    }
    const auto window = static_cast<Xapian::termcount>(span.back().position + span.back().terms.size() - span.front().position);
    const Xapian::Query phrase = terms.size() == 1 ? terms.front()
                                                   : Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                                                                   std::max<Xapian::termcount>(window, static_cast<Xapian::termcount>(terms.size())));
    Xapian::Enquire enquire(engine_.passages());
    enquire.set_query(phrase);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    return !enquire.get_mset(0, 1).empty();
}

std::string Conversation::find_subject(const Question& question) const {
    const std::size_t longest = engine_.ranking().context.max_subject_words;
    std::vector<Concept> best;
    for (const std::vector<Concept>& run : content_runs(question)) {
        // The longest span of the run that a title contains and that has a specific word in it.
        for (std::size_t length = std::min(run.size(), longest); length > best.size(); --length) {
            for (std::size_t first = 0; first + length <= run.size(); ++first) {
                std::vector<Concept> span(run.begin() + static_cast<std::ptrdiff_t>(first),
                                          run.begin() + static_cast<std::ptrdiff_t>(first + length));
                const bool specific = std::any_of(span.begin(), span.end(), [&](const Concept& c) { return !is_generic(c); });
                if (specific && names_title(span)) {
                    best = std::move(span);
                    break;
                }
            }
        }
        // Without a title, the run's specific words and what stands between them.
        if (best.empty()) {
            const auto first = std::find_if(run.begin(), run.end(), [&](const Concept& c) { return !is_generic(c); });
            const auto last = std::find_if(run.rbegin(), run.rend(), [&](const Concept& c) { return !is_generic(c); });
            if (first != run.end() && best.empty()) best.assign(first, last.base());
        }
    }
    // Words in front of the name that are too common to be part of it ("cause" of "cause of leukopenia").
    while (best.size() > 1 && is_generic(best.front())) best.erase(best.begin());
    return best.empty() ? std::string() : text_of(question, best);
}

ContextResolution Conversation::resolve(const Question& question) const {
    ContextResolution resolution;
    const std::string own_subject = find_subject(question);
    if (state_.turns.empty()) {
        resolution.subject = own_subject;
        resolution.reason = "the first question of the conversation";
        return resolution;
    }

    // A question that names a subject, without pointing back, is about that subject.
    const ConversationTurn& last = state_.turns.back();
    const Question current = engine_.parse(last.subject);
    if (!own_subject.empty() && !question.refers_back) {
        resolution.subject = own_subject;
        if (!last.subject.empty() && shares_a_concept(engine_.parse(own_subject), current)) {
            resolution.kind = ContextResolution::Kind::restated;
            resolution.subject_title = last.subject_title;
            resolution.reason = "the question names the current subject itself";
        } else {
            resolution.kind = ContextResolution::Kind::new_subject;
            resolution.reason = "the question names a new subject (\"" + own_subject + "\"): earlier turns are left out";
        }
        return resolution;
    }

    // Otherwise the current subject carries over, with the title of the article that answered it.
    resolution.kind = ContextResolution::Kind::carried;
    resolution.subject = last.subject;
    resolution.subject_title = last.subject_title;
    if (last.subject.empty()) {
        resolution.reason = "no subject to carry: the earlier turns named none";
        return resolution;
    }
    resolution.reason = question.refers_back ? "the question points back to the current subject"
                                             : "the question names no subject of its own";
    const ContextOptions& options = engine_.ranking().context;
    std::vector<Xapian::Query> subject_clauses, subject_title_clauses;
    for (const Concept& concept_ : current.concepts) {
        if (!is_content(concept_)) continue;
        subject_clauses.push_back(engine_.builder().concept_query(concept_));
        subject_title_clauses.push_back(engine_.builder().title_query({concept_}));
        resolution.context.highlight_terms.insert(resolution.context.highlight_terms.end(), concept_.terms.begin(), concept_.terms.end());
        if (!concept_.joined.empty()) resolution.context.highlight_terms.push_back(concept_.joined);
    }
    if (!subject_clauses.empty()) {
        const Xapian::Query subject(Xapian::Query::OP_OR, subject_clauses.begin(), subject_clauses.end());
        if (options.subject_weight > 0) {
            resolution.context.clauses.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, subject, options.subject_weight);
            resolution.context.expansions.push_back({"subject carried from earlier turns: " + resolution.reason, last.subject,
                                                     options.subject_weight});
        }
        if (options.subject_title_weight > 0) {
            const Xapian::Query in_title(Xapian::Query::OP_OR, subject_title_clauses.begin(), subject_title_clauses.end());
            resolution.context.clauses.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, in_title, options.subject_title_weight);
            resolution.context.expansions.push_back({"subject carried from earlier turns, in the article title: " + resolution.reason,
                                                     last.subject, options.subject_title_weight});
        }
        // A follow-up is about its subject: passages that match none of the subject's words (in any
        // field, the article title included) are most likely about something else.
        if (options.off_subject_share < 1.0) {
            resolution.context.focus = subject;
            resolution.context.off_focus_share = options.off_subject_share;
            resolution.context.expansions.push_back(
                {"passages matching none of the subject's words keep this share", last.subject, options.off_subject_share});
        }
    }
    if (!last.subject_title.empty() && engine_.ranking().experimental.answer_title_weight > 0) {
        const Question title = engine_.parse(last.subject_title);
        std::vector<Concept> content;
        std::copy_if(title.concepts.begin(), title.concepts.end(), std::back_inserter(content), is_content);
        if (!content.empty()) {
            resolution.context.clauses.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, engine_.builder().title_query(content),
                                                    engine_.ranking().experimental.answer_title_weight);
            resolution.context.expansions.push_back({"title of the article that answered the subject", last.subject_title,
                                                     engine_.ranking().experimental.answer_title_weight});
        }
    }
    return resolution;
}

void Conversation::record(const Question& question, const ContextResolution& resolution,
                          const std::vector<std::string>& ranked_articles) {
    std::vector<std::string> answered_by;
    for (const std::string& article : ranked_articles) {
        if (answered_by.size() == engine_.ranking().context.remembered_answers) break;
        if (std::find(answered_by.begin(), answered_by.end(), article) == answered_by.end()) answered_by.push_back(article);
    }
    const std::string best_title = answered_by.empty() ? std::string() : engine_.article_title(answered_by.front());
    ConversationTurn turn;
    turn.question = question.text;
    turn.subject = resolution.subject;
    // The answering title belongs to the turn that named the subject; later turns carry it on.
    const bool names_subject = resolution.kind == ContextResolution::Kind::first || resolution.kind == ContextResolution::Kind::new_subject;
    turn.subject_title = names_subject || resolution.subject_title.empty() ? best_title : resolution.subject_title;
    if (resolution.subject.empty()) turn.subject_title.clear();
    turn.answered_by = std::move(answered_by);
    state_.turns.push_back(std::move(turn));
}

}  // namespace medsearch
