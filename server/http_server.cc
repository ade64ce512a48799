#include "server/http_server.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <regex>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "server/api_error.h"
#include "server/api_request.h"
#include "server/engine_pool.h"
#include "server/search_api.h"
#include "server/session_registry.h"
#include "server/web_assets.h"

namespace medsearch::server {

namespace {

using Clock = std::chrono::steady_clock;

// Connection threads beyond the engines and the requests allowed to wait for one: they answer 429 at once
// when both are taken.
constexpr std::size_t kSpareConnectionThreads = 4;
// Requests one kept-alive connection may send before it is closed.
constexpr std::size_t kKeepAliveRequests = 100;

// The page may load its own files only: no inline script, nothing from elsewhere.
constexpr const char* kPagePolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

void send_json(httplib::Response& response, const nlohmann::json& document, int status = 200) {
    response.status = status;
    response.set_header("Cache-Control", "no-store");
    response.set_content(document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json; charset=utf-8");
}

void send_error(httplib::Response& response, int status, const std::string& code, const std::string& message) {
    send_json(response, {{"error", code}, {"message", message}}, status);
}

// The code and message of a status httplib answers by itself: a body over the limit, a URI too long, a
// request that is not HTTP.
std::pair<std::string, std::string> error_of_status(int status, const ServerLimits& limits) {
    switch (status) {
        case 400: return {"bad_request", "the request is not well-formed HTTP"};
        case 413: return {"request_too_large", "the request body is over " + std::to_string(limits.max_body_bytes) + " bytes"};
        case 414: return {"uri_too_long", "the request's URI is too long"};
        default: return {status >= 500 ? "internal_error" : "error", "the request cannot be answered (HTTP " + std::to_string(status) + ")"};
    }
}

// The parameters of a request target's query string, '+' read as a space as HTML forms write it (httplib
// 0.11 keeps it as '+').
Parameters query_parameters(const std::string& target) {
    Parameters parameters;
    const std::size_t question_mark = target.find('?');
    if (question_mark == std::string::npos) return parameters;
    const std::string query = target.substr(question_mark + 1);
    for (std::size_t start = 0; start <= query.size();) {
        std::size_t end = query.find('&', start);
        if (end == std::string::npos) end = query.size();
        const std::string pair = query.substr(start, end - start);
        if (!pair.empty()) {
            const auto decoded = [](std::string text) {
                std::replace(text.begin(), text.end(), '+', ' ');
                return httplib::detail::decode_url(text, false);
            };
            const std::size_t equals = pair.find('=');
            parameters.emplace(decoded(pair.substr(0, equals)), equals == std::string::npos ? std::string() : decoded(pair.substr(equals + 1)));
        }
        start = end + 1;
    }
    return parameters;
}

// How long the request has been running, for the log: set where routing starts.
thread_local Clock::time_point request_start;

struct Route {
    std::regex path;
    std::string method;  // GET also answers HEAD
    std::function<void(const httplib::Request&, httplib::Response&, const std::smatch&)> handle;
};

}  // namespace

struct Server::Impl {
    Impl(ServerOptions server_options, RequestLog request_log)
        : options(std::move(server_options)),
          log(std::move(request_log)),
          engines(options),
          sessions(options.limits.max_sessions, options.limits.session_idle) {}

    ServerOptions options;
    RequestLog log;
    EnginePool engines;
    SessionRegistry sessions;
    httplib::Server http;
    std::vector<Route> routes;

    // Runs `work` with an engine of its own; a request that meets a commit its engine cannot read any more
    // is asked again on a reopened engine.
    template <typename Work>
    nlohmann::json with_engine(Work&& work) {
        constexpr int kAttempts = 3;
        for (int attempt = 1;; ++attempt) {
            EnginePool::Lease lease = engines.acquire();
            try {
                return work(lease.engine());
            } catch (const Xapian::DatabaseModifiedError& error) {
                lease.mark_stale();
                if (attempt == kAttempts)
                    throw ApiError(503, "index_changing", "the index changed under the request " + std::to_string(kAttempts) + " times; try again");
            }
        }
    }

    void declare_routes();
    void dispatch(const httplib::Request& request, httplib::Response& response);
    void configure();
};

void Server::Impl::declare_routes() {
    const auto page = [](const std::string& name) {
        return [name](const httplib::Request&, httplib::Response& response, const std::smatch&) {
            const EmbeddedFile* file = find_embedded_file(name);
            if (file == nullptr) throw ApiError(404, "not_found", "no such page");
            response.set_header("Content-Security-Policy", kPagePolicy);
            response.set_header("Referrer-Policy", "no-referrer");
            response.set_header("Cache-Control", "no-cache");
            response.set_content(std::string(file->bytes), content_type_of(file->name));
        };
    };
    routes.push_back({std::regex("/"), "GET", page("index.html")});
    routes.push_back({std::regex("/static/([A-Za-z0-9_-]+\\.(?:js|css|svg|ico))"), "GET",
                      [page](const httplib::Request& request, httplib::Response& response, const std::smatch& match) {
                          page(match[1].str())(request, response, match);
                      }});
    routes.push_back({std::regex("/healthz"), "GET", [this](const httplib::Request&, httplib::Response& response, const std::smatch&) {
                          send_json(response, {{"status", "ok"}, {"engines", engines.size()}, {"sessions", sessions.size(Clock::now())}});
                      }});
    routes.push_back({std::regex("/api/search"), "GET", [this](const httplib::Request& request, httplib::Response& response, const std::smatch&) {
                          const SearchRequest search_request = parse_search_request(query_parameters(request.target), options.limits);
                          send_json(response, with_engine([&](const Engine& engine) { return search(engine, search_request); }));
                      }});
    routes.push_back({std::regex("/api/ask"), "POST", [this](const httplib::Request& request, httplib::Response& response, const std::smatch&) {
                          AskRequest ask_request = parse_ask_request(request.body, options.limits);
                          if (ask_request.session.empty()) ask_request.session = SessionRegistry::new_name();
                          nlohmann::json answer;
                          sessions.with_session(ask_request.session, Clock::now(), [&](ConversationState& state) {
                              answer = with_engine([&](const Engine& engine) { return ask(engine, state, ask_request.search); });
                          });
                          answer["session"] = ask_request.session;
                          send_json(response, answer);
                      }});
    routes.push_back({std::regex("/api/articles/(.+)"), "GET", [this](const httplib::Request&, httplib::Response& response, const std::smatch& match) {
                          const std::string id = match[1].str();
                          const nlohmann::json found = with_engine([&](const Engine& engine) { return article(engine, id).value_or(nullptr); });
                          if (found.is_null()) throw ApiError(404, "no_such_article", "the index has no article '" + id + "'");
                          send_json(response, found);
                      }});
    routes.push_back({std::regex("/api/stats"), "GET", [this](const httplib::Request&, httplib::Response& response, const std::smatch&) {
                          send_json(response, stats(options.databases));
                      }});
}

void Server::Impl::dispatch(const httplib::Request& request, httplib::Response& response) {
    try {
        std::string allowed;
        for (const Route& route : routes) {
            std::smatch match;
            if (!std::regex_match(request.path, match, route.path)) continue;
            const bool get_like = route.method == "GET" && request.method == "HEAD";
            if (request.method == route.method || get_like) return route.handle(request, response, match);
            allowed += (allowed.empty() ? "" : ", ") + route.method + (route.method == "GET" ? ", HEAD" : "");
        }
        if (!allowed.empty()) {
            response.set_header("Allow", allowed);
            throw ApiError(405, "method_not_allowed", request.method + " is not allowed here; allowed: " + allowed);
        }
        throw ApiError(404, "not_found", "no such route; the API is under /api/ (README \"Serving\")");
    } catch (const ApiError& error) {
        send_error(response, error.status(), error.code(), error.what());
    } catch (const Xapian::Error& error) {
        send_error(response, 500, "index_error", error.get_description());
    } catch (const std::exception& error) {
        send_error(response, 500, "internal_error", error.what());
    }
}

void Server::Impl::configure() {
    const ServerLimits& limits = options.limits;
    const std::size_t connection_threads = engines.size() + limits.max_waiting + kSpareConnectionThreads;
    http.new_task_queue = [connection_threads] { return new httplib::ThreadPool(connection_threads); };
    http.set_payload_max_length(limits.max_body_bytes);
    http.set_read_timeout(limits.read_timeout);
    http.set_write_timeout(limits.write_timeout);
    http.set_keep_alive_max_count(kKeepAliveRequests);
    http.set_default_headers({{"X-Content-Type-Options", "nosniff"}});

    const auto handler = [this](const httplib::Request& request, httplib::Response& response) { dispatch(request, response); };
    http.Get(".*", handler);
    http.Post(".*", handler);
    http.Put(".*", handler);
    http.Patch(".*", handler);
    http.Delete(".*", handler);
    http.Options(".*", handler);
    http.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
        request_start = Clock::now();
        return httplib::Server::HandlerResponse::Unhandled;
    });
    // What httplib refuses by itself (a body over the limit, a URI too long, a malformed request) is
    // answered in JSON too.
    http.set_error_handler([this](const httplib::Request&, httplib::Response& response) {
        if (!response.body.empty()) return;
        const auto [code, message] = error_of_status(response.status, options.limits);
        send_error(response, response.status, code, message);
    });
    if (log)
        http.set_logger([this](const httplib::Request& request, const httplib::Response& response) {
            log({request.method, request.path, response.status,
                 std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - request_start)});
            request_start = {};
        });
}

Server::Server(ServerOptions options, RequestLog log) : impl_(std::make_unique<Impl>(std::move(options), std::move(log))) {
    impl_->declare_routes();
    impl_->configure();
}

Server::~Server() = default;

int Server::bind() {
    const std::string& host = impl_->options.host;
    const int port = impl_->options.port;
    errno = 0;
    const int bound = port == 0 ? impl_->http.bind_to_any_port(host) : (impl_->http.bind_to_port(host, port) ? port : -1);
    if (bound <= 0)
        throw Error("cannot listen on " + host + ":" + std::to_string(port) + (errno != 0 ? std::string(": ") + std::strerror(errno) : ""));
    return bound;
}

void Server::serve() { impl_->http.listen_after_bind(); }

void Server::stop() { impl_->http.stop(); }

}  // namespace medsearch::server
