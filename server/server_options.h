// What `medsearch serve` is told: the index, where to listen, how many requests it works on at once, and
// the limits every request is held to (README "Serving" documents them).
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "query/engine.h"

namespace medsearch::server {

struct ServerLimits {
    std::size_t max_body_bytes = 16 * 1024;    // a POST body; larger: 413
    std::size_t max_question_bytes = 1024;     // a question; longer: 413
    std::size_t max_k = 100;                   // passages per answer
    std::size_t max_offset = 1000;             // how deep paging goes
    std::size_t max_filter_values = 20;        // values of one filter (section, cite, article, source)
    // Requests beyond the ones being answered that may wait for a free engine; one more gets 429.
    std::size_t max_waiting = 64;
    // The longest a request waits for a free engine; longer: 503.
    std::chrono::milliseconds max_wait{10'000};
    // The longest the server waits for a request's bytes, or for the client to take the answer.
    std::chrono::seconds read_timeout{5};
    std::chrono::seconds write_timeout{5};
    // Conversations (/api/ask) kept in memory: at most this many, each forgotten after this long unused.
    std::size_t max_sessions = 10'000;
    std::chrono::seconds session_idle{30 * 60};
};

struct ServerOptions {
    std::vector<std::filesystem::path> databases;  // searched as one index (query/engine.h)
    EngineOptions engine;
    std::string host = "127.0.0.1";  // loopback unless told otherwise
    int port = 8080;                 // 0: any free port (tests)
    std::size_t threads = 0;         // engines, each answering one request at a time; 0: one per core
    ServerLimits limits;
};

}  // namespace medsearch::server
