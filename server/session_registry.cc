#include "server/session_registry.h"

#include <random>

#include "server/api_error.h"

namespace medsearch::server {

void SessionRegistry::expire(Clock::time_point now) {
    std::erase_if(sessions_, [&](const auto& entry) { return now - entry.second->last_used > idle_; });
}

void SessionRegistry::with_session(const std::string& name, Clock::time_point now, const std::function<void(ConversationState&)>& turn) {
    std::shared_ptr<Session> session;
    {
        const std::lock_guard lock(mutex_);
        auto found = sessions_.find(name);
        if (found == sessions_.end() || now - found->second->last_used > idle_) {
            expire(now);
            if (sessions_.size() >= max_sessions_)
                throw ApiError(503, "too_many_sessions", "the server keeps as many conversations as it can; try again later");
            found = sessions_.insert_or_assign(name, std::make_shared<Session>()).first;
        }
        session = found->second;
        // Marked used now, so that a long turn does not let it expire under its own feet.
        session->last_used = now;
    }
    const std::lock_guard turn_lock(session->turn);
    ConversationState state = session->state;
    turn(state);
    session->state = std::move(state);
}

std::string SessionRegistry::new_name() {
    static thread_local std::mt19937_64 generator{std::random_device{}()};
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string name;
    for (int i = 0; i < 32; ++i) name += kDigits[generator() % 16];
    return name;
}

std::size_t SessionRegistry::size(Clock::time_point now) {
    const std::lock_guard lock(mutex_);
    expire(now);
    return sessions_.size();
}

}  // namespace medsearch::server
