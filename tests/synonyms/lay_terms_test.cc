#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tools/lay_terms.h"

using namespace medsearch;

TEST_CASE("find_lay_glosses reads \"gloss (term)\" and leaves fragments and kinds out", "[lay]") {
    using Found = std::vector<LayGloss>;
    const auto [sentence, expected] = GENERATE(table<std::string, Found>({
        {"Affected people have a low white blood cell count (leukopenia), which raises the risk of infection.",
         {{"leukopenia", "low white blood cell count"}}},
        {"They have a shortage of white blood cells (leukopenia) or red blood cells (anemia).",
         {{"leukopenia", "shortage of white blood cells"}}},
        {"It causes clouding of the lens (cataract) in infancy.", {{"cataract", "clouding of the lens"}}},
        {"They have yellowing of the skin and the whites of the eyes (jaundice).", {}},
        {"Fatty deposits build up in the artery walls (atherosclerosis).", {}},
        {"It affects a type of white blood cell (neutrophils).", {}},
        {"Malignant (cancer) cells spread.", {}},                   // a one-word gloss
        {"A protein called fibrillin (FBN1) is affected.", {}},     // an abbreviation, not a term
        {"The scan (2004) was normal.", {}},
    }));
    CAPTURE(sentence);
    CHECK(find_lay_glosses(sentence) == expected);
}
