// Ranking options set by name (`--ranking NAME=VALUE`): numbers and named enumerations are accepted,
// anything else is a usage error, and what describe_ranking prints sets the same options again.
#include <catch2/catch.hpp>

#include <string>

#include "common/errors.h"
#include "query/ranking_options.h"

using namespace medsearch;

TEST_CASE("a ranking setting takes a number, or a name where the option is an enumeration", "[query][ranking]") {
    struct Case {
        std::string assignment;
        WeightingScheme scheme;
        double k1;
    };
    const Case c = GENERATE(values<Case>({
        {"bm25.k1=1.2", WeightingScheme::bm25, 1.2},
        {"scheme=dph", WeightingScheme::dph, 0.9},
        {"scheme=bm25_plus", WeightingScheme::bm25_plus, 0.9},
        {"scheme=inl2", WeightingScheme::inl2, 0.9},
        {"scheme=3", WeightingScheme::dph, 0.9},  // the number, as older notes wrote it
    }));
    CAPTURE(c.assignment);
    RankingOptions ranking = default_ranking();
    apply_ranking_setting(ranking, c.assignment);
    CHECK(ranking.scheme == c.scheme);
    CHECK(ranking.bm25.k1 == Approx(c.k1));
}

// A bug fixed: "scheme=dph" was refused although the help names the setting, and "scheme=9" was
// accepted as a weighting scheme that does not exist.
TEST_CASE("a bad ranking setting is a usage error", "[query][ranking]") {
    const std::string assignment = GENERATE(as<std::string>{}, "scheme=9", "scheme=1.5", "scheme=okapi", "scheme=",
                                            "bm25.k1=abc", "bm25.k1=-1", "bm25.k1", "nonsense=1", "=1");
    CAPTURE(assignment);
    RankingOptions ranking = default_ranking();
    CHECK_THROWS_AS(apply_ranking_setting(ranking, assignment), UsageError);
}

TEST_CASE("what describe_ranking prints sets the same options again", "[query][ranking]") {
    RankingOptions changed = default_ranking();
    apply_ranking_setting(changed, "scheme=pl2");
    apply_ranking_setting(changed, "fields.title=0.75");
    RankingOptions again = default_ranking();
    for (const std::string& line : describe_ranking(changed)) apply_ranking_setting(again, line);
    CHECK(describe_ranking(again) == describe_ranking(changed));
    CHECK(again.scheme == WeightingScheme::pl2);
    CHECK(again.fields.title == Approx(0.75));
}
