// Helpers for the server tests: the bundled corpus indexed (once per run), a server answering on a free
// loopback port on threads of its own, and requests to it.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "server/http_server.h"
#include "server/server_options.h"

namespace medsearch::test {

// corpus/articles (the seed article, the MedQuAD sample and the PMC articles), indexed once, as README
// command 1 indexes it.
const std::filesystem::path& server_index();

// Options for a server over `database` on a free loopback port, without the bundled synonyms (fast start).
server::ServerOptions test_server_options(const std::filesystem::path& database);

// A server that answers until destroyed.
class RunningServer {
public:
    explicit RunningServer(server::ServerOptions options);
    ~RunningServer();

    int port() const { return port_; }
    httplib::Client client() const;

private:
    server::Server server_;
    int port_ = 0;
    std::thread thread_;
};

// The status and the body as JSON of a request (the body must be JSON).
struct JsonResponse {
    int status = 0;
    nlohmann::json body;
};
JsonResponse get_json(const RunningServer& server, const std::string& path);
JsonResponse post_json(const RunningServer& server, const std::string& path, const std::string& body);

// The page text ("text" field) of every hit of a results document.
std::vector<std::string> hit_texts(const nlohmann::json& results);

}  // namespace medsearch::test
