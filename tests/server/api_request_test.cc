// What /api/search and /api/ask take: every option of `search` by name, checked against the limits, and
// every problem refused with its status and the parameter it names.
#include <catch2/catch.hpp>

#include "server/api_error.h"
#include "server/api_request.h"

namespace medsearch::test {
namespace {

using server::ApiError;
using server::Parameters;

TEST_CASE("/api/search's parameters become the search options", "[server]") {
    const server::ServerLimits limits;
    const Parameters parameters{{"q", "What is the cause of leukopenia?"}, {"k", "7"}, {"offset", "20"}, {"per_article", "2"},
                                {"section", "guidelines"}, {"section", "research"}, {"cite", "3"}, {"article", "leukopenia"},
                                {"source", "GARD"}, {"facets", ""}, {"explain", "true"}};
    const server::SearchRequest request = server::parse_search_request(parameters, limits);
    CHECK(request.question == "What is the cause of leukopenia?");
    CHECK(request.options.limit == 7);
    CHECK(request.options.offset == 20);
    CHECK(request.options.per_article == 2);
    CHECK(request.options.filters.sections == std::vector<std::string>{"guidelines", "research"});
    CHECK(request.options.filters.cites == std::vector<int>{3});
    CHECK(request.options.filters.articles == std::vector<std::string>{"leukopenia"});
    CHECK(request.options.filters.sources == std::vector<std::string>{"GARD"});
    CHECK(request.options.facets);
    CHECK(request.parts.facets);
    CHECK(request.parts.explain);
    CHECK_FALSE(request.parts.answer);
}

TEST_CASE("An answer card asks for more passages than k", "[server]") {
    const server::SearchRequest request = server::parse_search_request({{"q", "leukopenia"}, {"k", "3"}, {"answer", "1"}}, {});
    CHECK(request.parts.answer);
    CHECK(request.options.limit > 3);
}

TEST_CASE("Bad search parameters are refused with the status and the parameter", "[server]") {
    server::ServerLimits limits;
    limits.max_question_bytes = 40;
    const auto [label, parameters, status, named] = GENERATE(table<std::string, Parameters, int, std::string>({
        {"no question", {{"k", "3"}}, 400, "'q'"},
        {"blank question", {{"q", "  "}}, 400, "'q'"},
        {"question too long", {{"q", std::string(41, 'a')}}, 413, "41 bytes"},
        {"k zero", {{"q", "x"}, {"k", "0"}}, 400, "'k'"},
        {"k over the limit", {{"q", "x"}, {"k", "101"}}, 400, "from 1 to 100"},
        {"k not a number", {{"q", "x"}, {"k", "ten"}}, 400, "'k'"},
        {"k negative", {{"q", "x"}, {"k", "-1"}}, 400, "'k'"},
        {"k with junk", {{"q", "x"}, {"k", "3x"}}, 400, "'k'"},
        {"offset too deep", {{"q", "x"}, {"offset", "1001"}}, 400, "'offset'"},
        {"cite zero", {{"q", "x"}, {"cite", "0"}}, 400, "'cite'"},
        {"empty section", {{"q", "x"}, {"section", ""}}, 400, "'section'"},
        {"k twice", {{"q", "x"}, {"k", "1"}, {"k", "2"}}, 400, "more than once"},
        {"bad flag", {{"q", "x"}, {"facets", "maybe"}}, 400, "'facets'"},
        {"unknown parameter", {{"q", "x"}, {"limit", "3"}}, 400, "'limit'"},
    }));
    INFO(label);
    try {
        server::parse_search_request(parameters, limits);
        FAIL("accepted");
    } catch (const ApiError& error) {
        CHECK(error.status() == status);
        CHECK_THAT(error.what(), Catch::Contains(named));
    }
}

TEST_CASE("Too many values of one filter are refused", "[server]") {
    Parameters parameters{{"q", "x"}};
    for (int i = 0; i < 21; ++i) parameters.emplace("article", "a" + std::to_string(i));
    CHECK_THROWS_AS(server::parse_search_request(parameters, {}), ApiError);
}

TEST_CASE("/api/ask's body takes the question, the session and the same options as JSON values", "[server]") {
    const server::AskRequest request = server::parse_ask_request(
        R"({"session": "visit-1", "question": "How is it treated?", "k": 4, "answer": true, "section": ["guidelines"], "cite": [2]})", {});
    CHECK(request.session == "visit-1");
    CHECK(request.search.question == "How is it treated?");
    CHECK(request.search.parts.answer);
    CHECK(request.search.options.filters.sections == std::vector<std::string>{"guidelines"});
    CHECK(request.search.options.filters.cites == std::vector<int>{2});
    CHECK(server::parse_ask_request(R"({"question": "q"})", {}).session.empty());
}

TEST_CASE("Bad /api/ask bodies are refused", "[server]") {
    const auto [body, named] = GENERATE(table<std::string, std::string>({
        {"not json", "not JSON"},
        {"[1, 2]", "JSON object"},
        {R"({"session": "s"})", "'question'"},
        {R"({"question": 5})", "'question'"},
        {R"({"question": "q", "k": -2})", "'k'"},
        {R"({"question": "q", "k": 2.5})", "'k'"},
        {R"({"question": "q", "k": [1, 2]})", "not a list"},
        {R"({"question": "q", "session": "../etc"})", "'session'"},
        {R"({"question": "q", "session": ""})", "'session'"},
        {R"({"question": "q", "colour": true})", "'colour'"},
        {R"({"question": "q", "answer": null})", "'answer'"},
    }));
    INFO(body);
    try {
        server::parse_ask_request(body, {});
        FAIL("accepted");
    } catch (const ApiError& error) {
        CHECK(error.status() == 400);
        CHECK_THAT(error.what(), Catch::Contains(named));
    }
}

}  // namespace
}  // namespace medsearch::test
