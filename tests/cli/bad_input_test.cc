// Bad input at `medsearch index`: a file that cannot be read gets one line on stderr naming the file, the
// line (when the problem has one) and the reason; the run goes on with the other files; the summary
// counts the failures and the exit code is 3.
#include <catch2/catch.hpp>

#include <regex>

#include "indexer/index_stats.h"
#include "tests/cli/run_medsearch.h"
#include "tests/readers/test_support.h"

using namespace medsearch;
using test::run_medsearch;

namespace {

struct BadFile {
    std::string name;
    std::string bytes;
    std::string where;   // what follows the path in the message: ":4: " for line 4, ": " for the whole file
    std::string reason;  // a part of the reason
};

std::string fifty_megabyte_record() {
    std::string record = R"({"id": "huge", "title": "Huge", "passages": [{"text": ")";
    record.append(50u << 20, 'a');
    return record + R"("}]})";
}

const std::vector<BadFile>& bad_files() {
    static const std::vector<BadFile> files = {
        {"empty.txt", "", ": ", "empty"},
        {"blank.md", "  \n\n\t\n", ": ", "empty"},
        {"invalid-utf8.md", "# Title\n\nA good line.\nA bad \xff\xfe line.\n", ":4: ", "UTF-8"},
        {"truncated.jsonl", R"({"id": "t", "title": "T", "passages": [{"text": "cut of)", ":1: ", "JSON"},
        {"truncated.xml",
         "<?xml version=\"1.0\"?>\n<Document id=\"0000001\" source=\"GARD\">\n<Focus>Something</Focus>\n<QAPairs>\n"
         "<QAPair pid=\"1\"><Question qtype=\"information\">What is it?</Question><Answer>It is",
         ":", "XML"},
        {"binary.txt", std::string("From the Guidelines\n\0\x01\x02\x03\xff", 26), ":", "binary"},
        {"huge-line.jsonl", fifty_megabyte_record(), ":1: ", "too long"},
        {"notes.dat", "Some notes.\n", ": ", "unknown format"},
        {"not-a-page.txt", "Just a line of text.\n", ": ", "unknown format"},
        {"array.json", "[1, 2, 3]\n", ": ", "unknown format"},
    };
    return files;
}

// The good files beside the bad ones: the seed page and a BEIR file whose second record is cut off.
constexpr std::size_t good_articles = 2;
void write_good_files(const test::ScratchDir& dir) {
    std::filesystem::create_directories(dir.path() / "inputs");
    std::filesystem::copy_file(test::fixture("leukopenia.page.txt"), dir.path() / "inputs" / "leukopenia.txt");
    dir.write("inputs/sample/corpus.jsonl", "{\"_id\": \"d1\", \"title\": \"\", \"text\": \"Neutropenia is common.\"}\n"
                                            "{\"_id\": \"d2\", \"title\": \"\", \"text\": \"cut\n");
}

// The stderr lines that mention the path.
std::vector<std::string> lines_naming(const std::string& err, const std::string& path) {
    std::vector<std::string> found;
    for (const std::string& line : test::lines_of(err))
        if (line.find(path) != std::string::npos) found.push_back(line);
    return found;
}

void check_one_line(const std::string& err, const std::filesystem::path& file, const BadFile& bad) {
    const std::vector<std::string> lines = lines_naming(err, file.string());
    CAPTURE(err);
    REQUIRE(lines.size() == 1);
    CHECK_THAT(lines.front(), Catch::StartsWith("medsearch: " + file.string() + bad.where));
    CHECK_THAT(lines.front(), Catch::Contains(bad.reason, Catch::CaseSensitive::No));
    CHECK(lines.front().size() < 1000);  // a reason, not the file's content
}

}  // namespace

TEST_CASE("a folder of good and bad files: the good ones are indexed, each bad one named once, exit 3", "[cli][bad-input]") {
    test::ScratchDir dir;
    write_good_files(dir);
    for (const BadFile& bad : bad_files()) dir.write("inputs/" + bad.name, bad.bytes);
    const std::string db = (dir.path() / "db").string();

    const test::CommandResult result = run_medsearch({"index", "--db", db, (dir.path() / "inputs").string()});
    CHECK(result.signal == 0);
    CHECK(result.exit_code == 3);
    CHECK(result.out.empty());
    for (const BadFile& bad : bad_files()) {
        CAPTURE(bad.name);
        check_one_line(result.err, dir.path() / "inputs" / bad.name, bad);
    }
    const std::size_t failed = bad_files().size() + 1;  // and the BEIR file's cut record
    const std::vector<std::string> lines = test::lines_of(result.err);
    CHECK(lines.size() == failed + 1);                   // one line each, and the summary
    REQUIRE_FALSE(lines.empty());
    CHECK_THAT(lines.back(), Catch::StartsWith("indexed " + std::to_string(good_articles) + " articles"));
    CHECK_THAT(lines.back(), Catch::Contains("; " + std::to_string(failed) + " failed"));
    CHECK(read_index_stats(db).articles == good_articles);
}

TEST_CASE("each kind of bad file alone beside a good one", "[cli][bad-input]") {
    const std::size_t which = GENERATE(range<std::size_t>(0, 10));
    REQUIRE(bad_files().size() == 10);
    const BadFile& bad = bad_files()[which];
    CAPTURE(bad.name);
    test::ScratchDir dir;
    const auto file = dir.write("inputs/" + bad.name, bad.bytes);
    const std::string good = test::fixture("leukopenia.page.txt").string();
    const std::string db = (dir.path() / "db").string();

    const test::CommandResult result = run_medsearch({"index", "--db", db, good, file.string()});
    CHECK(result.signal == 0);
    CHECK(result.exit_code == 3);
    check_one_line(result.err, file, bad);
    CHECK(test::lines_of(result.err).size() == 2);  // the error and the summary
    CHECK_THAT(result.err, Catch::Contains("indexed 1 articles (28 passages) from 2 files") && Catch::Contains("; 1 failed"));
    CHECK(read_index_stats(db).articles == 1);
}

TEST_CASE("index --format forces a reader and a file not in that format is reported", "[cli][bad-input]") {
    test::ScratchDir dir;
    const std::string db = (dir.path() / "db").string();
    const std::string page = test::fixture("leukopenia.page.txt").string();
    // the format, what the error says
    const auto [format, reason] = GENERATE(table<std::string, std::string>({{"medquad", "XML"}, {"pubmedqa", "JSON"}}));
    CAPTURE(format);
    const test::CommandResult result = run_medsearch({"index", "--db", db, "--format", format, page});
    CHECK(result.exit_code == 3);
    REQUIRE(lines_naming(result.err, page).size() == 1);
    CHECK_THAT(lines_naming(result.err, page).front(), Catch::Contains(reason));
}

TEST_CASE("only failed inputs: exit 3 and an index with nothing in it", "[cli][bad-input]") {
    test::ScratchDir dir;
    const auto empty = dir.write("empty.md", "");
    const std::string db = (dir.path() / "db").string();
    const test::CommandResult result = run_medsearch({"index", "--db", db, empty.string()});
    CHECK(result.exit_code == 3);
    CHECK(read_index_stats(db).articles == 0);
}
