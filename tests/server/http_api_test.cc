// The API as a site's code uses it, over HTTP on loopback: /api/search with the options of `search` and
// the same hit fields as `search --json`, /api/ask conversations, articles, stats, health, the page's
// files, JSON errors with their statuses, many clients at once, and commits made while it serves.
#include <atomic>
#include <set>
#include <thread>

#include <catch2/catch.hpp>

#include "indexer/index_stats.h"
#include "indexer/index_writer.h"
#include "indexer/open_index.h"
#include "tests/cli/run_medsearch.h"
#include "tests/indexer/temp_index.h"
#include "tests/server/server_fixture.h"

namespace medsearch::test {
namespace {

const RunningServer& shared_server() {
    static const RunningServer server(test_server_options(server_index()));
    return server;
}

// (httplib's client sends a '+' as %2B, so spaces are written %20 here; the README's curl examples use '+'.)
const std::string kLeukopeniaQuery = "/api/search?q=What%20is%20the%20cause%20of%20leukopenia%3F";

TEST_CASE("/api/search answers with the hits search --json prints", "[server][threads]") {
    const JsonResponse response = get_json(shared_server(), kLeukopeniaQuery + "&k=5");
    REQUIRE(response.status == 200);
    const CommandResult cli = run_medsearch({"search", "--db", server_index().string(), "--no-bundled-synonyms", "--json", "-k", "5",
                                             "What is the cause of leukopenia?"});
    REQUIRE(cli.exit_code == 0);
    std::vector<nlohmann::json> cli_hits;
    for (const std::string& line : lines_of(cli.out))
        if (nlohmann::json hit = nlohmann::json::parse(line); !hit.contains("type")) cli_hits.push_back(hit);
    REQUIRE(cli_hits.size() == 5);
    CHECK(response.body.at("hits") == nlohmann::json(cli_hits));
    CHECK(response.body.at("total").get<std::size_t>() >= 5);
    CHECK(response.body.at("question") == "What is the cause of leukopenia?");
    CHECK(response.body.at("suggestion") == "");
}

TEST_CASE("/api/search takes every search option", "[server][threads]") {
    const RunningServer& server = shared_server();
    SECTION("paging: offset continues where k stopped") {
        const nlohmann::json all = get_json(server, kLeukopeniaQuery + "&k=6").body.at("hits");
        const nlohmann::json second = get_json(server, kLeukopeniaQuery + "&k=3&offset=3").body.at("hits");
        REQUIRE(second.size() == 3);
        for (std::size_t i = 0; i < 3; ++i) CHECK(second[i].at("id") == all[i + 3].at("id"));
    }
    SECTION("per_article, article and section filters") {
        const nlohmann::json one_each = get_json(server, kLeukopeniaQuery + "&k=10&per_article=1").body.at("hits");
        std::set<std::string> articles;
        for (const nlohmann::json& hit : one_each) CHECK(articles.insert(hit.at("article").get<std::string>()).second);
        const JsonResponse filtered = get_json(server, kLeukopeniaQuery + "&article=leukopenia&section=research");
        REQUIRE_FALSE(filtered.body.at("hits").empty());
        for (const nlohmann::json& hit : filtered.body.at("hits")) {
            CHECK(hit.at("article") == "leukopenia");
            CHECK(hit.at("section") == "From the Research");
        }
    }
    SECTION("cite") {
        const nlohmann::json hits = get_json(server, kLeukopeniaQuery + "&cite=2").body.at("hits");
        REQUIRE_FALSE(hits.empty());
        for (const nlohmann::json& hit : hits) CHECK_THAT(hit.at("citations").get<std::vector<int>>(), Catch::VectorContains(2));
    }
    SECTION("source") {
        const nlohmann::json hits = get_json(server, "/api/search?q=glaucoma&source=GARD&k=20").body.at("hits");
        for (const nlohmann::json& hit : hits) CHECK(hit.at("source") == "GARD");
    }
    SECTION("facets, explain and the answer card") {
        const nlohmann::json body = get_json(server, kLeukopeniaQuery + "&facets&explain=1&answer=true").body;
        CHECK(body.at("facets").at("sections").contains("from-the-research"));
        CHECK_FALSE(body.at("explain").at("concepts").empty());
        const nlohmann::json& groups = body.at("answer_card").at("groups");
        REQUIRE_FALSE(groups.empty());
        CHECK(groups.front().at("name") == "From the Guidelines");
    }
    SECTION("a misspelt word gets a suggestion") {
        CHECK(get_json(server, "/api/search?q=leukopinia").body.at("suggestion") == "leukopenia");
    }
}

TEST_CASE("/api/ask keeps a conversation: the follow-up is about the first question's subject", "[server][threads]") {
    const RunningServer& server = shared_server();
    const JsonResponse first = post_json(server, "/api/ask", R"({"question": "What is the cause of leukopenia?", "k": 3})");
    REQUIRE(first.status == 200);
    const std::string session = first.body.at("session");
    CHECK(first.body.at("turn") == 1);
    CHECK(first.body.at("context").at("kind") == "first");
    CHECK(first.body.at("hits").at(0).at("article") == "leukopenia");

    const JsonResponse follow_up =
        post_json(server, "/api/ask", nlohmann::json{{"session", session}, {"question", "How is it treated?"}, {"k", 3}}.dump());
    REQUIRE(follow_up.status == 200);
    CHECK(follow_up.body.at("session") == session);
    CHECK(follow_up.body.at("turn") == 2);
    CHECK(follow_up.body.at("context").at("kind") == "carried");
    CHECK(follow_up.body.at("context").at("subject") == "leukopenia");
    const nlohmann::json& top = follow_up.body.at("hits").at(0);
    CHECK(top.at("article") == "leukopenia");
    CHECK_THAT(top.at("text").get<std::string>() + top.at("heading").get<std::string>(), Catch::Contains("treat"));

    // The same follow-up in a session of its own has no subject to carry.
    const JsonResponse alone = post_json(server, "/api/ask", R"({"session": "someone-else", "question": "How is it treated?"})");
    CHECK(alone.body.at("session") == "someone-else");
    CHECK(alone.body.at("context").at("kind") == "first");
}

TEST_CASE("/api/articles/ID gives the article's sections in order with their passages", "[server][threads]") {
    const JsonResponse response = get_json(shared_server(), "/api/articles/leukopenia");
    REQUIRE(response.status == 200);
    const nlohmann::json& article = response.body;
    CHECK(article.at("id") == "leukopenia");
    std::vector<std::string> sections;
    std::size_t passages = 0, last_ordinal = 0;
    for (const nlohmann::json& section : article.at("sections")) {
        sections.push_back(section.at("name"));
        for (const nlohmann::json& passage : section.at("passages")) {
            CHECK(passage.at("ordinal").get<std::size_t>() == last_ordinal + 1);
            last_ordinal = passage.at("ordinal");
            ++passages;
        }
    }
    CHECK(sections == std::vector<std::string>{"From the Guidelines", "From the FDA Drug Label", "From the Research"});
    CHECK(passages == stored_passages(open_index(server_index()).passages, "leukopenia").size());

    const JsonResponse missing = get_json(shared_server(), "/api/articles/no%20such%20article");
    CHECK(missing.status == 404);
    CHECK(missing.body.at("error") == "no_such_article");
    CHECK_THAT(missing.body.at("message").get<std::string>(), Catch::Contains("no such article"));
}

TEST_CASE("/api/stats and /healthz", "[server][threads]") {
    const JsonResponse stats = get_json(shared_server(), "/api/stats");
    REQUIRE(stats.status == 200);
    const IndexStats expected = read_index_stats(server_index());
    CHECK(stats.body.at("articles") == expected.articles);
    CHECK(stats.body.at("passages") == expected.passages);
    CHECK(stats.body.at("sources").size() == expected.sources.size());
    const JsonResponse health = get_json(shared_server(), "/healthz");
    CHECK(health.status == 200);
    CHECK(health.body.at("status") == "ok");
    CHECK(health.body.at("engines") == 2);
}

TEST_CASE("Errors are JSON with the right status", "[server][threads]") {
    const RunningServer& server = shared_server();
    httplib::Client client = server.client();
    const auto [label, method, path, body, status, code] = GENERATE(table<std::string, std::string, std::string, std::string, int, std::string>({
        {"no route", "GET", "/api/nothing", "", 404, "not_found"},
        {"a file name", "GET", "/static/../../etc/passwd", "", 404, "not_found"},
        {"a file that is not the page's", "GET", "/static/CMakeLists.txt", "", 404, "not_found"},
        {"search by POST", "POST", "/api/search?q=x", "", 405, "method_not_allowed"},
        {"ask by GET", "GET", "/api/ask", "", 405, "method_not_allowed"},
        {"delete", "DELETE", "/api/articles/leukopenia", "", 405, "method_not_allowed"},
        {"no question", "GET", "/api/search?k=3", "", 400, "bad_parameter"},
        {"bad k", "GET", "/api/search?q=x&k=1000", "", 400, "bad_parameter"},
        {"unknown parameter", "GET", "/api/search?q=x&kk=3", "", 400, "unknown_parameter"},
        {"bad JSON", "POST", "/api/ask", "{", 400, "bad_json"},
        {"question too long", "GET", "/api/search?q=" + std::string(1025, 'a'), "", 413, "question_too_long"},
        {"body too large", "POST", "/api/ask", std::string(16 * 1024 + 1, ' '), 413, "request_too_large"},
    }));
    INFO(label);
    httplib::Result result = method == "GET"      ? client.Get(path)
                             : method == "POST"   ? client.Post(path, body, "application/json")
                                                  : client.Delete(path);
    REQUIRE(result);
    CHECK(result->status == status);
    CHECK(result->get_header_value("Content-Type") == "application/json; charset=utf-8");
    const nlohmann::json error = nlohmann::json::parse(result->body);
    CHECK(error.at("error") == code);
    CHECK_FALSE(error.at("message").get<std::string>().empty());
    if (status == 405) CHECK_FALSE(result->get_header_value("Allow").empty());
}

TEST_CASE("The page and its files are served from the program, with a policy that allows nothing else", "[server][threads]") {
    httplib::Client client = shared_server().client();
    const httplib::Result page = client.Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK_THAT(page->get_header_value("Content-Security-Policy"), Catch::Contains("default-src 'none'") && Catch::Contains("script-src 'self'"));
    CHECK_THAT(page->body, Catch::Contains("Have a follow-up question?"));
    for (const char* file : {"/static/app.js", "/static/style.css"}) {
        const httplib::Result asset = client.Get(file);
        REQUIRE(asset);
        CHECK(asset->status == 200);
        CHECK(asset->body.size() > 1000);
    }
}

TEST_CASE("Many clients at once get the answers one client gets", "[server][threads]") {
    const RunningServer& server = shared_server();
    const std::vector<std::string> questions{"What is the cause of leukopenia?", "How is iron deficiency anemia treated?",
                                             "filgrastim side effects", "migraine triggers"};
    std::vector<nlohmann::json> expected;
    for (const std::string& question : questions)
        expected.push_back(get_json(server, "/api/search?k=5&q=" + httplib::detail::encode_query_param(question)).body.at("hits"));
    std::atomic<int> wrong{0};
    std::vector<std::thread> clients;
    for (int c = 0; c < 8; ++c)
        clients.emplace_back([&, c] {
            httplib::Client client = server.client();
            for (int i = 0; i < 10; ++i) {
                const std::size_t q = static_cast<std::size_t>(c + i) % questions.size();
                const httplib::Result result = client.Get("/api/search?k=5&q=" + httplib::detail::encode_query_param(questions[q]));
                if (!result || result->status != 200 || nlohmann::json::parse(result->body).at("hits") != expected[q]) ++wrong;
            }
        });
    for (std::thread& client : clients) client.join();
    CHECK(wrong == 0);
}

TEST_CASE("Articles committed while the server runs are searched without a restart, never half of one", "[server][threads]") {
    TempIndex index;
    index.index({fixture("conversation")});
    const RunningServer server(test_server_options(index.db()));
    const auto quokka_passages = [&] {
        std::size_t count = 0;
        const JsonResponse response = get_json(server, "/api/search?q=quokkavirus&k=100");
        for (const nlohmann::json& hit : response.body.at("hits"))
            count += hit.at("article").get<std::string>().starts_with("quokka") ? 1 : 0;
        return count;
    };
    CHECK(quokka_passages() == 0);

    // A writer commits articles of three passages each while clients search for them.
    constexpr int kArticles = 12;
    std::atomic<bool> writing{true};
    std::thread writer([&] {
        IndexWriter quokkas(index.db());
        for (int i = 0; i < kArticles; ++i) {
            quokkas.add(make_article("quokka" + std::to_string(i),
                                    {"Quokkavirus infection one.", "Quokkavirus infection two.", "Quokkavirus infection three."}));
            quokkas.commit();
        }
        writing = false;
    });
    std::atomic<int> half_articles{0}, failures{0};
    std::vector<std::thread> readers;
    for (int r = 0; r < 3; ++r)
        readers.emplace_back([&] {
            httplib::Client client = server.client();
            while (writing) {
                const httplib::Result result = client.Get("/api/search?q=quokkavirus&k=100");
                if (!result || result->status != 200) {
                    ++failures;
                    continue;
                }
                // The parsed body is named: a range-for over a member of a temporary reads freed memory.
                const nlohmann::json body = nlohmann::json::parse(result->body);
                std::map<std::string, int> passages;
                for (const nlohmann::json& hit : body.at("hits"))
                    if (hit.at("article").get<std::string>().starts_with("quokka")) ++passages[hit.at("article")];
                for (const auto& [article, count] : passages)
                    if (count != 3) ++half_articles;
            }
        });
    writer.join();
    for (std::thread& reader : readers) reader.join();
    CHECK(failures == 0);
    CHECK(half_articles == 0);
    CHECK(quokka_passages() == 3 * kArticles);
}

}  // namespace
}  // namespace medsearch::test
