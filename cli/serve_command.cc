// `medsearch serve`: the index over HTTP — the JSON API and the web page (server/http_server.h) — until
// SIGTERM or Ctrl-C, which let the requests in flight finish before the program exits 0.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <thread>

#include "cli/command.h"
#include "cli/engine_flags.h"
#include "common/errors.h"
#include "server/http_server.h"

namespace medsearch::cli {

namespace {

struct ServeArguments {
    std::vector<std::string> db;
    std::string listen = "127.0.0.1:8080";
    std::size_t threads = 0;
    std::size_t session_idle_seconds = 30 * 60;
    bool access_log = false;
    server::ServerLimits limits;
    EngineFlags engine;
};

// "HOST:PORT", "[IPv6]:PORT" or ":PORT" (loopback).
void parse_listen(const std::string& listen, server::ServerOptions& options) {
    const std::size_t colon = listen.rfind(':');
    if (colon == std::string::npos) throw UsageError("--listen takes HOST:PORT, not \"" + listen + "\"");
    std::string host = listen.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    const std::string port = listen.substr(colon + 1);
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) > 65535)
        throw UsageError("--listen: the port must be a number from 0 to 65535, not \"" + port + "\"");
    options.host = host.empty() ? "127.0.0.1" : host;
    options.port = std::stoi(port);
}

// Blocks the stopping signals in every thread started after it (the server's connection threads start in
// serve(), and inherit the mask) and waits for them on a thread of its own, so the server is stopped from ordinary code rather than from a signal handler.
class StopOnSignal {
public:
    explicit StopOnSignal(server::Server& server) {
        sigemptyset(&signals_);
        for (const int signal : {SIGTERM, SIGINT, SIGUSR1}) sigaddset(&signals_, signal);
        pthread_sigmask(SIG_BLOCK, &signals_, nullptr);
        waiter_ = std::thread([this, &server] {
            int received = 0;
            sigwait(&signals_, &received);
            if (received != SIGUSR1) server.stop();
        });
    }
    ~StopOnSignal() {
        pthread_kill(waiter_.native_handle(), SIGUSR1);  // harmless when a signal already ended the wait
        waiter_.join();
    }

private:
    sigset_t signals_;
    std::thread waiter_;
};

int run_serve(const ServeArguments& args) {
    server::ServerOptions options;
    options.databases = as_paths(args.db);
    options.engine = args.engine.options();
    options.threads = args.threads;
    options.limits = args.limits;
    options.limits.session_idle = std::chrono::seconds(args.session_idle_seconds);
    parse_listen(args.listen, options);

    server::RequestLog log;
    if (args.access_log)
        log = [](const server::RequestRecord& record) {
            std::fprintf(stderr, "%s %s %d %.1f ms\n", record.method.c_str(), record.path.c_str(), record.status,
                         static_cast<double>(record.duration.count()) / 1000.0);
        };
    server::Server server(options, log);
    const int port = server.bind();
    std::cout << "listening on http://" << (options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host) << ":"
              << port << "/" << std::endl;
    {
        const StopOnSignal stop_on_signal(server);
        server.serve();
    }
    return exit_code::ok;
}

}  // namespace

void add_serve_command(CLI::App& app, Action& action) {
    auto args = std::make_shared<ServeArguments>();
    CLI::App* command = app.add_subcommand("serve", "Answer over HTTP: a JSON API (/api/search, /api/ask, /api/articles/ID, /api/stats, /healthz) and a web page at /");
    command->footer("Listens on loopback unless --listen names another address. SIGTERM or Ctrl-C stops it once the\n"
                    "requests in flight are answered (exit 0). What `index` commits meanwhile is searched without a restart.\n"
                    "Limits and routes: README \"Serving\".");
    add_index_option(*command, args->db, "The index")->required();
    command->add_option("--listen", args->listen, "Address to listen on, HOST:PORT (port 0: any free port)")->capture_default_str();
    command->add_option("--threads", args->threads, "Requests answered at once, each with its own handle on the index (0: one per core)")
        ->check(CLI::Range(0, 256))->capture_default_str();
    command->add_option("--max-waiting", args->limits.max_waiting, "Requests that may wait for a free thread; one more is answered 429")
        ->check(CLI::Range(0, 10000))->capture_default_str();
    command->add_option("--session-idle", args->session_idle_seconds, "Seconds a conversation of /api/ask is kept without a turn")
        ->check(CLI::Range(1, 7 * 24 * 3600))->capture_default_str();
    command->add_flag("--access-log", args->access_log, "One line per request on stderr: method, path, status, time");
    add_engine_flags(*command, args->engine);
    command->callback([args, &action] { action = [args] { return run_serve(*args); }; });
}

}  // namespace medsearch::cli
