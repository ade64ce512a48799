// Passage ranking for batch evaluation: what `search` ranks, scored at the unit a collection's judgements
// name. A passage that belongs to a source's own answer unit (MedQuAD's question-answer pair "Sec3") is
// reported as "<article id>_<unit>", the id followup-dev's qrels use; any other passage by its passage id
// ("<article id>#<ordinal>"). Each unit is reported once, at its best passage.
#pragma once

#include <memory>
#include <optional>

#include "conversation/conversation.h"
#include "eval/retriever.h"
#include "query/engine.h"
#include "query/searcher.h"

namespace medsearch {

class PassageRetriever : public Retriever {
public:
    explicit PassageRetriever(std::unique_ptr<Engine> engine) : engine_(std::move(engine)), searcher_(*engine_) {}

    std::vector<ScoredDocument> retrieve(std::string_view question, std::size_t k) override;

    void begin_conversation() override { conversation_.emplace(*engine_); }

private:
    std::vector<ScoredDocument> retrieve_once(std::string_view question, std::size_t k);

    std::unique_ptr<Engine> engine_;
    Searcher searcher_;
    std::optional<Conversation> conversation_;
};

// The unit id a hit is judged as (see above).
std::string judged_unit(const Hit& hit);

}  // namespace medsearch
