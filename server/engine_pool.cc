#include "server/engine_pool.h"

#include <thread>

#include "common/errors.h"
#include "server/api_error.h"

namespace medsearch::server {

struct EnginePool::Slot {
    std::unique_ptr<Engine> engine;  // null when it must be opened anew before its next use
};

EnginePool::EnginePool(const ServerOptions& options)
    : databases_(options.databases), engine_options_(options.engine), limits_(options.limits) {
    std::size_t count = options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    for (std::size_t i = 0; i < count; ++i) {
        auto slot = std::make_unique<Slot>();
        slot->engine = std::make_unique<Engine>(databases_, engine_options_);
        free_.push_back(slot.get());
        slots_.push_back(std::move(slot));
    }
}

EnginePool::~EnginePool() = default;

void EnginePool::refresh(Slot& slot) const {
    try {
        if (slot.engine == nullptr)
            slot.engine = std::make_unique<Engine>(databases_, engine_options_);
        else
            slot.engine->refresh();
    } catch (const Xapian::Error& error) {
        slot.engine.reset();
        throw ApiError(503, "index_unavailable", "the index cannot be read just now: " + error.get_description());
    } catch (const Error& error) {
        slot.engine.reset();
        throw ApiError(503, "index_unavailable", std::string("the index cannot be read just now: ") + error.what());
    }
}

EnginePool::Lease EnginePool::acquire() {
    std::unique_lock lock(mutex_);
    if (free_.empty()) {
        if (waiting_ >= limits_.max_waiting)
            throw ApiError(429, "too_many_requests", "the server is answering as many requests as it takes; try again shortly");
        ++waiting_;
        const bool got = freed_.wait_for(lock, limits_.max_wait, [this] { return !free_.empty(); });
        --waiting_;
        if (!got) throw ApiError(503, "busy", "no engine became free in time; try again shortly");
    }
    Slot& slot = *free_.back();
    free_.pop_back();
    lock.unlock();
    Lease lease(*this, slot);  // from here the slot goes back to the pool whatever happens
    refresh(slot);
    return lease;
}

void EnginePool::give_back(Slot& slot) {
    {
        const std::lock_guard lock(mutex_);
        free_.push_back(&slot);
    }
    freed_.notify_one();
}

EnginePool::Lease::~Lease() {
    if (slot_ != nullptr) pool_.give_back(*slot_);
}

const Engine& EnginePool::Lease::engine() const { return *slot_->engine; }

void EnginePool::Lease::mark_stale() { slot_->engine.reset(); }

}  // namespace medsearch::server
