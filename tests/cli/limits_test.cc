// The limits README documents, each at the limit (accepted) and just past it (refused with a line naming
// the bound, or, for a question, searched in part with a note saying what was left out).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "query/question.h"
#include "tests/cli/run_medsearch.h"
#include "tests/readers/test_support.h"

using namespace medsearch;
using test::run_medsearch;
using test::seed_db;

namespace {

using Words = std::vector<std::string>;

// n distinct words that are no stopwords, one concept each: "w1x w2x ...".
std::string distinct_words(std::size_t count) {
    std::string text;
    for (std::size_t i = 1; i <= count; ++i) text += (i == 1 ? "w" : " w") + std::to_string(i) + "x";
    return text;
}

}  // namespace

TEST_CASE("limits: numeric options are accepted at their bound and refused just past it", "[cli][limits]") {
    // the command line, the exit code, words stderr must hold
    const auto [args, code, message] = GENERATE_COPY(table<Words, int, std::string>({
        {{"search", "-k", "10000", "leukopenia"}, 0, ""},
        {{"search", "-k", "10001", "leukopenia"}, 2, "--limit: \"10001\" is not a whole number from 1 to 10000"},
        {{"search", "-k", "0", "leukopenia"}, 2, "from 1 to 10000"},
        {{"search", "--offset", "1000000000", "leukopenia"}, 0, ""},
        {{"search", "--offset", "1000000001", "leukopenia"}, 2, "--offset: \"1000000001\" is not a whole number from 0 to 1000000000"},
        // 2^32 and 2^64: they wrapped to page 1 before
        {{"search", "--offset", "4294967296", "leukopenia"}, 2, "from 0 to 1000000000"},
        {{"search", "--offset", "18446744073709551616", "leukopenia"}, 2, "from 0 to 1000000000"},
        {{"search", "--offset", "-1", "leukopenia"}, 2, "from 0 to 1000000000"},
        {{"search", "--per-article", "10000", "leukopenia"}, 0, ""},
        {{"search", "--per-article", "10001", "leukopenia"}, 2, "from 1 to 10000"},
        {{"search", "--per-article", "4294967297", "leukopenia"}, 2, "from 1 to 10000"},
        {{"search", "--cite", "1000000", "leukopenia"}, 0, ""},
        {{"search", "--cite", "1000001", "leukopenia"}, 2, "from 1 to 1000000"},
        {{"search", "--cite", "4294967297", "leukopenia"}, 2, "from 1 to 1000000"},
        {{"ask", "-k", "10000"}, 0, ""},
        {{"ask", "-k", "10001"}, 2, "from 1 to 10000"},
        {{"eval", "--topics", test::fixture("eval/topics.tsv").string(), "--qrels", test::fixture("eval/qrels.trec").string(), "-k",
          "100000000"}, 0, ""},
        {{"eval", "--topics", test::fixture("eval/topics.tsv").string(), "--qrels", test::fixture("eval/qrels.trec").string(), "-k",
          "100000001"}, 2, "from 1 to 100000000"},
        {{"eval", "--topics", test::fixture("eval/topics.tsv").string(), "--qrels", test::fixture("eval/qrels.trec").string(),
          "--threads", "257"}, 2, "from 0 to 256"},
    }));
    Words command{args.front(), "--db", seed_db()};
    command.insert(command.end(), args.begin() + 1, args.end());
    CAPTURE(command);
    const test::CommandResult run = run_medsearch(command);
    CHECK(run.exit_code == code);
    if (!message.empty()) CHECK_THAT(run.err, Catch::Contains(message));
    if (code != 0) CHECK(run.out.empty());
}

TEST_CASE("limits: index --batch at its bound and past it", "[cli][limits]") {
    const test::ScratchDir dir;
    const std::string page = test::fixture("leukopenia.page.txt").string();
    const std::string db = (dir.path() / "db").string();
    CHECK(run_medsearch({"index", "--db", db, "--batch", "1000000000", page}).exit_code == 0);
    for (const std::string batch : {"1000000001", "18446744073709551616", "0"}) {
        const test::CommandResult run = run_medsearch({"index", "--db", db, "--batch", batch, page});
        CHECK(run.exit_code == 2);
        CHECK_THAT(run.err, Catch::Contains("--batch: \"" + batch + "\" is not a whole number from 1 to 1000000000"));
    }
}

TEST_CASE("limits: a question past its size or concept limit is searched in part, and the output says what was left out",
          "[cli][limits][question]") {
    const QuestionOptions limits;
    const std::string at_concepts = distinct_words(limits.max_concepts);
    const std::string past_concepts = at_concepts + " leukopenia";
    const std::string at_bytes = "leukopenia" + std::string(limits.max_bytes - 10, ' ');
    const std::string past_bytes = at_bytes + "neutropenia";

    SECTION("at the limits: no note") {
        for (const std::string& question : {at_concepts, at_bytes}) {
            const test::CommandResult text = run_medsearch({"search", "--db", seed_db(), question});
            CHECK(text.exit_code == 0);
            CHECK_THAT(text.out, !Catch::Contains("Note:"));
            const test::CommandResult json = run_medsearch({"search", "--db", seed_db(), "--json", question});
            CHECK_THAT(json.out, !Catch::Contains("\"cut\""));
        }
    }
    SECTION("past the concept limit: the words left out are named") {
        const test::CommandResult text = run_medsearch({"search", "--db", seed_db(), past_concepts});
        CHECK(text.exit_code == 0);
        CHECK_THAT(text.out, Catch::StartsWith("Note: only the first 64 words and phrases were searched; 1 more were left out: \"leukopenia\"\n"));
        const test::CommandResult explained = run_medsearch({"search", "--db", seed_db(), "--explain", past_concepts});
        CHECK_THAT(explained.out, Catch::Contains("Left out: only the first 64 words and phrases were searched; 1 more were left out: \"leukopenia\""));
        const test::CommandResult json = run_medsearch({"search", "--db", seed_db(), "--json", past_concepts});
        bool seen = false;
        for (const std::string& line : test::lines_of(json.out)) {
            const nlohmann::json object = nlohmann::json::parse(line);
            if (object.value("type", "") != "cut") continue;
            seen = true;
            CHECK(object.at("dropped_concepts") == nlohmann::json::array({"leukopenia"}));
            CHECK(object.at("dropped_bytes") == 0);
        }
        CHECK(seen);
    }
    SECTION("past the byte limit: the bytes left out are counted") {
        const test::CommandResult text = run_medsearch({"search", "--db", seed_db(), past_bytes});
        CHECK(text.exit_code == 0);
        CHECK_THAT(text.out, Catch::StartsWith("Note: the question is 4107 bytes long: only its first 4096 were searched, the other 11 were left out\n"));
    }
}
