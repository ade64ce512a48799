// A synonym stands in fully for a name the index never uses ("WBC" over articles that write "white blood
// cell"), and stays a weaker addition where the asked name is used too.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "tests/query/search_fixture.h"

namespace medsearch::test {
namespace {

// The seed article and the token fixture with one synonym file of the test's own.
EngineOptions with_synonyms(const std::filesystem::path& file) {
    EngineOptions options = test_engine_options();
    options.synonym_files = {file};
    return options;
}

TEST_CASE("a synonym stands in with full weight for a name no passage uses", "[query][synonyms]") {
    static const ScratchDir folder;
    static const std::filesystem::path file = folder.write("user.tsv",
        "wbc\twhite blood cell\n"
        "leukopenia\tleucopenia\n");
    static const SearchFixture fixture(with_synonyms(file));
    const double weak = fixture.engine().ranking().synonym_weight;
    REQUIRE(weak < 1.0);

    const auto [question, added, reason, weight] = GENERATE_COPY(table<std::string, std::string, std::string, double>({
        // "wbc" is in no passage: "white blood cell" takes its place, at the weight of an asked word.
        {"WBC low", "white blood cell", "in place of wbc", 1.0},
        {"what lowers the WBC", "white blood cell", "in place of wbc", 1.0},
        // "leukopenia" is in the seed: its British spelling is only an addition.
        {"leukopenia causes", "leucopenia", "synonym of leukopenia", weak},
    }));
    CAPTURE(question);
    const SearchResults results = fixture.search(question);
    const std::string wanted = added;  // clang 14 cannot capture a structured binding
    const auto expansion = std::find_if(results.expansions.begin(), results.expansions.end(),
                                        [&](const Expansion& e) { return e.expression == wanted; });
    REQUIRE(expansion != results.expansions.end());
    CHECK(expansion->reason == reason);
    CHECK(expansion->weight == Approx(weight));
    // The best passage is about the white cell count, not merely "low".
    REQUIRE_FALSE(results.hits.empty());
    std::string best = results.hits.front().snippet.text;
    std::transform(best.begin(), best.end(), best.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    CHECK((best.find("white blood cell") != std::string::npos || best.find("leukopenia") != std::string::npos));
}

}  // namespace
}  // namespace medsearch::test
