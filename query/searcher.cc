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

SearchResults Searcher::search(std::string_view question, const SearchOptions& options) const {
    return search(engine_.parse(question), options, {});
}

SearchResults Searcher::search(Question question, const SearchOptions& options, const SearchContext& context) const {
    SearchResults results;
    results.question = std::move(question);
    if (options.suggest) results.suggestion = engine_.spelling().suggest(results.question.text);

    // Build the scoring query: the question, what the context adds, pseudo-relevance feedback.
    BuiltQuery built = engine_.build(results.question);
    Xapian::Query scoring = with_context(built.query, context);
    if (scoring.empty()) return results;  // nothing searchable: stopwords only, punctuation, ...
    scoring = engine_.add_feedback(scoring, results.question, !context.clauses.empty(), &built.expansions);

    // Article evidence: every passage earns part of its article's own score.
    const RankingOptions& ranking = engine_.ranking();
    ArticleScores articles;
    if (ranking.article_weight > 0) articles = engine_.score_articles(scoring, ranking.candidate_articles, built.evidence);
    for (auto& [article, score] : articles) score *= ranking.article_weight;
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
