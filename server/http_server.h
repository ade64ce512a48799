// The HTTP server of `medsearch serve`: the JSON API and the web page, over cpp-httplib. Requests are read
// and written by a pool of connection threads; each request that searches borrows an engine of its own
// (server/engine_pool.h), so the server answers as many questions at once as it has engines. Errors are
// JSON, {"error": code, "message": ...}, with their HTTP status. README "Serving" lists the routes.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "server/server_options.h"

namespace medsearch::server {

// One answered request, for an access log.
struct RequestRecord {
    std::string method;
    std::string path;
    int status = 0;
    std::chrono::microseconds duration{0};
};
using RequestLog = std::function<void(const RequestRecord&)>;

class Server {
public:
    // Opens the index (one engine per thread) and declares the routes. Throws DatabaseError when the
    // index cannot be opened.
    explicit Server(ServerOptions options, RequestLog log = {});
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds the address; returns the port (the one chosen when options.port is 0). Throws Error when the
    // address cannot be bound.
    int bind();
    // Answers requests until stop(); returns once the requests in flight are answered.
    void serve();
    // Stops accepting; safe from any thread. serve() returns when the requests in flight are done.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace medsearch::server
