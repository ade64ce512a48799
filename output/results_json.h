// Search results as JSON, for programs: the CLI writes these objects as JSON lines (`search --json`,
// `ask --json`) and the server's API puts them together into one document. The field names are a stable
// interface documented in README.md.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "query/answer_card.h"
#include "conversation/conversation.h"
#include "query/hit.h"
#include "query/searcher.h"

namespace medsearch {

// A hit: rank, score, id, article, title, url, source, section, heading, kind, ordinal, text, highlights
// ([[begin, end]] byte offsets into text), citations and the cited references.
nlohmann::json hit_json(const Hit& hit);

// {"type": "answer_card", "groups": [{"name", "hits": [hit...]}]}, groups in the site's order.
nlohmann::json answer_card_json(const AnswerCard& card);

// [{"expression", "weight", "reason"}]: what synonyms, feedback or a conversation's context added.
nlohmann::json expansions_json(const std::vector<Expansion>& expansions);

// {"sections": {section: count}, "sources": {source: count}}.
nlohmann::json facets_json(const SearchResults& results);

// {"question", "kind", "subject", "subject_title", "reason", "added"}: what a conversation's earlier
// turns did to this question.
nlohmann::json context_json(const SearchResults& results, const ContextResolution& context);

// Which optional parts a results document holds.
struct ResultsJsonParts {
    bool answer = false;   // "answer_card": the hits grouped as the site's articles are
    bool facets = false;   // "facets"
    bool explain = false;  // "explain": the question's concepts and what was added
    std::size_t card_passages = 10;  // the answer card shows at most this many passages (the request's k)
};

// The search options an answer card needs: it chooses from more passages than it shows.
SearchOptions with_card_candidates(SearchOptions options);

// The whole answer as one document: "hits", "total" (the estimated number of matching passages),
// "suggestion" (empty when none) and the parts asked for; with a context, "context" too.
// What a page of results amounts to: the total of matching passages, how many are shown, the question
// searched, the spelling suggestion and, when the correction was searched instead, the question as asked.
nlohmann::json summary_json(const SearchResults& results);
nlohmann::json results_json(const SearchResults& results, const ResultsJsonParts& parts, const ContextResolution* context = nullptr);

}  // namespace medsearch
