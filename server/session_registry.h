// The conversations of /api/ask, kept in memory: one ConversationState per session name, created on first
// use and forgotten after ServerLimits::session_idle without a turn. Turns of one session take turns (a
// lock per session); different sessions go on at once.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "conversation/conversation.h"

namespace medsearch::server {

class SessionRegistry {
public:
    using Clock = std::chrono::steady_clock;

    SessionRegistry(std::size_t max_sessions, std::chrono::seconds idle) : max_sessions_(max_sessions), idle_(idle) {}

    // Runs `turn` on the session's state under the session's lock, creating the session when it is new or
    // has expired. The state is kept only when `turn` returns normally. Throws ApiError 503 when
    // max_sessions sessions are in use and none has expired.
    void with_session(const std::string& name, Clock::time_point now, const std::function<void(ConversationState&)>& turn);

    // A fresh session name nobody chose: 32 random hexadecimal digits.
    static std::string new_name();

    // Sessions not yet expired at `now`.
    std::size_t size(Clock::time_point now);

private:
    struct Session {
        std::mutex turn;
        ConversationState state;
        Clock::time_point last_used;
    };
    void expire(Clock::time_point now);  // with mutex_ held

    std::size_t max_sessions_;
    std::chrono::seconds idle_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::shared_ptr<Session>> sessions_;
};

}  // namespace medsearch::server
