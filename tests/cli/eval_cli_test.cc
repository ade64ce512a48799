// `medsearch eval --db` as a user runs it: asking the topics with several threads makes the very run one
// thread makes, and a bad thread count is a usage error.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "tests/cli/run_medsearch.h"
#include "tests/readers/test_support.h"

using namespace medsearch;
using test::run_medsearch;

namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const std::filesystem::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

}  // namespace

TEST_CASE("eval --threads: the run and its scores do not depend on the number of threads", "[cli][eval][threads]") {
    test::ScratchDir dir;
    const std::string db = (dir.path() / "db").string();
    REQUIRE(run_medsearch({"index", "--db", db, (test::source_dir() / "corpus" / "articles").string()}).exit_code == 0);
    const std::filesystem::path topics = dir.path() / "topics.tsv", qrels = dir.path() / "qrels.txt";
    write_file(topics,
               "1\tWhat is the cause of leukopenia?\n2\tHow is leukopenia treated?\n3\twhite blood cell count\n"
               "4\tWhat are the symptoms of cancer?\n5\tIs it inherited?\n6\tfilgrastim\n7\tG-CSF\n");
    write_file(qrels, "1 0 leukopenia 2\n2 0 leukopenia 1\n3 0 leukopenia 1\n6 0 leukopenia 1\n");

    std::string first_out, first_run;
    for (const std::string threads : {"1", "2", "3", "0"}) {
        CAPTURE(threads);
        const std::filesystem::path run = dir.path() / ("run." + threads);
        const test::CommandResult result = run_medsearch({"eval", "--db", db, "--topics", topics.string(), "--qrels",
                                                          qrels.string(), "--run", run.string(), "--threads", threads});
        REQUIRE(result.exit_code == 0);
        CHECK_THAT(result.err, Catch::Contains("7 topics retrieved in "));
        if (threads == "1") {
            first_out = result.out;
            first_run = read_file(run);
            CHECK_THAT(first_run, Catch::Contains("1 Q0 leukopenia 1 "));
        } else {
            CHECK(result.out == first_out);
            CHECK(read_file(run) == first_run);
        }
    }

    const test::CommandResult too_many = run_medsearch(
        {"eval", "--db", db, "--topics", topics.string(), "--qrels", qrels.string(), "--threads", "1000"});
    CHECK(too_many.exit_code == 2);
    CHECK_THAT(too_many.err, Catch::Contains("--threads"));
}
