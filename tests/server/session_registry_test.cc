// Conversations kept by the server: created on first use, kept between turns, forgotten after the idle
// time, bounded in number, and a turn that fails leaves the session as it was.
#include <catch2/catch.hpp>

#include "server/api_error.h"
#include "server/session_registry.h"

namespace medsearch::test {
namespace {

using server::SessionRegistry;
using namespace std::chrono_literals;

void add_turn(SessionRegistry& sessions, const std::string& name, SessionRegistry::Clock::time_point now, const std::string& question) {
    sessions.with_session(name, now, [&](ConversationState& state) { state.turns.push_back({question, "", "", {}}); });
}

std::size_t turns_of(SessionRegistry& sessions, const std::string& name, SessionRegistry::Clock::time_point now) {
    std::size_t turns = 0;
    sessions.with_session(name, now, [&](ConversationState& state) { turns = state.turns.size(); });
    return turns;
}

TEST_CASE("A session keeps its turns until it has been idle too long", "[server]") {
    SessionRegistry sessions(10, 60s);
    const auto start = SessionRegistry::Clock::now();
    add_turn(sessions, "a", start, "What is leukopenia?");
    add_turn(sessions, "a", start + 50s, "How is it treated?");
    CHECK(turns_of(sessions, "a", start + 100s) == 2);  // each turn restarts the idle time
    CHECK(sessions.size(start + 100s) == 1);
    CHECK(sessions.size(start + 161s) == 0);
    CHECK(turns_of(sessions, "a", start + 161s) == 0);  // asked again after expiry: a new conversation
}

TEST_CASE("Sessions are separate", "[server]") {
    SessionRegistry sessions(10, 60s);
    const auto now = SessionRegistry::Clock::now();
    add_turn(sessions, "a", now, "one");
    add_turn(sessions, "b", now, "two");
    add_turn(sessions, "b", now, "three");
    CHECK(turns_of(sessions, "a", now) == 1);
    CHECK(turns_of(sessions, "b", now) == 2);
}

TEST_CASE("A turn that throws leaves the session as it was", "[server]") {
    SessionRegistry sessions(10, 60s);
    const auto now = SessionRegistry::Clock::now();
    add_turn(sessions, "a", now, "one");
    CHECK_THROWS(sessions.with_session("a", now, [](ConversationState& state) {
        state.turns.clear();
        throw std::runtime_error("the search failed");
    }));
    CHECK(turns_of(sessions, "a", now) == 1);
}

TEST_CASE("Past the session limit a new session is refused until one expires", "[server]") {
    SessionRegistry sessions(2, 60s);
    const auto start = SessionRegistry::Clock::now();
    add_turn(sessions, "a", start, "one");
    add_turn(sessions, "b", start + 30s, "two");
    try {
        add_turn(sessions, "c", start + 30s, "three");
        FAIL("a third session was kept");
    } catch (const server::ApiError& error) {
        CHECK(error.status() == 503);
    }
    add_turn(sessions, "b", start + 30s, "an existing session goes on");
    add_turn(sessions, "c", start + 61s, "three");  // "a" has expired
    CHECK(turns_of(sessions, "b", start + 61s) == 2);
    CHECK(turns_of(sessions, "c", start + 61s) == 1);
}

TEST_CASE("New session names are valid and distinct", "[server]") {
    const std::string first = SessionRegistry::new_name();
    CHECK(first.size() == 32);
    CHECK(first.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(SessionRegistry::new_name() != first);
}

}  // namespace
}  // namespace medsearch::test
