#include "eval/run_topics.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <exception>
#include <mutex>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "common/errors.h"

namespace medsearch::eval {

namespace {

struct TurnId {
    std::string_view session;
    std::size_t turn = 0;
};

TurnId split_turn_id(const std::string& id) {
    const std::size_t underscore = id.rfind('_');
    if (underscore == std::string::npos || underscore == 0 || underscore + 1 == id.size())
        throw UsageError("conversational topic id \"" + id + "\" is not SESSION_TURN");
    const std::string_view digits = std::string_view(id).substr(underscore + 1);
    TurnId turn{std::string_view(id).substr(0, underscore), 0};
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), turn.turn);
    if (error != std::errc() || end != digits.data() + digits.size())
        throw UsageError("conversational topic id \"" + id + "\": the turn after the last underscore is not a number");
    return turn;
}

TopicRun retrieve_topic(const Topic& topic, Retriever& retriever, std::size_t depth) {
    TopicRun result{topic.id, {}};
    std::unordered_set<std::string> seen;
    for (ScoredDocument& document : retriever.retrieve(topic.text, depth)) {
        if (result.entries.size() == depth) break;
        if (!seen.insert(document.id).second) continue;  // a run may not list a document twice
        result.entries.push_back({std::move(document.id), round_score(document.score)});
    }
    return result;
}

}  // namespace

std::vector<std::vector<std::size_t>> conversation_order(const std::vector<Topic>& topics) {
    // (turn, topic position) pairs per session, sessions in order of first appearance.
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> turns;
    std::unordered_map<std::string_view, std::size_t> session_index;
    for (std::size_t i = 0; i < topics.size(); ++i) {
        const TurnId id = split_turn_id(topics[i].id);
        const auto [slot, inserted] = session_index.try_emplace(id.session, turns.size());
        if (inserted) turns.emplace_back();
        turns[slot->second].emplace_back(id.turn, i);
    }
    std::vector<std::vector<std::size_t>> sessions;
    sessions.reserve(turns.size());
    for (auto& session : turns) {
        std::sort(session.begin(), session.end());
        std::vector<std::size_t> positions;
        positions.reserve(session.size());
        for (std::size_t k = 0; k < session.size(); ++k) {
            if (k > 0 && session[k].first == session[k - 1].first)
                throw UsageError("conversational topics " + topics[session[k - 1].second].id + " and " +
                                 topics[session[k].second].id + " are the same turn of one session");
            positions.push_back(session[k].second);
        }
        sessions.push_back(std::move(positions));
    }
    return sessions;
}

Run run_topics(const std::vector<Topic>& topics, Retriever& retriever, const RunOptions& options) {
    return run_topics(topics, std::vector<Retriever*>{&retriever}, options);
}

Run run_topics(const std::vector<Topic>& topics, const std::vector<Retriever*>& retrievers, const RunOptions& options) {
    if (retrievers.empty()) throw UsageError("batch retrieval needs at least one retriever");

    // The units of work: a session's turns in order, or one topic. Checked before anything is asked.
    std::vector<std::vector<std::size_t>> units;
    if (options.conversational) {
        units = conversation_order(topics);
    } else {
        for (std::size_t i = 0; i < topics.size(); ++i) units.push_back({i});
    }

    // Each thread takes the next unit until none is left or one of them failed. Every unit writes its own
    // slots of the run, so the threads share nothing else.
    Run run;
    run.tag = options.tag;
    run.topics.resize(topics.size());
    std::atomic<std::size_t> next_unit{0};
    std::atomic<bool> failed{false};
    std::exception_ptr first_error;
    std::mutex error_mutex;
    const auto work = [&](Retriever& retriever) {
        try {
            for (std::size_t unit = next_unit++; unit < units.size() && !failed; unit = next_unit++) {
                if (options.conversational) retriever.begin_conversation();
                for (const std::size_t i : units[unit]) run.topics[i] = retrieve_topic(topics[i], retriever, options.depth);
            }
        } catch (...) {
            const std::lock_guard<std::mutex> lock(error_mutex);
            if (!first_error) first_error = std::current_exception();
            failed = true;
        }
    };
    if (retrievers.size() == 1 || units.size() <= 1) {
        work(*retrievers.front());
    } else {
        std::vector<std::jthread> threads;
        for (Retriever* retriever : retrievers) threads.emplace_back(work, std::ref(*retriever));
    }  // the threads join here
    if (first_error) std::rethrow_exception(first_error);
    return run;
}

}  // namespace medsearch::eval
