#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tools/sentences.h"

using namespace medsearch;

TEST_CASE("split_sentence_views ends a sentence only before a capital, digit, quote or bracket", "[sentences]") {
    using Sentences = std::vector<std::string>;
    const auto [text, expected] = GENERATE(table<std::string, Sentences>({
        {"One. Two.", {"One.", "Two."}},
        {"  Leading space. Then more!  Why? 3 cases.", {"Leading space.", "Then more!", "Why?", "3 cases."}},
        {"Doses of 2.5 mg. (See below.) Done", {"Doses of 2.5 mg.", "(See below.) Done"}},  // ".)" is no end
        {"As shown by Smith et al. The result held.", {"As shown by Smith et al. The result held."}},
        {"Use e.g. Aspirin here. Next.", {"Use e.g. Aspirin here.", "Next."}},
        {"J. Smith wrote it. Yes.", {"J. Smith wrote it.", "Yes."}},
        {"ends in lower case. and goes on", {"ends in lower case. and goes on"}},
        {"", {}},
    }));
    std::vector<std::string> found;
    for (const std::string_view sentence : split_sentence_views(text)) found.emplace_back(sentence);
    CAPTURE(text);
    CHECK(found == expected);
}
