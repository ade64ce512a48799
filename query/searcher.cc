#include "query/searcher.h"

#include <algorithm>
#include <map>
#include <optional>

#include "indexer/schema.h"
#include "query/passage_evidence.h"

namespace medsearch {

namespace {

std::vector<FacetCount> most_first(std::vector<FacetCount> counts) {
    std::stable_sort(counts.begin(), counts.end(), [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    return counts;
}

std::vector<FacetCount> facet_counts(const Xapian::ValueCountMatchSpy& spy) {
    std::vector<FacetCount> counts;
    for (auto value = spy.values_begin(); value != spy.values_end(); ++value)
        counts.push_back({*value, value.get_termfreq()});
    return most_first(std::move(counts));
}

// The spy counted each article's whole list of MeSH keys (schema::mesh_slot) as one value; a heading's count
// is the sum over the lists that hold it. (A spy of Xapian's own, so it also counts over remote shards.)
std::vector<FacetCount> mesh_facet_counts(const Xapian::ValueCountMatchSpy& spy) {
    std::map<std::string, std::size_t> per_key;
    for (auto value = spy.values_begin(); value != spy.values_end(); ++value) {
        const std::string keys = *value;
        for (std::size_t start = 0; start < keys.size();) {
            const std::size_t end = std::min(keys.find('\n', start), keys.size());
            per_key[keys.substr(start, end - start)] += value.get_termfreq();
            start = end + 1;
        }
    }
    std::vector<FacetCount> counts;
    for (auto& [key, count] : per_key) counts.push_back({key, count});
    return most_first(std::move(counts));
}

}  // namespace

Xapian::Query with_clauses(const Xapian::Query& base, const std::vector<Xapian::Query>& clauses) {
    std::vector<Xapian::Query> all{base};
    all.insert(all.end(), clauses.begin(), clauses.end());
    std::erase_if(all, [](const Xapian::Query& query) { return query.empty(); });
    if (all.size() == 1) return all.front();
    return all.empty() ? Xapian::Query() : Xapian::Query(Xapian::Query::OP_OR, all.begin(), all.end());
}

Xapian::Query with_context(const Xapian::Query& scoring, const SearchContext& context) {
    const Xapian::Query all = with_clauses(scoring, context.clauses);
    if (all.empty() || context.focus.empty() || context.off_focus_share >= 1.0) return all;
    // Each document matches exactly one side, so its score is either whole or scaled.
    const Xapian::Query on(Xapian::Query::OP_FILTER, all, context.focus);
    if (context.off_focus_share <= 0.0) return on;
    const Xapian::Query off(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(Xapian::Query::OP_AND_NOT, all, context.focus),
                            context.off_focus_share);
    return Xapian::Query(Xapian::Query::OP_OR, on, off);
}

namespace {

// The body terms that name the question's subject: its content words as asked and as their variants, the
// synonyms added for them, and what a conversation's context carried.
std::vector<std::string> subject_terms(const Question& question, const BuiltQuery& built, const SearchContext& context) {
    std::vector<std::string> terms;
    for (const Concept& concept_ : question.concepts) {
        if (!is_content(concept_)) continue;
        terms.insert(terms.end(), concept_.terms.begin(), concept_.terms.end());
        terms.insert(terms.end(), concept_.variants.begin(), concept_.variants.end());
        terms.insert(terms.end(), concept_.expansions.begin(), concept_.expansions.end());
        if (!concept_.joined.empty()) terms.push_back(concept_.joined);
    }
    terms.insert(terms.end(), built.synonym_terms.begin(), built.synonym_terms.end());
    terms.insert(terms.end(), context.highlight_terms.begin(), context.highlight_terms.end());
    return terms;
}

// True when the passage document holds one of the terms in a field that is about it: its text, its
// article's title, its heading or section, its lead-in, its article's MeSH words. The candidates are
// sorted, so one walk of the document's term list answers for all of them.
bool shares_subject(const Xapian::Document& document, const std::vector<std::string>& terms) {
    constexpr std::string_view fields[] = {schema::body, schema::title, schema::heading, schema::section, schema::lead_in, schema::mesh_words};
    std::vector<std::string> wanted;
    for (const std::string& term : terms)
        for (const std::string_view prefix : fields) wanted.push_back(std::string(prefix) + term);
    std::sort(wanted.begin(), wanted.end());
    Xapian::TermIterator held = document.termlist_begin();
    for (const std::string& term : wanted) {
        held.skip_to(term);
        if (held == document.termlist_end()) return false;
        if (*held == term) return true;
    }
    return false;
}

// The most bullets of one list a hit carries: a list longer than this is cut around the hit.
constexpr std::size_t kMaxListItems = 20;

// The bullets of the hit's list: the run of bullets around it in the article under the same section,
// heading and lead-in.
std::vector<ListItem> list_around(const Article& article, const Hit& hit) {
    const std::vector<Passage>& passages = article.passages;
    if (hit.ordinal == 0 || hit.ordinal > passages.size()) return {};
    const auto same_list = [&](const Passage& passage) {
        return passage.kind == PassageKind::bullet && passage.lead_in == hit.lead_in && passage.section == hit.section &&
               passage.heading == hit.heading;
    };
    const std::size_t at = hit.ordinal - 1;
    if (!same_list(passages[at])) return {};
    std::size_t first = at, last = at;
    while (first > 0 && same_list(passages[first - 1]) && at - first + 1 < kMaxListItems) --first;
    while (last + 1 < passages.size() && same_list(passages[last + 1]) && last - first + 1 < kMaxListItems) ++last;
    std::vector<ListItem> items;
    for (std::size_t i = first; i <= last; ++i) items.push_back({i + 1, passages[i].text, passages[i].citations});
    return items;
}

}  // namespace

SearchResults Searcher::search(std::string_view question, const SearchOptions& options) const {
    return search(engine_.parse(question), options, {});
}

SearchResults Searcher::search(Question question, const SearchOptions& options, const SearchContext& context) const {
    return engine_.retrying([&] {
        SearchResults results = search_once(question, options, context);
        if (results.estimated_matches > 0 || results.suggestion.empty()) return results;
        // Nothing matches, but the question has a correction: search that, as the person would have
        // retyped it, and say so ("Showing results for ...").
        SearchOptions as_corrected = options;
        as_corrected.suggest = false;
        SearchResults corrected = search_once(engine_.parse(results.suggestion), as_corrected, context);
        if (corrected.estimated_matches == 0) return results;
        corrected.searched_instead_of = results.question.text;
        corrected.suggestion = results.suggestion;
        return corrected;
    });
}

SearchResults Searcher::search_once(const Question& question, const SearchOptions& options, const SearchContext& context) const {
    SearchResults results;
    results.question = question;
    if (options.suggest) results.suggestion = engine_.spelling().suggest(results.question.text);

    // Build the scoring query: the question, what the context adds, pseudo-relevance feedback.
    BuiltQuery built = engine_.build(results.question);
    Xapian::Query scoring = with_context(built.query, context);
    if (scoring.empty()) return results;  // nothing searchable: stopwords only, punctuation, ...
    scoring = engine_.add_feedback(scoring, results.question, !context.clauses.empty(), &built.expansions);
    // What the context and feedback added obeys the question's syntax too ("-word", "a phrase").
    scoring = constrained(scoring, built);

    // Article evidence: every passage earns part of its article's own score.
    const RankingOptions& ranking = engine_.ranking();
    ArticleScores articles;
    if (ranking.article_weight > 0) articles = engine_.score_articles(scoring, ranking.candidate_articles, built.evidence);
    for (auto& [article, score] : articles) score *= ranking.article_weight;
    Xapian::Query ranked = engine_.with_article_bonus(scoring, articles);

    // Find the passages, within the filters, collapsed per article when asked.
    const Xapian::Query filter = build_filter(options.filters, engine_.passages());
    if (!filter.empty()) ranked = Xapian::Query(Xapian::Query::OP_FILTER, ranked, filter);
    Xapian::Enquire enquire = engine_.enquire(engine_.passages(), ranked);
    if (options.per_article > 0) enquire.set_collapse_key(schema::article_slot, static_cast<Xapian::doccount>(options.per_article));
    Xapian::ValueCountMatchSpy sections(schema::section_slot), sources(schema::source_slot), mesh(schema::mesh_slot);
    Xapian::doccount check_at_least = 0;
    if (options.facets) {
        enquire.add_matchspy(&sections);
        enquire.add_matchspy(&sources);
        enquire.add_matchspy(&mesh);
        check_at_least = engine_.passages().get_doccount();
    }
    // The top passages (at least evidence_passages of them) are fetched together, so that each article's
    // passages can be ordered by their own evidence before the page is cut.
    const std::size_t wanted = options.offset + options.limit;
    const std::size_t fetched = ranking.evidence_passages > 0 ? std::max(wanted, ranking.evidence_passages) : wanted;
    const Xapian::MSet matches = enquire.get_mset(0, static_cast<Xapian::doccount>(fetched), check_at_least);
    std::vector<ScoredPassage> order;
    if (ranking.evidence_passages > 0) {
        order = order_by_passage_evidence(matches, evidence_concepts(results.question, engine_.passages()));
    } else {
        for (auto match = matches.begin(); match != matches.end(); ++match)
            order.push_back({{}, match.get_weight(), 0.0, 0, static_cast<std::size_t>(match.get_rank())});
    }

    // Turn each match into a hit with its highlights.
    std::vector<std::string> highlight_terms = built.highlight_terms;
    highlight_terms.insert(highlight_terms.end(), context.highlight_terms.begin(), context.highlight_terms.end());
    std::sort(highlight_terms.begin(), highlight_terms.end());
    for (std::size_t rank = options.offset; rank < order.size() && rank < wanted; ++rank) {
        Hit hit = decode_hit(matches[static_cast<Xapian::doccount>(order[rank].index)].get_document().get_data());
        hit.rank = rank + 1;
        hit.score = order[rank].score;
        if (options.highlight) hit.snippet = highlight(std::move(hit.snippet.text), highlight_terms, engine_.analyzer());
        results.hits.push_back(std::move(hit));
    }
    if (options.whole_lists) {
        // Each article is read once, however many of its bullets were hit.
        std::map<std::string, std::optional<Article>> stored;
        for (Hit& hit : results.hits) {
            if (hit.kind != "bullet") continue;
            auto [entry, added] = stored.try_emplace(hit.article_id);
            if (added) entry->second = engine_.article(hit.article_id);
            if (entry->second) hit.list = list_around(*entry->second, hit);
        }
    }
    if (!order.empty())
        results.low_confidence = !shares_subject(matches[static_cast<Xapian::doccount>(order.front().index)].get_document(),
                                                 subject_terms(results.question, built, context));
    results.estimated_matches = matches.get_matches_estimated();
    if (options.facets) {
        results.section_facets = facet_counts(sections);
        results.source_facets = facet_counts(sources);
        results.mesh_facets = mesh_facet_counts(mesh);
    }
    results.expansions = std::move(built.expansions);
    results.expansions.insert(results.expansions.end(), context.expansions.begin(), context.expansions.end());
    return results;
}

}  // namespace medsearch
