// Batch retrieval through a fake Retriever that records what it is asked: file order normally, session by
// session in turn order with begin_conversation() before each session in conversational mode.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "common/errors.h"
#include "eval/run_topics.h"

namespace medsearch::eval {
namespace {

// Records every call; answers each question with a fixed list (or `answer` when set).
class RecordingRetriever : public Retriever {
public:
    std::vector<std::string> calls;  // "begin" or the question asked
    std::vector<std::size_t> depths;
    std::vector<ScoredDocument> answer{{"d1", 2.0}, {"d2", 1.0}};

    std::vector<ScoredDocument> retrieve(std::string_view question, std::size_t k) override {
        calls.emplace_back(question);
        depths.push_back(k);
        return answer;
    }
    void begin_conversation() override { calls.emplace_back("begin"); }
};

std::vector<Topic> topics_of(const std::vector<std::string>& ids) {
    std::vector<Topic> topics;
    for (const std::string& id : ids) topics.push_back({id, "question " + id});
    return topics;
}

TEST_CASE("topics are asked in file order and the run keeps that order", "[eval][run_topics]") {
    RecordingRetriever retriever;
    RunOptions options;
    options.depth = 7;
    options.tag = "bm25";
    const Run run = run_topics(topics_of({"3", "1", "2"}), retriever, options);
    CHECK(retriever.calls == std::vector<std::string>{"question 3", "question 1", "question 2"});
    CHECK(retriever.depths == std::vector<std::size_t>{7, 7, 7});
    REQUIRE(run.topics.size() == 3);
    CHECK(run.topics[0].topic_id == "3");
    CHECK(run.topics[0].entries.size() == 2);
    CHECK(run.tag == "bm25");
}

TEST_CASE("conversational topics are asked session by session, turns in numeric order", "[eval][run_topics]") {
    const auto [ids, expected_calls] = GENERATE(table<std::vector<std::string>, std::vector<std::string>>({
        // In order already.
        {{"S1_1", "S1_2", "S2_1"}, {"begin", "question S1_1", "question S1_2", "begin", "question S2_1"}},
        // Turns out of order, numeric not textual (10 after 9), sessions interleaved: sessions keep the order
        // of their first appearance.
        {{"S2_10", "S1_2", "S2_9", "S1_1", "S2_1"},
         {"begin", "question S2_1", "question S2_9", "question S2_10", "begin", "question S1_1", "question S1_2"}},
        // The session is everything before the last underscore.
        {{"a_b_2", "a_b_1", "a_1"}, {"begin", "question a_b_1", "question a_b_2", "begin", "question a_1"}},
    }));
    RecordingRetriever retriever;
    RunOptions options;
    options.conversational = true;
    const Run run = run_topics(topics_of(ids), retriever, options);
    CHECK(retriever.calls == expected_calls);
    // The run still lists topics in file order.
    REQUIRE(run.topics.size() == ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) CHECK(run.topics[i].topic_id == ids[i]);
}

TEST_CASE("without --conversational begin_conversation is never called", "[eval][run_topics]") {
    RecordingRetriever retriever;
    run_topics(topics_of({"S1_2", "S1_1"}), retriever, {});
    CHECK(retriever.calls == std::vector<std::string>{"question S1_2", "question S1_1"});
}

TEST_CASE("conversational ids must be SESSION_TURN with one topic per turn", "[eval][run_topics]") {
    const auto [ids, message] = GENERATE(table<std::vector<std::string>, std::string>({
        {{"S1_1", "S1"}, "is not SESSION_TURN"},
        {{"S1_x"}, "is not a number"},
        {{"_1"}, "is not SESSION_TURN"},
        {{"S1_"}, "is not SESSION_TURN"},
        {{"S1_1", "S1_01"}, "the same turn of one session"},
    }));
    RecordingRetriever retriever;
    RunOptions options;
    options.conversational = true;
    CHECK_THROWS_WITH(run_topics(topics_of(ids), retriever, options), Catch::Contains(message));
    CHECK(retriever.calls.empty());  // checked before anything is asked
}

TEST_CASE("results are cut to the depth, repeated documents dropped and scores rounded", "[eval][run_topics]") {
    RecordingRetriever retriever;
    retriever.answer = {{"a", 3.0000004}, {"b", 2.0}, {"a", 1.0}, {"c", 0.5}, {"d", 0.25}};
    RunOptions options;
    options.depth = 3;
    const Run run = run_topics(topics_of({"1"}), retriever, options);
    const std::vector<RunEntry>& entries = run.topics.front().entries;
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].doc_id == "a");
    CHECK(entries[0].score == 3.0);
    CHECK(entries[1].doc_id == "b");
    CHECK(entries[2].doc_id == "c");
}

}  // namespace
}  // namespace medsearch::eval
