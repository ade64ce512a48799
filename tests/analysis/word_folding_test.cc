#include <catch2/catch.hpp>

#include "analysis/word_folding.h"

using medsearch::fold_word;

TEST_CASE("fold_word folds case, width, accents, Greek letters and number groups", "[analysis]") {
    const auto [written, folded] = GENERATE(table<std::string, std::string>({
        {"Leukopenia", "leukopenia"},
        {"G", "g"},
        {"SJÖGREN", "sjogren"},
        {"naïve", "naive"},
        {"ＣＳＦ", "csf"},                // full-width letters (NFKC)
        {"ﬁlgrastim", "filgrastim"},     // ligature (NFKC)
        {"β", "beta"},
        {"Β", "beta"},                   // capital beta folds first
        {"IFNγ", "ifngamma"},
        {"TNFα", "tnfalpha"},
        {"μg", "mcg"},
        {"µg", "mcg"},                   // micro sign U+00B5
        {"λευκοπενία", "λευκοπενια"},    // a Greek word stays Greek
        {"4,000", "4000"},
        {"1,234,567", "1234567"},
        {"3,4", "3,4"},                  // not a thousands separator
        {"3.2", "3.2"},
        {"patient’s", "patient's"},
        {"'quoted'", "quoted"},
        {"''", ""},
    }));
    CAPTURE(written);
    CHECK(fold_word(written) == folded);
}
