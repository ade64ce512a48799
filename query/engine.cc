#include "query/engine.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "analysis/char_ngrams.h"
#include "analysis/derivation.h"
#include "indexer/open_index.h"
#include "indexer/schema.h"
#include "query/document_bonus.h"

namespace medsearch {

namespace {

std::string kind_term(std::string_view kind) { return std::string(schema::kind) + std::string(kind); }

// Feedback terms are body words: no prefix (they start lower-case, with a digit or a non-ASCII byte).
class BodyTermsOnly : public Xapian::ExpandDecider {
public:
    explicit BodyTermsOnly(std::vector<std::string> exclude) : exclude_(std::move(exclude)) {
        std::sort(exclude_.begin(), exclude_.end());
    }
    bool operator()(const std::string& term) const override {
        const auto first = static_cast<unsigned char>(term.front());
        if (first >= 'A' && first <= 'Z') return false;
        if (term.size() < 3 || std::all_of(term.begin(), term.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
            return false;
        return !std::binary_search(exclude_.begin(), exclude_.end(), term);
    }

private:
    std::vector<std::string> exclude_;
};

}  // namespace

Engine::Engine(const std::filesystem::path& database, EngineOptions options)
    : database_(open_index(database)),
      options_(std::move(options)),
      builder_(options_.ranking, &synonyms_),
      spelling_(database_, analyzer_, options_.dictionaries) {
    std::vector<std::filesystem::path> files;
    if (options_.bundled_synonyms) files = bundled_synonym_files();
    files.insert(files.end(), options_.synonym_files.begin(), options_.synonym_files.end());
    for (const std::filesystem::path& file : files) synonyms_.load(file, analyzer_);
}

Question Engine::parse(std::string_view text) const {
    Question question = parse_question(text, analyzer_);
    const RankingOptions& ranking = options_.ranking;
    if (ranking.derivation_weight > 0) {
        for (Concept& concept_ : question.concepts) {
            if (concept_.phrase || concept_.excluded || concept_.terms.size() != 1 || !concept_.joined.empty()) continue;
            for (std::string& variant : derivational_variants(concept_.terms.front()))
                if (database_.term_exists(variant)) concept_.variants.push_back(std::move(variant));
        }
    }
    if (ranking.ngram_weight > 0) {
        // A gram in (nearly) every article says nothing and costs a long posting list.
        const double articles = database_.get_termfreq(kind_term(schema::kind_article));
        const double most = ranking.ngram_max_document_share * articles;
        for (Concept& concept_ : question.concepts) {
            if (!is_content(concept_)) continue;
            for (const std::string& word : concept_.words)
                for (const std::string& gram : character_ngrams(word)) {
                    std::string term = std::string(schema::ngram) + gram;
                    const Xapian::doccount frequency = database_.get_termfreq(term);
                    if (frequency > 0 && frequency <= most) concept_.grams.push_back(std::move(term));
                }
        }
    }
    return question;
}

Xapian::Enquire Engine::enquire(const Xapian::Query& query) const {
    Xapian::Enquire enquire(database_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(*make_weight(options_.ranking));
    // Equal scores keep index order, so runs are deterministic.
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    return enquire;
}

Xapian::Query Engine::restrict(const Xapian::Query& scoring, std::string_view kind, const Xapian::Query& filter) const {
    Xapian::Query allowed(kind_term(kind));
    if (!filter.empty()) allowed = Xapian::Query(Xapian::Query::OP_AND, allowed, filter);
    return Xapian::Query(Xapian::Query::OP_FILTER, scoring, allowed);
}

const ArticleMap& Engine::articles() const {
    if (!articles_) articles_.emplace(database_);
    return *articles_;
}

const NeighbourMap& Engine::neighbours() const {
    if (!neighbours_) neighbours_.emplace(database_, articles());
    return *neighbours_;
}

std::string Engine::article_title(std::string_view article_id) const {
    const auto article = articles().find(article_id);
    if (!article || articles().article_document(*article) == 0) return {};
    const nlohmann::json data =
        nlohmann::json::parse(database_.get_document(articles().article_document(*article)).get_data(), nullptr, false);
    return data.is_object() ? data.value(schema::field::title, "") : "";
}

Xapian::Query Engine::with_article_bonus(const Xapian::Query& scoring, const ArticleScores& bonus, std::string_view kind) const {
    if (bonus.empty()) return scoring;
    const ArticleMap& map = articles();
    std::vector<std::pair<Xapian::docid, double>> documents;
    for (const auto& [article, extra] : bonus) {
        if (extra <= 0) continue;
        if (kind == schema::kind_article) {
            if (const Xapian::docid document = map.article_document(article)) documents.emplace_back(document, extra);
        } else {
            for (const Xapian::docid document : map.passages(article)) documents.emplace_back(document, extra);
        }
    }
    if (documents.empty()) return scoring;
    auto* source = new DocumentBonus(std::move(documents));
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, scoring, Xapian::Query(source->release()));
}

std::vector<RankedArticle> Engine::rank_articles(const Xapian::Query& scoring, std::size_t count, const Xapian::Query& evidence) const {
    std::vector<RankedArticle> ranked;
    const Xapian::MSet matches = enquire(restrict(scoring, schema::kind_article)).get_mset(0, static_cast<Xapian::doccount>(count));
    for (auto match = matches.begin(); match != matches.end(); ++match)
        if (const auto article = articles().article_of(*match)) ranked.push_back({*article, match.get_weight(), *match});
    if (evidence.empty() || ranked.empty()) return ranked;

    // Sub-word and pair evidence for the best of them. Scores only grow, so the articles below the
    // re-scored ones stay below them.
    std::vector<Xapian::docid> documents;
    for (std::size_t i = 0; i < ranked.size() && i < options_.ranking.evidence_depth; ++i) documents.push_back(ranked[i].document);
    const std::vector<double> extra = score_documents(evidence, documents);
    for (std::size_t i = 0; i < documents.size(); ++i) ranked[i].score += extra[i];
    std::sort(ranked.begin(), ranked.end(), best_first);
    return ranked;
}

ArticleScores Engine::score_articles(const Xapian::Query& scoring, std::size_t count, const Xapian::Query& evidence) const {
    ArticleScores scores;
    for (const RankedArticle& ranked : rank_articles(scoring, count, evidence)) scores.emplace(ranked.article, ranked.score);
    return scores;
}

Xapian::MSet Engine::match_within(const Xapian::Query& query, std::vector<Xapian::docid> documents) const {
    const auto count = static_cast<Xapian::doccount>(documents.size());
    std::vector<std::pair<Xapian::docid, double>> listed;
    for (const Xapian::docid document : documents) listed.emplace_back(document, 0.0);
    auto* only_these = new DocumentBonus(std::move(listed));
    return enquire(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(only_these->release()))).get_mset(0, count);
}

std::vector<double> Engine::score_documents(const Xapian::Query& query, const std::vector<Xapian::docid>& documents) const {
    std::vector<double> scores(documents.size(), 0.0);
    if (documents.empty() || query.empty()) return scores;
    const Xapian::MSet matches = match_within(query, documents);
    std::unordered_map<Xapian::docid, double> found;
    for (auto match = matches.begin(); match != matches.end(); ++match) found.emplace(*match, match.get_weight());
    for (std::size_t i = 0; i < documents.size(); ++i)
        if (const auto hit = found.find(documents[i]); hit != found.end()) scores[i] = hit->second;
    return scores;
}

ArticleScores Engine::best_passages(const Xapian::Query& scoring, const std::vector<ArticleNumber>& candidates) const {
    // Only the candidates' passages are scored.
    std::vector<Xapian::docid> passages;
    for (const ArticleNumber article : candidates)
        for (const Xapian::docid document : articles().passages(article)) passages.push_back(document);
    ArticleScores scores;
    if (passages.empty()) return scores;
    const Xapian::MSet matches = match_within(scoring, std::move(passages));
    // Matches come best first, so the first passage seen of an article is its best.
    for (auto match = matches.begin(); match != matches.end(); ++match)
        if (const auto article = articles().article_of(*match)) scores.emplace(*article, match.get_weight());
    return scores;
}

Xapian::Query Engine::add_feedback(const Xapian::Query& scoring, const Question& question, bool in_context,
                                   std::vector<Expansion>* expansions) const {
    const FeedbackOptions& feedback = options_.ranking.feedback;
    if (!feedback.enabled || scoring.empty() || in_context) return scoring;
    if (feedback.max_question_words > 0 && question.content_count() > feedback.max_question_words) return scoring;

    // The top article documents are taken as relevant.
    Xapian::Enquire first = enquire(restrict(scoring, schema::kind_article));
    const Xapian::MSet top = first.get_mset(0, static_cast<Xapian::doccount>(feedback.documents));
    if (top.empty()) return scoring;
    Xapian::RSet relevant;
    for (auto match = top.begin(); match != top.end(); ++match) relevant.add_document(*match);

    // Their best terms, weighted relative to the best one, form a clause of their own.
    const std::vector<std::string> asked(scoring.get_unique_terms_begin(), scoring.get_unique_terms_end());
    const BodyTermsOnly decider(asked);
    const Xapian::ESet terms = first.get_eset(static_cast<Xapian::termcount>(feedback.terms), relevant, &decider);
    if (terms.empty()) return scoring;
    std::vector<Xapian::Query> clauses;
    const double best = terms.begin().get_weight();
    for (auto term = terms.begin(); term != terms.end(); ++term) {
        const double weight = feedback.weight * term.get_weight() / best;
        clauses.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*term), weight);
        if (expansions != nullptr) expansions->push_back({"feedback from the top documents", *term, weight});
    }
    return Xapian::Query(Xapian::Query::OP_OR, scoring, Xapian::Query(Xapian::Query::OP_OR, clauses.begin(), clauses.end()));
}

}  // namespace medsearch
