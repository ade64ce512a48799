// Ranking options set by name (`--ranking NAME=VALUE`): each read as its type (switch, count, number, named
// enumeration) within its range, anything else a usage error; what describe_ranking prints sets the same
// options again.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

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
        {"experimental.scheme=dph", WeightingScheme::dph, 0.9},
        {"experimental.scheme=bm25_plus", WeightingScheme::bm25_plus, 0.9},
        {"experimental.scheme=inl2", WeightingScheme::inl2, 0.9},
        {"experimental.scheme=3", WeightingScheme::dph, 0.9},  // the number, as older notes wrote it
    }));
    CAPTURE(c.assignment);
    RankingOptions ranking = default_ranking();
    apply_ranking_setting(ranking, c.assignment);
    CHECK(ranking.experimental.scheme == c.scheme);
    CHECK(ranking.bm25.k1 == Approx(c.k1));
}

// A bug fixed: "scheme=dph" was refused although the help names the setting, and "scheme=9" was
// accepted as a weighting scheme that does not exist.
TEST_CASE("a bad ranking setting is a usage error", "[query][ranking]") {
    const std::string assignment = GENERATE(as<std::string>{}, "experimental.scheme=9", "experimental.scheme=1.5",
                                            "experimental.scheme=okapi", "experimental.scheme=", "scheme=dph",
                                            "bm25.k1=abc", "bm25.k1=-1", "bm25.k1", "nonsense=1", "=1");
    CAPTURE(assignment);
    RankingOptions ranking = default_ranking();
    CHECK_THROWS_AS(apply_ranking_setting(ranking, assignment), UsageError);
}

TEST_CASE("what describe_ranking prints sets the same options again", "[query][ranking]") {
    RankingOptions changed = default_ranking();
    apply_ranking_setting(changed, "experimental.scheme=pl2");
    apply_ranking_setting(changed, "feedback.enabled=false");
    apply_ranking_setting(changed, "evidence_depth=250");
    apply_ranking_setting(changed, "fields.title=0.75");
    RankingOptions again = default_ranking();
    for (const std::string& line : describe_ranking(changed)) apply_ranking_setting(again, line);
    CHECK(describe_ranking(again) == describe_ranking(changed));
    CHECK(again.experimental.scheme == WeightingScheme::pl2);
    CHECK_FALSE(again.feedback.enabled);
    CHECK(again.evidence_depth == 250);
    CHECK(again.fields.title == Approx(0.75));
}

// A bug fixed: every setting passed through a double, so "feedback.enabled=0.5" switched feedback on and
// "evidence_depth=2.7" re-scored 2 articles. Each is now read as its type, within its range.
TEST_CASE("a ranking setting is read as its type and refused out of range", "[query][ranking]") {
    const auto [assignment, accepted] = GENERATE(table<std::string, bool>({
        {"feedback.enabled=0.5", false},
        {"feedback.enabled=yes", false},
        {"feedback.enabled=true", true},
        {"feedback.enabled=0", true},
        {"evidence_depth=2.7", false},
        {"evidence_depth=-3", false},
        {"evidence_depth=1e3", false},
        {"evidence_depth=1000", true},
        {"candidate_articles=0", false},   // at least one article
        {"passages_per_unit=0", false},
        {"bm25.b=1.5", false},              // a share: 0 to 1
        {"neighbour_weight=1", true},
        {"neighbour_weight=1.01", false},
        {"bm25.k1=inf", false},
        {"bm25.k1=nan", false},
        {"fields.title=0.75", true},
        {"experimental.proximity_window=2.5", false},
    }));
    CAPTURE(assignment);
    RankingOptions ranking = default_ranking();
    if (accepted)
        CHECK_NOTHROW(apply_ranking_setting(ranking, assignment));
    else
        CHECK_THROWS_AS(apply_ranking_setting(ranking, assignment), UsageError);
}

TEST_CASE("the refusal says what the setting takes", "[query][ranking]") {
    RankingOptions ranking = default_ranking();
    const auto message = [&](const std::string& assignment) {
        try {
            apply_ranking_setting(ranking, assignment);
        } catch (const UsageError& error) {
            return std::string(error.what());
        }
        return std::string("accepted");
    };
    CHECK(message("feedback.enabled=0.5") == "ranking setting feedback.enabled is true or false (or 1 or 0), not '0.5'");
    CHECK(message("evidence_depth=2.7") == "ranking setting evidence_depth is a whole number from 0 to 1000000, not '2.7'");
    CHECK(message("bm25.b=2") == "ranking setting bm25.b is a number from 0 to 1, not '2'");
}

TEST_CASE("describe_ranking writes each setting as its type", "[query][ranking]") {
    const std::vector<std::string> lines = describe_ranking(default_ranking());
    const auto has = [&](const std::string& line) { return std::find(lines.begin(), lines.end(), line) != lines.end(); };
    CHECK(has("feedback.enabled=true"));
    CHECK(has("evidence_depth=100"));
    CHECK(has("passages_per_unit=3"));
    CHECK(has("context.remembered_answers=3"));
    CHECK(has("feedback.min_term_bytes=3"));
    CHECK(has("bm25.b=0.35"));
    CHECK(has("article_bm25.b=0.65"));
    CHECK(has("article_bm25.k1=0.6"));
    CHECK(has("ngram_weight=0.3"));
    CHECK(has("experimental.scheme=bm25"));
    CHECK(has("experimental.proximity_weight=0"));
}
