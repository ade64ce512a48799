// Where the bundled data is found: MEDSEARCH_DATA first, else relative to the program (installed prefix or
// a build folder of the repository), and a DataError naming MEDSEARCH_DATA when nowhere.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>

#include "common/data_dir.h"

using namespace medsearch;
namespace fs = std::filesystem;

namespace {

// A scratch folder laid out as an installed prefix and as a repository with build folders.
struct Layout {
    fs::path root = fs::temp_directory_path() / ("medsearch-data-" + std::to_string(std::random_device{}()));
    Layout() {
        fs::create_directories(root / "prefix/bin");
        fs::create_directories(root / "prefix/share/medsearch/synonyms");
        fs::create_directories(root / "repo/corpus/synonyms");
        fs::create_directories(root / "repo/corpus/articles");
        fs::create_directories(root / "repo/build/tests/query");
        // scripts/fuzz.sh keeps each target's working inputs in <build>/corpus/<target>, among them synonyms/.
        fs::create_directories(root / "repo/build-fuzz/corpus/synonyms");
        fs::create_directories(root / "repo/build-fuzz/tests/synonyms");
        fs::create_directories(root / "bare/bin");
        fs::create_directories(root / "empty/synonyms-not-here");
    }
    ~Layout() { fs::remove_all(root); }
};

}  // namespace

TEST_CASE("the data folder is found beside the program, or where MEDSEARCH_DATA says", "[common][data]") {
    const Layout layout;
    const fs::path& root = layout.root;
    // the program, MEDSEARCH_DATA ("" when unset), the folder found
    const auto [program, environment, found] = GENERATE_REF(table<std::string, std::string, std::string>({
        {"prefix/bin/medsearch", "", "prefix/share/medsearch"},
        {"repo/build/medsearch", "", "repo/corpus"},
        {"repo/build/tests/query/query_tests", "", "repo/corpus"},
        {"repo/build-fuzz/tests/synonyms/synonyms_tests", "", "repo/corpus"},  // not the fuzzers' inputs
        {"bare/bin/medsearch", "repo/corpus", "repo/corpus"},               // the environment first
        {"repo/build/medsearch", "prefix/share/medsearch", "prefix/share/medsearch"},
    }));
    CAPTURE(program, environment);
    DataSearch search;
    search.program = root / program;
    if (!environment.empty()) search.from_environment = root / environment;
    CHECK(find_data_dir(search) == root / found);
}

TEST_CASE("no data folder is an error that names MEDSEARCH_DATA", "[common][data]") {
    const Layout layout;
    DataSearch search;
    search.program = layout.root / "bare/bin/medsearch";
    CHECK_THROWS_AS(find_data_dir(search), DataError);
    CHECK_THROWS_WITH(find_data_dir(search), Catch::Matchers::Contains("MEDSEARCH_DATA"));
    CHECK_THROWS_WITH(find_data_dir(search), Catch::Matchers::Contains((layout.root / "bare/share/medsearch").string()));
    // MEDSEARCH_DATA naming a folder without synonyms/ is not passed over for another.
    search.program = layout.root / "prefix/bin/medsearch";
    search.from_environment = layout.root / "empty";
    CHECK_THROWS_WITH(find_data_dir(search), Catch::Matchers::Contains("MEDSEARCH_DATA names"));
}
