// The engines of the server: one per request at a time, a bounded line of waiting requests (429 beyond
// it, 503 after the longest wait), and every request at the index's latest commit.
#include <catch2/catch.hpp>

#include "query/searcher.h"
#include "server/api_error.h"
#include "server/engine_pool.h"
#include "tests/indexer/temp_index.h"
#include "tests/server/server_fixture.h"

namespace medsearch::test {
namespace {

using namespace std::chrono_literals;

int status_of_acquire(server::EnginePool& pool) {
    try {
        pool.acquire();
        return 200;
    } catch (const server::ApiError& error) {
        return error.status();
    }
}

TEST_CASE("Each engine serves one request at a time, beyond the waiting line requests get 429, after the wait 503", "[server][threads]") {
    server::ServerOptions options = test_server_options(server_index());
    options.threads = 1;
    options.limits.max_wait = 100ms;

    SECTION("no waiting allowed") {
        options.limits.max_waiting = 0;
        server::EnginePool pool(options);
        {
            const server::EnginePool::Lease busy = pool.acquire();
            CHECK(status_of_acquire(pool) == 429);
        }
        CHECK(status_of_acquire(pool) == 200);  // given back
    }
    SECTION("one may wait") {
        options.limits.max_waiting = 1;
        server::EnginePool pool(options);
        const server::EnginePool::Lease busy = pool.acquire();
        CHECK(status_of_acquire(pool) == 503);  // waited 100 ms for nothing
    }
    SECTION("a waiting request gets the engine when it is given back") {
        options.limits.max_waiting = 1;
        options.limits.max_wait = 10s;
        server::EnginePool pool(options);
        std::optional<server::EnginePool::Lease> busy(pool.acquire());
        std::thread giver([&] {
            std::this_thread::sleep_for(50ms);
            busy.reset();
        });
        CHECK(status_of_acquire(pool) == 200);
        giver.join();
    }
}

TEST_CASE("An engine borrowed after a commit searches what the commit added, without a restart", "[server][threads]") {
    TempIndex index;
    index.index({fixture("conversation")});
    REQUIRE(index.observer.errors.empty());
    server::EnginePool pool(test_server_options(index.db()));
    const auto best_article = [&](const std::string& question) {
        const server::EnginePool::Lease lease = pool.acquire();
        const SearchResults results = Searcher(lease.engine()).search(question, {});
        return results.hits.empty() ? std::string() : results.hits.front().article_id;
    };
    CHECK(best_article("zygomycosis") != "fungal");
    {
        IndexWriter writer(index.db());
        writer.add(make_article("fungal", {"Zygomycosis is a fungal infection of the sinuses."}));
        writer.commit();
    }
    CHECK(best_article("zygomycosis") == "fungal");
    CHECK(best_article("sinuses") == "fungal");
}

}  // namespace
}  // namespace medsearch::test
