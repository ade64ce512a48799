// Batch retrieval through a fake Retriever that records what it is asked: file order normally, session by
// session in turn order with begin_conversation() before each session in conversational mode.
#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>
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

// Answers each question with its own text as the only document, so a run shows who answered what.
class EchoRetriever : public RecordingRetriever {
public:
    std::vector<ScoredDocument> retrieve(std::string_view question, std::size_t k) override {
        RecordingRetriever::retrieve(question, k);
        if (question == fail_on) throw std::runtime_error("cannot answer " + fail_on);
        return {{std::string(question), 1.0}};
    }
    std::string fail_on;  // a question that throws
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

std::vector<Topic> numbered_topics(const std::string& session_prefix, std::size_t sessions, std::size_t turns) {
    std::vector<std::string> ids;
    for (std::size_t s = 1; s <= sessions; ++s)
        for (std::size_t t = 1; t <= turns; ++t) ids.push_back(session_prefix + std::to_string(s) + "_" + std::to_string(t));
    return topics_of(ids);
}

TEST_CASE("several retrievers make the run one retriever makes, each topic asked once", "[eval][run_topics][threads]") {
    const std::size_t threads = GENERATE(1, 2, 3, 8);
    const bool conversational = GENERATE(false, true);
    const std::vector<Topic> topics = numbered_topics("S", 13, 3);
    RunOptions options;
    options.conversational = conversational;
    EchoRetriever alone;
    const Run expected = run_topics(topics, alone, options);

    std::vector<EchoRetriever> retrievers(threads);
    std::vector<Retriever*> workers;
    for (EchoRetriever& retriever : retrievers) workers.push_back(&retriever);
    const Run run = run_topics(topics, workers, options);
    REQUIRE(run.topics.size() == expected.topics.size());
    for (std::size_t i = 0; i < run.topics.size(); ++i) {
        CHECK(run.topics[i].topic_id == expected.topics[i].topic_id);
        REQUIRE(run.topics[i].entries.size() == 1);
        CHECK(run.topics[i].entries[0].doc_id == expected.topics[i].entries[0].doc_id);
    }
    // Every question asked exactly once over all retrievers; in conversational mode each retriever asks whole
    // sessions, turn after turn, each after a begin_conversation().
    std::vector<std::string> asked;
    for (const EchoRetriever& retriever : retrievers) {
        std::string session;
        std::size_t turn = 0;
        for (const std::string& call : retriever.calls) {
            if (call == "begin") {
                session.clear();
                continue;
            }
            asked.push_back(call);
            if (!conversational) continue;
            const std::string id = call.substr(std::string("question ").size());
            const std::string this_session = id.substr(0, id.rfind('_'));
            const std::size_t this_turn = std::stoul(id.substr(id.rfind('_') + 1));
            if (session.empty()) {
                CHECK(this_turn == 1);
            } else {
                CHECK(this_session == session);
                CHECK(this_turn == turn + 1);
            }
            session = this_session;
            turn = this_turn;
        }
    }
    std::sort(asked.begin(), asked.end());
    std::vector<std::string> questions;
    for (const Topic& topic : topics) questions.push_back(topic.text);
    std::sort(questions.begin(), questions.end());
    CHECK(asked == questions);
}

TEST_CASE("an error in one retrieval thread stops the run and reaches the caller", "[eval][run_topics][threads]") {
    const std::size_t threads = GENERATE(1, 2, 4);
    std::vector<EchoRetriever> retrievers(threads);
    std::vector<Retriever*> workers;
    for (EchoRetriever& retriever : retrievers) {
        retriever.fail_on = "question S7_1";
        workers.push_back(&retriever);
    }
    CHECK_THROWS_WITH(run_topics(numbered_topics("S", 20, 1), workers, {}), Catch::Contains("cannot answer question S7_1"));
}

TEST_CASE("batch retrieval needs a retriever", "[eval][run_topics]") {
    CHECK_THROWS_AS(run_topics(topics_of({"1"}), std::vector<Retriever*>{}, {}), UsageError);
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
