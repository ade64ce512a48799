// --help on every subcommand is complete and exits 0; a command line that is wrong exits 2 with a message
// on stderr and nothing on stdout.
#include <catch2/catch.hpp>

#include "tests/cli/run_medsearch.h"
#include "tests/readers/test_support.h"

using namespace medsearch;
using test::run_medsearch;

namespace {

using Words = std::vector<std::string>;

// The subcommands `medsearch --help` lists.
Words listed_subcommands() {
    const test::CommandResult help = run_medsearch({"--help"});
    REQUIRE(help.exit_code == 0);
    Words names;
    bool in_list = false;
    for (const std::string& line : test::lines_of(help.out)) {
        if (line.starts_with("Subcommands:")) {
            in_list = true;
            continue;
        }
        if (in_list && line.size() > 2 && line.starts_with("  ") && line[2] != ' ')
            names.push_back(line.substr(2, line.find(' ', 2) - 2));
    }
    return names;
}

}  // namespace

TEST_CASE("help: --help on each subcommand names every option and exits 0", "[cli][help]") {
    // the subcommand, what its help must name
    const auto [command, names] = GENERATE(table<std::string, Words>({
        {"index", {"--db", "--format", "--batch", "--no-spelling", "--neighbours", "--passage-words", "paths", "page", "markdown", "json", "medquad", "beir",
                   "pubmedqa", "Exit code 3"}},
        {"search", {"--db", "--limit", "--offset", "--per-article", "--section", "--cite", "--article", "--source", "--mesh",
                    "--facets", "--json", "--answer", "--explain", "--color", "--synonyms", "--no-bundled-synonyms",
                    "--ranking", "--session", "--sessions-dir", "question"}},
        {"stats", {"--db"}},
        {"delete", {"--db", "article", "Exit code 3"}},
        {"eval", {"--db", "--topics", "--qrels", "--run", "--depth", "--metrics", "--max-per-topic", "--json",
                  "--per-query", "--conversational", "--threads", "--tag", "--synonyms", "--ranking"}},
        {"compare", {"RUN_A", "RUN_B", "--qrels", "--metrics", "--max-per-topic", "--json", "--permutations", "--seed"}},
        {"ask", {"--db", "--session", "--sessions-dir", "--limit", "--json", "--answer", "--explain", "--color",
                 "--synonyms", "--ranking"}},
        {"sessions", {"--sessions-dir", "list", "show", "clear"}},
    }));
    CAPTURE(command);
    const test::CommandResult help = run_medsearch({command, "--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.err.empty());
    CHECK_THAT(help.out, Catch::Contains("Usage: medsearch " + command));
    CHECK_THAT(help.out, Catch::Contains("-h,--help"));
    for (const std::string& name : names) {
        CAPTURE(name);
        CHECK_THAT(help.out, Catch::Contains(name));
    }
}

TEST_CASE("every subcommand the program lists has a help that exits 0", "[cli][help]") {
    const Words listed = listed_subcommands();
    for (const std::string required : {"index", "search", "stats", "delete", "eval", "compare", "ask", "sessions"}) {
        CAPTURE(required);
        CHECK(std::find(listed.begin(), listed.end(), required) != listed.end());
    }
    for (const std::string& command : listed) {
        CAPTURE(command);
        const test::CommandResult help = run_medsearch({command, "--help"});
        CHECK(help.exit_code == 0);
        CHECK_THAT(help.out, Catch::Contains("Usage: medsearch " + command));
        CHECK_THAT(help.out, Catch::Contains("-h,--help"));
    }
    const test::CommandResult version = run_medsearch({"--version"});
    CHECK(version.exit_code == 0);
    CHECK_THAT(version.out, Catch::Contains("medsearch"));
}

TEST_CASE("a wrong command line is a usage error: exit 2, a message, no output", "[cli][usage]") {
    static const test::ScratchDir scratch;  // static: the generator below keeps the paths of the first run
    const std::string missing = (scratch.path() / "missing").string();
    const std::string folder = scratch.path().string();
    const std::string page = test::fixture("leukopenia.page.txt").string();
    const Words args = GENERATE_COPY(values<Words>({
        Words{},
        Words{"frobnicate"},
        Words{"--frob"},
        Words{"index"},
        Words{"index", page},                                  // no --db
        Words{"index", "--db", folder},                        // no paths
        Words{"index", "--db", folder, "--format", "word", page},
        Words{"index", "--db", folder, "--batch", "0", page},
        Words{"index", "--db", folder, "--batch", "many", page},
        Words{"index", "--db", folder, missing},               // a path that does not exist
        Words{"index", "--db", folder, "--unknown", page},
        Words{"index", "--db", folder, "--passage-words", "120", "50", page},  // MIN above MAX
        Words{"index", "--db", folder, "--passage-words", "0", "50", page},
        Words{"index", "--db", folder, "--passage-words", "fifty", "120", page},
        Words{"search", "leukopenia"},                         // no --db
        Words{"search", "--db", folder},                       // no question
        Words{"search", "--db", missing, "leukopenia"},
        Words{"search", "--db", folder, "-k", "0", "leukopenia"},
        Words{"search", "--db", folder, "--limit", "ten", "leukopenia"},
        Words{"search", "--db", folder, "--cite", "abc", "leukopenia"},
        Words{"search", "--db", folder, "--cite", "0", "leukopenia"},
        Words{"search", "--db", folder, "--per-article", "0", "leukopenia"},
        Words{"search", "--db", folder, "--color", "purple", "leukopenia"},
        Words{"search", "--db", folder, "--synonyms", missing, "leukopenia"},
        Words{"stats"},
        Words{"stats", "--db", missing},
        Words{"stats", "--db", folder, "extra"},
        Words{"delete", "--db", folder},                       // no article
        Words{"delete", "article"},
        Words{"eval"},
        Words{"compare", page},
        Words{"ask"},                                          // no --db
        Words{"sessions", "frobnicate"},
    }));
    CAPTURE(args);
    const test::CommandResult result = run_medsearch(args);
    CHECK(result.signal == 0);
    CHECK(result.exit_code == 2);
    CHECK_FALSE(result.err.empty());
    CHECK(result.out.empty());
}

TEST_CASE("a bad --ranking setting is a usage error that names it", "[cli][usage]") {
    test::ScratchDir scratch;
    const std::string db = (scratch.path() / "db").string();
    REQUIRE(run_medsearch({"index", "--db", db, test::fixture("leukopenia.page.txt").string()}).exit_code == 0);
    const std::string setting = GENERATE(as<std::string>{}, "nonsense=1", "bm25.k1=abc", "bm25.k1", "=3");
    CAPTURE(setting);
    const test::CommandResult result = run_medsearch({"search", "--db", db, "--ranking", setting, "leukopenia"});
    CHECK(result.exit_code == 2);
    CHECK(test::lines_of(result.err).size() == 1);
    CHECK(result.out.empty());
}
