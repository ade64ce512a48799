// The open index, once per worker: Xapian's Database objects are not thread-safe, so each request borrows
// an Engine of its own from the pool for as long as it runs and gives it back afterwards. The engines are
// opened (synonyms loaded) once at start-up; before each use an engine is brought up to the index's
// latest commit (refresh()), so what `index` commits meanwhile is searched without a restart, and a
// request always reads one commit, never half an article.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include <xapian.h>

#include "query/engine.h"
#include "server/server_options.h"

namespace medsearch::server {

class EnginePool {
    struct Slot;

public:
    // Opens `options.threads` engines (one per core when 0). Throws DatabaseError when the index cannot be
    // opened.
    explicit EnginePool(const ServerOptions& options);
    ~EnginePool();

    // One engine, for one request at a time; given back to the pool when destroyed.
    class Lease {
    public:
        Lease(Lease&& other) noexcept : pool_(other.pool_), slot_(other.slot_) { other.slot_ = nullptr; }
        Lease& operator=(Lease&&) = delete;
        ~Lease();

        const Engine& engine() const;
        // The engine met a commit it cannot read (Xapian::DatabaseModifiedError): reopen it on next use.
        void mark_stale();

    private:
        friend class EnginePool;
        Lease(EnginePool& pool, Slot& slot) : pool_(pool), slot_(&slot) {}
        EnginePool& pool_;
        Slot* slot_;
    };

    // A free engine at the index's latest commit. Throws ApiError 429 when max_waiting requests already
    // wait for one, 503 when none is free within max_wait or the index cannot be reopened.
    Lease acquire();

    std::size_t size() const { return slots_.size(); }

private:
    void give_back(Slot& slot);
    // Brings the slot's engine to the index's latest commit; the one place the server reopens the index.
    void refresh(Slot& slot) const;

    std::vector<std::filesystem::path> databases_;
    EngineOptions engine_options_;
    ServerLimits limits_;
    std::vector<std::unique_ptr<Slot>> slots_;
    std::mutex mutex_;
    std::condition_variable freed_;
    std::vector<Slot*> free_;
    std::size_t waiting_ = 0;
};

}  // namespace medsearch::server
