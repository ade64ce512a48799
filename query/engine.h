// What every way of asking shares: the open index, the one analyzer, the synonyms, the ranking options
// and the query builder; and the two ranking primitives built on them — scoring articles by their article
// documents and finding each article's best passage. search, eval and ask all go through an Engine.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "query/article_map.h"
#include "query/neighbour_map.h"
#include "query/query_builder.h"
#include "query/question.h"
#include "query/ranked_article.h"
#include "query/ranking_options.h"
#include "query/spelling.h"
#include "query/synonyms.h"

namespace medsearch {

struct EngineOptions {
    RankingOptions ranking = default_ranking();
    bool bundled_synonyms = true;                     // corpus/synonyms/*.tsv
    std::vector<std::filesystem::path> synonym_files; // the user's own, added to the bundled ones
    std::vector<std::filesystem::path> dictionaries = default_dictionaries();  // for spelling; empty: none
};

class Engine {
public:
    // Opens the index and loads the synonyms. Throws DatabaseError or ParseError.
    Engine(const std::filesystem::path& database, EngineOptions options = {});

    // The question's concepts, each plain word with the derivational variants the index holds.
    Question parse(std::string_view text) const;
    BuiltQuery build(const Question& question) const { return builder_.build(question); }

    // The scoring query restricted to one kind of document and the filter (empty filter: none).
    Xapian::Query restrict(const Xapian::Query& scoring, std::string_view kind, const Xapian::Query& filter = {}) const;

    // scoring AND_MAYBE bonus: every document of the kind ("passage" or "article") of each article in
    // `bonus` gets that article's bonus added when the question matches it.
    Xapian::Query with_article_bonus(const Xapian::Query& scoring, const ArticleScores& bonus, std::string_view kind) const;

    // The best `count` articles by their article documents' scores, the top evidence_depth of them plus their
    // article evidence (BuiltQuery::evidence; empty: none); best first, equal scores in index order.
    std::vector<RankedArticle> rank_articles(const Xapian::Query& scoring, std::size_t count, const Xapian::Query& evidence = {}) const;
    // The same, by article.
    ArticleScores score_articles(const Xapian::Query& scoring, std::size_t count, const Xapian::Query& evidence = {}) const;
    // The query's score for each of the given documents (0 where it does not match), scoring no other.
    std::vector<double> score_documents(const Xapian::Query& query, const std::vector<Xapian::docid>& documents) const;
    // Each candidate article's best passage score (articles with no matching passage are left out).
    ArticleScores best_passages(const Xapian::Query& scoring, const std::vector<ArticleNumber>& candidates) const;

    // Pseudo-relevance feedback: the scoring query plus the best terms of the top article documents.
    // Only for a short question (feedback.max_question_words) asked on its own: a conversation's context
    // already says what the question is about.
    Xapian::Query add_feedback(const Xapian::Query& scoring, const Question& question, bool in_context,
                               std::vector<Expansion>* expansions = nullptr) const;

    Xapian::Enquire enquire(const Xapian::Query& query) const;
    // The query's matches among the listed documents only, best first (a posting source lists them and
    // filters the query, so Xapian visits no other).
    Xapian::MSet match_within(const Xapian::Query& query, std::vector<Xapian::docid> documents) const;

    const Xapian::Database& database() const { return database_; }
    const Analyzer& analyzer() const { return analyzer_; }
    const RankingOptions& ranking() const { return options_.ranking; }
    const QueryBuilder& builder() const { return builder_; }
    // Read on first use: one pass over the article-id values.
    const ArticleMap& articles() const;
    // Each article's nearest articles as the indexer found them (read on first use).
    const NeighbourMap& neighbours() const;
    const SpellingSuggester& spelling() const { return spelling_; }
    // The title stored with an article; empty when the article is unknown.
    std::string article_title(std::string_view article_id) const;

private:
    Xapian::Database database_;
    EngineOptions options_;
    Analyzer analyzer_;
    SynonymDictionary synonyms_;
    QueryBuilder builder_;
    SpellingSuggester spelling_;
    mutable std::optional<ArticleMap> articles_;
    mutable std::optional<NeighbourMap> neighbours_;
};

}  // namespace medsearch
