// `medsearch search` as a user runs it: the issue's acceptance check on the bundled corpus, the JSON
// fields, the text output, and nasty questions on the command line.
#include <catch2/catch.hpp>

#include <map>

#include <nlohmann/json.hpp>

#include "tests/cli/run_medsearch.h"
#include "tests/readers/test_support.h"

using namespace medsearch;
using test::run_medsearch;
using test::seed_db;

namespace {

using Words = std::vector<std::string>;

std::vector<nlohmann::json> json_lines(const std::string& out) {
    std::vector<nlohmann::json> objects;
    for (const std::string& line : test::lines_of(out)) objects.push_back(nlohmann::json::parse(line));
    return objects;
}

// The hits of a `search --json` output: every line but the typed ones (summary, suggestion, facets, explain).
std::vector<nlohmann::json> hit_lines(const std::string& out) {
    std::vector<nlohmann::json> hits;
    for (nlohmann::json& line : json_lines(out))
        if (!line.contains("type")) hits.push_back(std::move(line));
    return hits;
}

Words search_args(Words extra) {
    Words args{"search", "--db", seed_db()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

}  // namespace

TEST_CASE("acceptance: on the bundled corpus the cause of leukopenia comes first, with its citation", "[cli][search][acceptance]") {
    test::ScratchDir dir;
    const std::string db = (dir.path() / "db").string();
    const test::CommandResult indexed = run_medsearch({"index", "--db", db, (test::source_dir() / "corpus" / "articles").string()});
    REQUIRE(indexed.exit_code == 0);

    const std::string question = "What is the cause of leukopenia?";
    const test::CommandResult json = run_medsearch({"search", "--db", db, "--json", "-k", "5", question});
    REQUIRE(json.exit_code == 0);
    const std::vector<nlohmann::json> hits = hit_lines(json.out);
    REQUIRE_FALSE(hits.empty());
    const nlohmann::json& first = hits.front();
    CAPTURE(first.dump());
    CHECK(first.at("article") == "leukopenia");
    CHECK((first.at("heading") == "Causes and Treatment" || first.at("heading") == "Definition and Causes of Leukopenia"));
    REQUIRE_FALSE(first.at("citations").empty());

    // The text output shows the same passage with its citation.
    const test::CommandResult text = run_medsearch({"search", "--db", db, "--color", "never", "-k", "1", question});
    REQUIRE(text.exit_code == 0);
    CHECK_THAT(text.out, Catch::Contains(first.at("text").get<std::string>()));
    CHECK_THAT(text.out, Catch::Contains("cites [" + std::to_string(first.at("citations").front().get<int>()) + "]"));
    CHECK_THAT(text.out, Catch::Contains(first.at("heading").get<std::string>()));
}

TEST_CASE("search --json prints every documented field of each hit", "[cli][search][json]") {
    const test::CommandResult result = run_medsearch(search_args({"--json", "-k", "50", "G-CSF leukopenia"}));
    REQUIRE(result.exit_code == 0);
    const std::vector<nlohmann::json> hits = hit_lines(result.out);
    REQUIRE(hits.size() > 3);
    std::size_t rank = 0;
    for (const nlohmann::json& hit : hits) {
        CAPTURE(hit.dump());
        for (const char* field : {"rank", "score", "id", "article", "title", "url", "source", "section", "heading", "kind",
                                  "ordinal", "text", "highlights", "citations", "references"})
            CHECK(hit.contains(field));
        CHECK(hit.at("rank") == ++rank);
        CHECK(hit.at("score").is_number());
        CHECK(hit.at("id") == hit.at("article").get<std::string>() + "#" + std::to_string(hit.at("ordinal").get<int>()));
        CHECK(hit.at("article") == "leukopenia");
        CHECK(hit.at("source") == "page");
        CHECK((hit.at("kind") == "paragraph" || hit.at("kind") == "bullet"));
        CHECK(hit.at("citations").is_array());
        CHECK(hit.at("references").is_array());
        const std::string text = hit.at("text");
        for (const nlohmann::json& range : hit.at("highlights")) {
            REQUIRE(range.size() == 2);
            CHECK(range[0].get<std::size_t>() < range[1].get<std::size_t>());
            CHECK(range[1].get<std::size_t>() <= text.size());
        }
    }
    // The first hit about G-CSF highlights it whole.
    for (const nlohmann::json& hit : hits) {
        const std::string text = hit.at("text");
        const std::size_t at = text.find("G-CSF");
        if (at == std::string::npos) continue;
        bool whole = false;
        for (const nlohmann::json& range : hit.at("highlights")) whole = whole || (range[0] == at && range[1] == at + 5);
        CHECK(whole);
        break;
    }
}

TEST_CASE("search --json: suggestion, facets and explanation come on lines of their own", "[cli][search][json]") {
    const test::CommandResult result = run_medsearch(search_args({"--json", "--facets", "--explain", "leukopenai"}));
    REQUIRE(result.exit_code == 0);
    std::map<std::string, nlohmann::json> typed;
    for (const nlohmann::json& line : json_lines(result.out))
        if (line.contains("type")) typed[line.at("type")] = line;
    REQUIRE(typed.count("facets") == 1);
    CHECK(typed.at("facets").at("sections").is_object());
    CHECK(typed.at("facets").at("sources").is_object());
    CHECK(typed.at("facets").at("mesh") == nlohmann::json::object());  // the seed page has no MeSH headings
    REQUIRE(typed.count("explain") == 1);
    CHECK(typed.at("explain").at("added").is_array());
    REQUIRE(typed.count("suggestion") == 1);
    CHECK(typed.at("suggestion").at("text") == "leukopenia");
}

TEST_CASE("the text output: section path, bullet, citations, article, and colour only when asked", "[cli][search]") {
    const test::CommandResult plain = run_medsearch(search_args({"--color", "never", "--cite", "5", "leukopenia"}));
    REQUIRE(plain.exit_code == 0);
    CHECK_THAT(plain.out, Catch::Contains("From the Research \u203a Management and Treatment of Leukopenia"));
    CHECK_THAT(plain.out, Catch::Contains("\u2022 The use of CSF-primed PBPC"));
    CHECK_THAT(plain.out, Catch::Contains("cites [5]"));
    CHECK_THAT(plain.out, Catch::Contains("leukopenia"));
    CHECK(plain.out.find('\033') == std::string::npos);
    const test::CommandResult colour = run_medsearch(search_args({"--color", "always", "--cite", "5", "leukopenia"}));
    CHECK(colour.out.find('\033') != std::string::npos);

    const test::CommandResult none = run_medsearch(search_args({"--color", "never", "zzzzqqq"}));
    CHECK(none.exit_code == 0);
    CHECK_THAT(none.out, Catch::Contains("No passages match."));
}

TEST_CASE("a filter that matches nothing in the index shows nothing", "[cli][search][filters]") {
    const Words filter = GENERATE(values<Words>({{"--section", "nonexistent"}, {"--cite", "99"}, {"--article", "nope"},
                                                 {"--source", "gard"}, {"--section", "research", "--cite", "1"}}));
    CAPTURE(filter);
    Words args{"--color", "never"};
    args.insert(args.end(), filter.begin(), filter.end());
    args.push_back("leukopenia");
    const test::CommandResult result = run_medsearch(search_args(args));
    CHECK(result.exit_code == 0);
    CHECK_THAT(result.out, Catch::StartsWith("No passages match."));
}

TEST_CASE("search --mesh on the real PubMed record: headings as people write them, facets, refusals", "[cli][search][mesh][shared]") {
    static const test::ScratchDir dir;
    static const std::string db = [] {
        const std::string path = (dir.path() / "db").string();
        const auto record = test::shared_dir() / "data" / "pubmed" / "pubmed-29768149.xml";
        REQUIRE(run_medsearch({"index", "--db", path, record.string()}).exit_code == 0);
        return path;
    }();
    auto hits = [](const std::string& out) {
        std::size_t count = 0;
        for (const nlohmann::json& line : json_lines(out)) count += line.contains("type") ? 0 : 1;
        return count;
    };

    SECTION("each heading as written keeps the abstract's five passages or none") {
        const auto [mesh, passages] = GENERATE(table<Words, std::size_t>({
            {{"Asthma"}, 5},
            {{"asthma"}, 5},
            {{"ASTHMA/drug therapy"}, 5},
            {{"Formoterol Fumarate/adverse effects"}, 5},
            {{"*Budesonide"}, 5},
            {{"Surveys and Questionnaires[mh]"}, 5},
            {{"Asthma", "Humans"}, 5},
            {{"Asthma", "Leukopenia"}, 0},
            {{"Leukopenia"}, 0},
        }));
        CAPTURE(mesh);
        Words args{"search", "--db", db, "--json"};
        for (const std::string& heading : mesh) args.insert(args.end(), {"--mesh", heading});
        args.push_back("asthma");
        const test::CommandResult result = run_medsearch(args);
        REQUIRE(result.exit_code == 0);
        CHECK(hits(result.out) == passages);
    }
    SECTION("--facets counts the passages per heading, in text and in JSON") {
        const test::CommandResult json = run_medsearch({"search", "--db", db, "--json", "--facets", "asthma"});
        REQUIRE(json.exit_code == 0);
        const nlohmann::json facets = json_lines(json.out).back();
        REQUIRE(facets.at("type") == "facets");
        CHECK(facets.at("mesh").size() == 23);
        CHECK(facets.at("mesh").at("asthma") == 5);
        CHECK(facets.at("mesh").at("surveys-and-questionnaires") == 5);
        const test::CommandResult text = run_medsearch({"search", "--db", db, "--facets", "--color", "never", "asthma"});
        CHECK_THAT(text.out, Catch::Contains("MeSH:  administration-inhalation (5)"));
        CHECK_THAT(text.out, Catch::Contains("... 3 more (--json lists all)"));
    }
    SECTION("a --mesh that names no heading is refused, naming the option") {
        const std::string empty = GENERATE(as<std::string>{}, "", " ", "*", "/", "*/");
        CAPTURE(empty);
        const test::CommandResult result = run_medsearch({"search", "--db", db, "--mesh", empty, "asthma"});
        CHECK(result.exit_code == 2);
        CHECK_THAT(result.err, Catch::Contains("--mesh") && Catch::Contains("names no MeSH heading"));
        CHECK(result.out.empty());
    }
}

TEST_CASE("nasty questions on the command line get an answer or a usage error, never a crash", "[cli][search][robustness]") {
    // the question as arguments after the options, the exit code
    const auto [question, exit_code] = GENERATE(table<Words, int>({
        {{""}, 0},
        {{"   "}, 0},
        {{"\"unbalanced"}, 0},
        {{"AND", "OR", "NOT"}, 0},
        {{"(((("}, 0},
        {{"--", "-"}, 0},
        {{"--", "--"}, 0},
        {{"--", "-leukopenia"}, 0},
        {{"-leukopenia"}, 2},  // without "--" it reads as an option: a usage error, said as such
        {{"a\x01" "b\x1b[31m"}, 0},
        {{"\xff\xfe"}, 0},
        {{"白血球減少症の原因は?"}, 0},
        {{"лейкопения"}, 0},
        {{"NEAR/3", "leukopenia"}, 0},
        {{"leukopenia*"}, 0},
        {{"title:leukopenia"}, 0},
        {{"\"\""}, 0},
        {{"\U0001FA78 leukopenia \U0001F637"}, 0},
        {{std::string(100000, 'x')}, 0},  // an argument may hold at most 128 KiB
    }));
    Words args{"--json"};
    args.insert(args.end(), question.begin(), question.end());
    CAPTURE(args.size(), question.front().substr(0, 40));
    const test::CommandResult result = run_medsearch(search_args(args));
    CHECK(result.signal == 0);
    CHECK(result.exit_code == exit_code);
    if (exit_code == 0) {
        CHECK(result.err.empty());
        CHECK_NOTHROW(json_lines(result.out));
    } else {
        CHECK(result.out.empty());
        CHECK_FALSE(result.err.empty());
    }
}

TEST_CASE("search on a folder that holds no index: one line, exit 1", "[cli][search]") {
    test::ScratchDir dir;
    const test::CommandResult result = run_medsearch({"search", "--db", dir.path().string(), "leukopenia"});
    CHECK(result.exit_code == 1);
    CHECK(test::lines_of(result.err).size() == 1);
    CHECK_THAT(result.err, Catch::Contains(dir.path().string()));
}

TEST_CASE("search --json ends every page with a summary line, also an empty one", "[cli][search][json]") {
    // the question, the total's lower bound, hits shown
    const auto [question, some, shown] = GENERATE(table<std::string, bool, std::size_t>({
        {"leukopenia", true, 3},
        {"zzzzqqq", false, 0},
    }));
    CAPTURE(question);
    const test::CommandResult result = run_medsearch(search_args({"--json", "-k", "3", question}));
    REQUIRE(result.exit_code == 0);
    std::vector<nlohmann::json> summaries;
    for (const nlohmann::json& line : json_lines(result.out))
        if (line.value("type", "") == "summary") summaries.push_back(line);
    REQUIRE(summaries.size() == 1);
    CHECK(summaries.front().at("shown") == shown);
    CHECK((summaries.front().at("total").get<std::size_t>() > 0) == some);
    CHECK(summaries.front().at("question") == question);
    CHECK(summaries.front().at("searched_instead_of") == "");
}

TEST_CASE("a question that matches nothing shows the results of its correction, and says so", "[cli][search]") {
    const test::CommandResult text = run_medsearch(search_args({"--color", "never", "-k", "2", "leuko penia"}));
    REQUIRE(text.exit_code == 0);
    CHECK_THAT(text.out, Catch::Contains("Showing results for: leukopenia"));
    CHECK_THAT(text.out, Catch::Contains("nothing matches \"leuko penia\""));
    CHECK_THAT(text.out, !Catch::Contains("No passages match."));
    const test::CommandResult json = run_medsearch(search_args({"--json", "-k", "2", "leuko penia"}));
    REQUIRE(json.exit_code == 0);
    bool summarised = false;
    for (const nlohmann::json& line : json_lines(json.out)) {
        if (line.value("type", "") != "summary") continue;
        summarised = true;
        CHECK(line.at("searched_instead_of") == "leuko penia");
        CHECK(line.at("question") == "leukopenia");
        CHECK(line.at("shown") == 2);
    }
    CHECK(summarised);
}
