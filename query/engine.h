// What every way of asking shares: the open index (its passages and articles databases), the one analyzer,
// the synonyms, the ranking options and the query builder; and the ranking primitives built on them —
// scoring articles by their article documents, finding each article's best passage, lending passages their
// article's score. search, eval and ask all go through an Engine.
//
// Every primitive runs as one Xapian match with Xapian's own weighting and posting sources, and names
// articles by id (boolean terms and the article-id value), never by document number: so it runs the
// same over one database, over shards, and over remote shards behind xapian-tcpsrv.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "common/errors.h"
#include "indexer/open_index.h"
#include "readers/article.h"
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
    // Opens the index (indexer/open_index.h: a folder, a folder split into shards, a shard list) and loads
    // the synonyms. Throws DatabaseError or ParseError.
    Engine(const std::filesystem::path& index, EngineOptions options = {});
    // Several indexes (each as above), searched as one.
    Engine(const std::vector<std::filesystem::path>& indexes, EngineOptions options = {});

    // Sees what writers have committed since, both databases at one batch. Cheap when nothing changed.
    // Const: which committed revision a reader sees is not part of what the engine is.
    void refresh() const;

    // Runs `search` (a function of the engine's databases) and returns what it returns; when a writer's
    // commits overtake the revision it reads (Xapian's DatabaseModifiedError), refreshes and runs it
    // again, at most kModifiedRetries times, then throws DatabaseError.
    static constexpr int kModifiedRetries = 5;
    template <typename Search>
    auto retrying(Search&& search) const {
        for (int attempt = 1;; ++attempt) {
            try {
                return search();
            } catch (const Xapian::DatabaseModifiedError& error) {
                if (attempt >= kModifiedRetries)
                    throw DatabaseError("the index changed under every one of " + std::to_string(attempt) +
                                        " attempts: " + error.get_description());
                refresh();
            }
        }
    }

    // The question's concepts, each plain word with the derivational variants the index holds.
    Question parse(std::string_view text) const;
    BuiltQuery build(const Question& question) const { return builder_.build(question); }

    // A match over one of the databases with the shipped weighting; equal scores by article id, then in
    // document order (an article's documents are in the order they were written however the index is split).
    Xapian::Enquire enquire(const Xapian::Database& database, const Xapian::Query& query) const;
    // A match over the articles database with the articles' weighting (article_bm25).
    Xapian::Enquire enquire_articles(const Xapian::Query& query) const;

    // The best `count` articles by their article documents' scores, the top evidence_depth of them plus their
    // article evidence (BuiltQuery::evidence; empty: none); best first.
    std::vector<RankedArticle> rank_articles(const Xapian::Query& scoring, std::size_t count, const Xapian::Query& evidence = {}) const;
    // The same, by article id.
    ArticleScores score_articles(const Xapian::Query& scoring, std::size_t count, const Xapian::Query& evidence = {}) const;
    // Each listed article's best passage score (articles with no matching passage are left out).
    ArticleScores best_passages(const Xapian::Query& scoring, const std::vector<std::string>& articles) const;
    // scoring AND_MAYBE bonus, for the passages database: every passage of each article in `bonus` gets that
    // article's bonus added when the question matches it.
    Xapian::Query with_article_bonus(const Xapian::Query& scoring, const ArticleScores& bonus) const;
    // Reads each ranked article's nearest articles from its article document.
    void add_neighbours(std::vector<RankedArticle>& ranked) const;

    // Pseudo-relevance feedback: the scoring query plus the best terms of the top article documents.
    // Only for a short question (feedback.max_question_words) asked on its own: a conversation's context
    // already says what the question is about.
    Xapian::Query add_feedback(const Xapian::Query& scoring, const Question& question, bool in_context,
                               std::vector<Expansion>* expansions = nullptr) const;

    const Xapian::Database& passages() const { return index_.passages; }
    const Xapian::Database& articles() const { return index_.articles; }
    const Analyzer& analyzer() const { return analyzer_; }
    const RankingOptions& ranking() const { return options_.ranking; }
    const QueryBuilder& builder() const { return builder_; }
    const SpellingSuggester& spelling() const { return spelling_; }
    // The article as indexed; nullopt when the index has no article of that id. Throws DatabaseError when
    // its stored form is damaged.
    std::optional<Article> article(std::string_view article_id) const;
    // The title stored with an article; empty when the article is unknown.
    std::string article_title(std::string_view article_id) const;

private:
    mutable IndexDatabases index_;
    EngineOptions options_;
    Analyzer analyzer_;
    SynonymDictionary synonyms_;
    QueryBuilder builder_;
    SpellingSuggester spelling_;
};

}  // namespace medsearch
