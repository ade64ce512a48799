// The Schwartz & Hearst matcher on a table of definitions, and against a plain definition: of every way to
// place the short form's letters and digits, in order, in the candidate (the first at a word start), the
// one that starts furthest right gives the long form.
#include <catch2/catch.hpp>

#include <cctype>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "common/text.h"
#include "tools/schwartz_hearst.h"

using namespace medsearch;

namespace {

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Every increasing placement of wanted[i..] after position `after`; records the largest first position.
void place(const std::string& wanted, std::size_t i, const std::string& candidate, std::ptrdiff_t after,
           std::ptrdiff_t first, std::ptrdiff_t& best_first) {
    if (i == wanted.size()) {
        best_first = std::max(best_first, first);
        return;
    }
    for (std::size_t at = static_cast<std::size_t>(after + 1); at < candidate.size(); ++at) {
        if (ascii_lower(candidate[at]) != wanted[i]) continue;
        if (i == 0 && at > 0 && is_alnum(candidate[at - 1])) continue;
        place(wanted, i + 1, candidate, static_cast<std::ptrdiff_t>(at), i == 0 ? static_cast<std::ptrdiff_t>(at) : first, best_first);
    }
}

std::optional<std::string> plain_long_form(const std::string& short_form, std::string candidate) {
    while (!candidate.empty() && candidate.back() == ' ') candidate.pop_back();
    while (!candidate.empty() && candidate.front() == ' ') candidate.erase(0, 1);
    std::string wanted;
    for (const char c : short_form)
        if (is_alnum(c)) wanted += ascii_lower(c);
    std::ptrdiff_t best_first = -1;
    place(wanted, 0, candidate, -1, -1, best_first);
    if (best_first < 0) return std::nullopt;
    std::size_t start = static_cast<std::size_t>(best_first);
    while (start > 0 && candidate[start - 1] != ' ') --start;
    const std::string long_form = candidate.substr(start);
    if (long_form.size() <= short_form.size()) return std::nullopt;
    // Holds the short form as a whole word: rejected.
    std::string lowered_long, lowered_short;
    for (const char c : long_form) lowered_long += ascii_lower(c);
    for (const char c : short_form) lowered_short += ascii_lower(c);
    for (std::size_t at = lowered_long.find(lowered_short); at != std::string::npos; at = lowered_long.find(lowered_short, at + 1)) {
        const bool starts = at == 0 || !is_alnum(lowered_long[at - 1]);
        const bool ends = at + lowered_short.size() == lowered_long.size() || !is_alnum(lowered_long[at + lowered_short.size()]);
        if (starts && ends) return std::nullopt;
    }
    return long_form;
}

std::optional<std::string> fast_long_form(const std::string& short_form, const std::string& candidate) {
    const auto found = match_long_form(short_form, candidate);
    return found ? std::optional<std::string>(std::string(*found)) : std::nullopt;
}

}  // namespace

TEST_CASE("match_long_form finds the long form a short form abbreviates", "[schwartz-hearst]") {
    const auto [short_form, candidate, expected] = GENERATE(table<std::string, std::string, std::optional<std::string>>({
        {"G-CSF", "patients given granulocyte colony-stimulating factor", "granulocyte colony-stimulating factor"},
        {"MI", "a history of myocardial infarction", "myocardial infarction"},
        {"HIV", "the human immunodeficiency virus", "human immunodeficiency virus"},
        {"CT", "imaging by computed tomography", "computed tomography"},
        {"5-HT", "serotonin or 5-hydroxytryptamine", "5-hydroxytryptamine"},
        // The paper's known limit: the first letter matches the last word start that can take it.
        {"AADC", "aromatic L-amino acid decarboxylase", "L-amino acid decarboxylase"},
        {"COPD", "chronic obstructive pulmonary disease", "chronic obstructive pulmonary disease"},
        {"XYZ", "heart failure", std::nullopt},                 // letters absent
        {"BC", "abc", std::nullopt},                            // the first letter is not at a word start
        {"HF", "HF", std::nullopt},                             // not longer than the short form
        {"AD", "the AD of Alzheimer disease", "Alzheimer disease"},
        {"ADA", "ADA deficiency", std::nullopt},                // holds the short form as a word
    }));
    CAPTURE(short_form, candidate);
    CHECK(fast_long_form(short_form, candidate) == expected);
    CHECK(plain_long_form(short_form, candidate) == expected);
}

TEST_CASE("match_long_form agrees with the plain definition on generated cases", "[schwartz-hearst]") {
    std::mt19937 random(20030101);  // fixed seed: the same cases every run
    const std::string alphabet = "abcab -";
    for (int round = 0; round < 3000; ++round) {
        std::string candidate, short_form;
        const int length = 1 + static_cast<int>(random() % 12);
        for (int i = 0; i < length; ++i) candidate += alphabet[random() % alphabet.size()];
        const int letters = 2 + static_cast<int>(random() % 2);
        for (int i = 0; i < letters; ++i) short_form += static_cast<char>(std::toupper("abc"[random() % 3]));
        if (random() % 4 == 0) short_form = short_form.substr(0, 1) + "-" + short_form.substr(1);
        CAPTURE(short_form, candidate);
        REQUIRE(fast_long_form(short_form, candidate) == plain_long_form(short_form, candidate));
    }
}

TEST_CASE("find_abbreviation_definitions reads both bracket orders", "[schwartz-hearst]") {
    using Found = std::vector<AbbreviationDefinition>;
    const auto [sentence, expected] = GENERATE(table<std::string, Found>({
        {"Patients receiving granulocyte colony-stimulating factor (G-CSF) had fewer infections.",
         {{"G-CSF", "granulocyte colony-stimulating factor"}}},
        {"We used MRI (magnetic resonance imaging) in all patients.", {{"MRI", "magnetic resonance imaging"}}},
        {"The risk of myocardial infarction (MI; n = 12) was low.", {{"MI", "myocardial infarction"}}},
        {"Both heart failure (HF) and chronic kidney disease (CKD) were common.",
         {{"HF", "heart failure"}, {"CKD", "chronic kidney disease"}}},
        {"Results (see Table 2) were similar.", {}},
        {"In 2003 (95%) of them.", {}},
        {"It was (nested (brackets)) here.", {}},
        {"An unclosed (bracket", {}},
    }));
    CAPTURE(sentence);
    CHECK(find_abbreviation_definitions(sentence) == expected);
}

TEST_CASE("is_short_form_candidate follows the paper's limits", "[schwartz-hearst]") {
    const auto [text, expected] = GENERATE(table<std::string, bool>({
        {"MI", true}, {"G-CSF", true}, {"MPS III", true}, {"5-HT", true}, {"x", false}, {"95%", false},
        {"-ABC", false}, {"ABCDEFGHIJK", false}, {"one two three", false},
    }));
    CAPTURE(text);
    CHECK(is_short_form_candidate(text) == expected);
}
