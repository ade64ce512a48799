// Document ranking for batch evaluation: runs name documents (articles; for BEIR collections the given
// _id), so each article scores from its article document and its best passage.
#pragma once

#include <memory>
#include <optional>

#include "conversation/conversation.h"
#include "eval/retriever.h"
#include "query/engine.h"

namespace medsearch {

class DocumentRetriever : public Retriever {
public:
    explicit DocumentRetriever(std::unique_ptr<Engine> engine) : engine_(std::move(engine)) {}

    std::vector<ScoredDocument> retrieve(std::string_view question, std::size_t k) override;

    // From now on each question is the next turn of one conversation.
    void begin_conversation() override { conversation_.emplace(*engine_); }

    // Ranks articles for an already built scoring query: each by its article document, its article
    // evidence (BuiltQuery::evidence: sub-word and pairs) and its best passage; then, for a question of
    // `question_words` content words, at least RankingOptions::neighbour_min_words, pulled toward its
    // nearest articles' scores.
    std::vector<ScoredDocument> rank_articles(const Xapian::Query& scoring, const Xapian::Query& evidence, std::size_t k,
                                              std::size_t question_words) const;

    const Engine& engine() const { return *engine_; }

private:
    std::vector<ScoredDocument> retrieve_once(std::string_view question, std::size_t k);

    std::unique_ptr<Engine> engine_;
    std::optional<Conversation> conversation_;  // set in conversational evaluation
};

}  // namespace medsearch
