#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "common/text.h"
#include "tools/synonym_sets.h"

using namespace medsearch;

namespace {

using Lines = std::vector<std::vector<std::string>>;

// Keys are the lower-cased text here: the builder treats them as opaque.
SetName name(const std::string& text, bool focus = false, std::size_t frequency = 0, bool abbreviation = false) {
    return {text, ascii_lower(text), focus, abbreviation, frequency};
}

Lines build(const std::vector<std::vector<SetName>>& sets, SetBuildOptions options = {}) {
    SetBuildReport report;
    return build_synonym_sets(sets, options, report);
}

}  // namespace

TEST_CASE("sets with the same focus merge", "[sets]") {
    CHECK(build({{name("Menkes disease", true), name("Kinky hair syndrome")},
                 {name("menkes disease", true), name("Steely hair syndrome", false, 3)}}) ==
          Lines{{"Menkes disease", "Steely hair syndrome", "Kinky hair syndrome"}});
}

TEST_CASE("sets that list each other's focus merge, a one-way link does not", "[sets]") {
    CHECK(build({{name("Acromegaly", true), name("Growth hormone excess")},
                 {name("Growth hormone excess", true), name("Acromegaly"), name("Pituitary giant")}}) ==
          Lines{{"Acromegaly", "Growth hormone excess", "Pituitary giant"}});
    CHECK(build({{name("Kallmann syndrome 6", true), name("Kallmann syndrome")},
                 {name("Kallmann syndrome", true), name("Hypogonadotropic hypogonadism with anosmia")}}) ==
          Lines{{"Kallmann syndrome", "Hypogonadotropic hypogonadism with anosmia"}, {"Kallmann syndrome 6", "Kallmann syndrome"}});
}

TEST_CASE("a merge that would pass the size cap is refused", "[sets]") {
    SetBuildOptions options;
    options.max_set_size = 3;
    SetBuildReport report;
    const Lines lines = build_synonym_sets({{name("A", true), name("B"), name("C")}, {name("B", true), name("A"), name("D")}},
                                           options, report);
    CHECK(report.merges_refused == 1);
    CHECK(lines.size() == 2);
}

TEST_CASE("a name in many sets is kept only where it is the focus", "[sets]") {
    SetBuildReport report;
    const Lines lines = build_synonym_sets({{name("CMT1A", true), name("Charcot-Marie-Tooth disease"), name("HMSN 1A")},
                                            {name("CMT2A", true), name("Charcot-Marie-Tooth disease"), name("HMSN 2A")},
                                            {name("CMTX", true), name("Charcot-Marie-Tooth disease"), name("X-linked CMT")},
                                            {name("Charcot-Marie-Tooth disease", true), name("Peroneal muscular atrophy")}},
                                           {}, report);
    CHECK(lines == Lines{{"Charcot-Marie-Tooth disease", "Peroneal muscular atrophy"},
                         {"CMT1A", "HMSN 1A"},
                         {"CMT2A", "HMSN 2A"},
                         {"CMTX", "X-linked CMT"}});
    CHECK(report.hub_names == 1);
    CHECK(report.hub_removals == 3);
}

TEST_CASE("an abbreviation in two sets is ambiguous and leaves both", "[sets]") {
    CHECK(build({{name("Tourette syndrome", true), name("TS", false, 0, true), name("Tourette disorder")},
                 {name("Tuberous sclerosis", true), name("TS", false, 0, true), name("TSC", false, 0, true)}}) ==
          Lines{{"Tourette syndrome", "Tourette disorder"}, {"Tuberous sclerosis", "TSC"}});
}

TEST_CASE("a set is ordered focus first, then by frequency, and cut to the cap", "[sets]") {
    SetBuildOptions options;
    options.max_set_size = 3;
    SetBuildReport report;
    const Lines lines = build_synonym_sets(
        {{name("Focus", true), name("Rare"), name("Common", false, 9), name("Middle", false, 5), name("Also rare")}}, options, report);
    CHECK(lines == Lines{{"Focus", "Common", "Middle"}});
    CHECK(report.truncated_sets == 1);
    CHECK(report.expressions == 3);
}

TEST_CASE("sets of fewer than two names are dropped", "[sets]") {
    CHECK(build({{name("Alone", true)}, {}}).empty());
}
