// What batch evaluation needs from the engine: ranked document ids for a question. Batch retrieval
// (run_topics.h) depends only on this interface; document_retriever.h and passage_retriever.h implement it
// over a Xapian index.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace medsearch {

struct ScoredDocument {
    std::string id;  // the corpus id of the document (article id; for BEIR collections the given _id)
    double score = 0.0;
};

class Retriever {
public:
    virtual ~Retriever() = default;

    // At most k documents for the question, best first.
    virtual std::vector<ScoredDocument> retrieve(std::string_view question, std::size_t k) = 0;

    // Starts a new conversation: until the next call, retrieve() treats each question as the next turn
    // of the same conversation. A retriever that keeps no context ignores it.
    virtual void begin_conversation() {}
};

}  // namespace medsearch
