#include "tests/server/server_fixture.h"

#include <catch2/catch.hpp>

#include "tests/indexer/temp_index.h"

namespace medsearch::test {

const std::filesystem::path& server_index() {
    static TempIndex index;
    static const std::filesystem::path db = [] {
        // Under ctest the index is made once for all server and session tests (tests/CMakeLists.txt).
        if (const std::optional<std::filesystem::path> made = fixture_index("bundled")) return *made;
        index.index({source_dir() / "corpus" / "articles"});
        REQUIRE(index.observer.errors.empty());
        return index.db();
    }();
    return db;
}

server::ServerOptions test_server_options(const std::filesystem::path& database) {
    server::ServerOptions options;
    options.databases = {database};
    options.engine.bundled_synonyms = false;
    options.port = 0;
    options.threads = 2;
    return options;
}

RunningServer::RunningServer(server::ServerOptions options) : server_(std::move(options)) {
    port_ = server_.bind();
    thread_ = std::thread([this] { server_.serve(); });
}

RunningServer::~RunningServer() {
    server_.stop();
    thread_.join();
}

httplib::Client RunningServer::client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(30, 0);
    return client;
}

namespace {
JsonResponse as_json(const httplib::Result& result) {
    REQUIRE(result);
    INFO(result->body);
    CHECK(result->get_header_value("Content-Type") == "application/json; charset=utf-8");
    return {result->status, nlohmann::json::parse(result->body)};
}
}  // namespace

JsonResponse get_json(const RunningServer& server, const std::string& path) { return as_json(server.client().Get(path)); }

JsonResponse post_json(const RunningServer& server, const std::string& path, const std::string& body) {
    return as_json(server.client().Post(path, body, "application/json"));
}

std::vector<std::string> hit_texts(const nlohmann::json& results) {
    std::vector<std::string> texts;
    for (const nlohmann::json& hit : results.at("hits")) texts.push_back(hit.at("text"));
    return texts;
}

}  // namespace medsearch::test
