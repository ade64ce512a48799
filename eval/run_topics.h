// Batch retrieval: asks a Retriever every topic and collects a Run. In conversational mode topics are
// turns of sessions (ids `SESSION_TURN`, the turn is the number after the last underscore): each session's
// turns are asked in numeric turn order, sessions in order of first appearance, and the retriever is told
// where each session starts, so each turn sees the earlier ones. Given several retrievers (one per thread:
// a Xapian database handle is not shared between threads), topics, or whole sessions, are shared out among
// them; the run is the same whatever the number, since no topic depends on another outside its session.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "eval/retriever.h"
#include "eval/run.h"
#include "eval/topics.h"

namespace medsearch::eval {

struct RunOptions {
    std::size_t depth = 1000;           // documents asked for per topic
    bool conversational = false;        // topics are SESSION_TURN turns (see above)
    std::string tag = "medsearch";      // the run tag written in the sixth column
};

// Topic positions (indexes into the topic list) grouped by session: sessions in order of first appearance,
// turns in numeric order. Throws UsageError for an id without a numeric turn after its last underscore or a
// turn given twice in one session.
std::vector<std::vector<std::size_t>> conversation_order(const std::vector<Topic>& topics);

// Runs every topic through the retriever. The run lists topics in topic-file order (whatever order they were
// asked in), each with at most `depth` documents: the first of any repeated document id is kept, scores are
// rounded with round_score so the run means the same in memory and once written. With `conversational`,
// begin_conversation() is called before each session's first turn; otherwise topics are asked in file order.
Run run_topics(const std::vector<Topic>& topics, Retriever& retriever, const RunOptions& options);

// The same with one thread per retriever, each asking the next topic (session) not yet taken. Throws the
// first error a thread met, once every thread has stopped; UsageError when `retrievers` is empty.
Run run_topics(const std::vector<Topic>& topics, const std::vector<Retriever*>& retrievers, const RunOptions& options);

}  // namespace medsearch::eval
