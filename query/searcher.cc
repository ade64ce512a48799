#include "query/searcher.h"

#include <algorithm>

#include "indexer/schema.h"

namespace medsearch {

namespace {

std::vector<FacetCount> facet_counts(const Xapian::ValueCountMatchSpy& spy) {
    std::vector<FacetCount> counts;
    for (auto value = spy.values_begin(); value != spy.values_end(); ++value)
        counts.push_back({*value, value.get_termfreq()});
    std::stable_sort(counts.begin(), counts.end(), [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    return counts;
}

}  // namespace

SearchResults Searcher::search(std::string_view question, const SearchOptions& options) const {
    return search(engine_.parse(question), options, {});
}

SearchResults Searcher::search(Question question, const SearchOptions& options, const SearchContext& context) const {
    SearchResults results;
    results.question = std::move(question);
    if (options.suggest) results.suggestion = engine_.spelling().suggest(results.question.text);

    // Build the scoring query: the question, what the context adds, pseudo-relevance feedback.
    BuiltQuery built = engine_.build(results.question);
    std::vector<Xapian::Query> clauses{built.query};
    clauses.insert(clauses.end(), context.clauses.begin(), context.clauses.end());
    std::erase_if(clauses, [](const Xapian::Query& q) { return q.empty(); });
    if (clauses.empty()) return results;  // nothing searchable: stopwords only, punctuation, ...
    Xapian::Query scoring(Xapian::Query::OP_OR, clauses.begin(), clauses.end());
    scoring = engine_.add_feedback(scoring, &built.expansions);

    // Article evidence: every passage earns part of its article's own score, plus any context preference.
    const RankingOptions& ranking = engine_.ranking();
    ArticleScores articles;
    if (ranking.article_weight > 0) articles = engine_.score_articles(scoring, ranking.candidate_articles);
    for (auto& [article, score] : articles) score *= ranking.article_weight;
    for (const auto& [id, bonus] : context.article_preference)
        if (const auto article = engine_.articles().find(id)) articles[*article] += bonus;
    const Xapian::Query ranked = engine_.with_article_bonus(scoring, articles, schema::kind_passage);

    // Find the passages, within the filters, collapsed per article when asked.
    const Xapian::Query filter = build_filter(options.filters, engine_.database());
    Xapian::Enquire enquire = engine_.enquire(engine_.restrict(ranked, schema::kind_passage, filter));
    if (options.per_article > 0) enquire.set_collapse_key(schema::article_slot, static_cast<Xapian::doccount>(options.per_article));
    Xapian::ValueCountMatchSpy sections(schema::section_slot), sources(schema::source_slot);
    Xapian::doccount check_at_least = 0;
    if (options.facets) {
        enquire.add_matchspy(&sections);
        enquire.add_matchspy(&sources);
        check_at_least = engine_.database().get_doccount();
    }
    const Xapian::MSet matches = enquire.get_mset(static_cast<Xapian::doccount>(options.offset),
                                                  static_cast<Xapian::doccount>(options.limit), check_at_least);

    // Turn each match into a hit with its highlights.
    std::vector<std::string> highlight_terms = built.highlight_terms;
    highlight_terms.insert(highlight_terms.end(), context.highlight_terms.begin(), context.highlight_terms.end());
    std::sort(highlight_terms.begin(), highlight_terms.end());
    for (auto match = matches.begin(); match != matches.end(); ++match) {
        Hit hit = decode_hit(match.get_document().get_data());
        hit.rank = static_cast<std::size_t>(match.get_rank()) + 1;  // get_rank() counts from the first result
        hit.score = match.get_weight();
        if (options.highlight) hit.snippet = highlight(std::move(hit.snippet.text), highlight_terms, engine_.analyzer());
        results.hits.push_back(std::move(hit));
    }
    results.estimated_matches = matches.get_matches_estimated();
    if (options.facets) {
        results.section_facets = facet_counts(sections);
        results.source_facets = facet_counts(sources);
    }
    results.expansions = std::move(built.expansions);
    results.expansions.insert(results.expansions.end(), context.expansions.begin(), context.expansions.end());
    return results;
}

}  // namespace medsearch
