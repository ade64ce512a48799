// The article formats end to end: PMC articles, PubMed files and saved HTML pages indexed by `medsearch
// index` without --format, searched by citation, and PubMed's DeleteCitation removing what it names.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "indexer/index_stats.h"
#include "tests/cli/run_medsearch.h"
#include "tests/readers/test_support.h"

using namespace medsearch;
using test::run_medsearch;

namespace {

std::vector<nlohmann::json> hits_of(const std::string& out) {
    std::vector<nlohmann::json> hits;
    for (const std::string& line : test::lines_of(out)) {
        nlohmann::json value = nlohmann::json::parse(line);
        if (!value.contains("type")) hits.push_back(std::move(value));
    }
    return hits;
}

}  // namespace

TEST_CASE("search --cite on a PMC article finds the passages citing that reference, with its PMID and DOI", "[cli][formats]") {
    test::ScratchDir dir;
    const std::string db = (dir.path() / "db").string();
    const test::CommandResult indexed =
        run_medsearch({"index", "--db", db, (test::source_dir() / "corpus" / "articles" / "pmc").string()});
    REQUIRE(indexed.exit_code == 0);
    CHECK_THAT(indexed.err, Catch::StartsWith("indexed 6 articles"));

    // Reference 46 of the lambda lysis article is cited where lysis times were measured one cell at a time.
    const test::CommandResult found = run_medsearch(
        {"search", "--db", db, "--json", "--article", "PMC3166277", "--cite", "46", "-k", "20", "lysis time"});
    REQUIRE(found.exit_code == 0);
    const std::vector<nlohmann::json> hits = hits_of(found.out);
    REQUIRE(hits.size() == 4);  // the four passages whose citations hold 46
    for (const nlohmann::json& hit : hits) {
        CAPTURE(hit.dump());
        const auto& citations = hit.at("citations");
        CHECK(std::find(citations.begin(), citations.end(), 46) != citations.end());
        bool listed = false;
        for (const nlohmann::json& reference : hit.at("references"))
            if (reference.at("number") == 46) {
                listed = true;
                CHECK(reference.at("pmid") == "16219778");
                CHECK_THAT(reference.at("text").get<std::string>(), Catch::Contains("Lysis timing and bacteriophage fitness"));
            }
        CHECK(listed);
    }
}

TEST_CASE("index reads PubMed files and saved pages by their content, and DeleteCitation removes articles", "[cli][formats]") {
    test::ScratchDir dir;
    const std::string db = (dir.path() / "db").string();
    const auto record = test::shared_dir() / "data" / "pubmed" / "pubmed-29768149.xml";
    const auto page = test::fixture("leukopenia.html");
    const test::CommandResult indexed = run_medsearch({"index", "--db", db, record.string(), page.string()});
    REQUIRE(indexed.exit_code == 0);
    CHECK(read_index_stats(db).articles == 2);

    const test::CommandResult asthma = run_medsearch({"search", "--db", db, "--json", "-k", "1", "as-needed budesonide-formoterol in mild asthma"});
    REQUIRE(asthma.exit_code == 0);
    REQUIRE(hits_of(asthma.out).size() == 1);
    CHECK(hits_of(asthma.out).front().at("article") == "29768149");

    // An update file withdraws the record.
    const auto update = dir.write("pubmed25n1300.xml", "<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n<DeleteCitation>\n"
                                                       "<PMID Version=\"1\">29768149</PMID>\n</DeleteCitation>\n</PubmedArticleSet>\n");
    const test::CommandResult deleted = run_medsearch({"index", "--db", db, update.string()});
    CHECK(deleted.exit_code == 0);
    CHECK_THAT(deleted.err, Catch::Contains("1 deleted"));
    CHECK(read_index_stats(db).articles == 1);
    const test::CommandResult gone = run_medsearch({"search", "--db", db, "--json", "--article", "29768149", "asthma"});
    CHECK(hits_of(gone.out).empty());
}

TEST_CASE("index reports a looping folder link and a dangling one, and indexes the rest", "[cli][formats]") {
    test::ScratchDir dir;
    std::filesystem::create_directories(dir.path() / "corpus");
    std::filesystem::copy_file(test::fixture("leukopenia.html"), dir.path() / "corpus" / "seed.html");
    std::filesystem::create_directory_symlink(dir.path() / "corpus", dir.path() / "corpus" / "again");
    std::filesystem::create_symlink(dir.path() / "corpus" / "gone.md", dir.path() / "corpus" / "dangling.md");
    const std::string db = (dir.path() / "db").string();
    const test::CommandResult indexed = run_medsearch({"index", "--db", db, (dir.path() / "corpus").string()});
    CHECK(indexed.exit_code == 3);
    CHECK_THAT(indexed.err, Catch::Contains((dir.path() / "corpus" / "again").string() + ": symbolic link loop"));
    CHECK_THAT(indexed.err, Catch::Contains((dir.path() / "corpus" / "dangling.md").string() + ": dangling symbolic link"));
    CHECK_THAT(indexed.err, Catch::Contains("indexed 1 articles"));
}
