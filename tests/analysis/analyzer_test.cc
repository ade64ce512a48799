#include <catch2/catch.hpp>

#include <string>

#include "analysis/analyzer.h"

namespace {

// Tokens as "term@position", joined tokens marked "=", stopwords marked "~": compact enough for tables.
std::string render(const std::vector<medsearch::Token>& tokens) {
    std::string out;
    for (const auto& token : tokens) {
        if (!out.empty()) out += ' ';
        out += token.term + "@" + std::to_string(token.position);
        if (token.role == medsearch::Token::Role::joined) out += "=";
        if (token.stopword) out += "~";
    }
    return out;
}

// The exact bytes each token came from.
std::string surfaces(std::string_view text, const std::vector<medsearch::Token>& tokens) {
    std::string out;
    for (const auto& token : tokens) {
        if (!out.empty()) out += '|';
        out += text.substr(token.begin, token.end - token.begin);
    }
    return out;
}

}  // namespace

TEST_CASE("medical tokens are searchable whole and in parts", "[analysis]") {
    const auto [text, expected] = GENERATE(table<std::string, std::string>({
        {"G-CSF", "gcsf@1= g@1 csf@2"},
        {"GCSF", "gcsf@1"},
        {"G CSF", "g@1 csf@2"},
        {"6-MP", "6mp@1= 6@1 mp@2"},
        {"6-mercaptopurine", "6mercaptopurin@1= 6@1 mercaptopurin@2"},
        {"IL-6", "il6@1= il@1 6@2"},
        {"COVID-19", "covid19@1= covid@1 19@2"},
        {"5-10 mcg/kg/day", "5-10@1= 5@1 10@2 mcgkgday@3= mcg@3 kg@4 day@5"},
        {"3.2%", "3.2%@1= 3.2@1"},
        {"below 4,000 cells", "below@1 4000@2 cell@3"},
        {"β-blocker", "betablock@1= beta@1 blocker@2"},
        {"beta-blockers", "betablock@1= beta@1 blocker@2"},
        {"Beta blocker", "beta@1 blocker@2"},
        {"1/2000 in UK", "1/2000@1= 1@1 2000@2 in@3~ uk@4"},
        {"5–10 days", "5-10@1= 5@1 10@2 day@3"},
        {"TNF-α", "tnfalpha@1= tnf@1 alpha@2"},
        {"What is the cause of leukopenia?", "what@1 is@2~ the@3~ caus@4 of@5~ leukopenia@6"},
        {"Patients treated with filgrastim", "patient@1 treat@2 with@3~ filgrastim@4"},
        {"white blood cell count", "white@1 blood@2 cell@3 count@4"},
        {"", ""},
        {"  \t\n ", ""},
        {"!!! ??? ...", ""},
    }));
    CAPTURE(text);
    medsearch::Analyzer analyzer;
    CHECK(render(analyzer.analyze(text)) == expected);
}

TEST_CASE("tokens carry the byte offsets of the original text", "[analysis]") {
    const auto [text, expected] = GENERATE(table<std::string, std::string>({
        {"G-CSF (filgrastim)", "G-CSF|G|CSF|filgrastim"},
        {"Sjögren’s syndrome", "Sjögren’s|syndrome"},
        {"β-blocker use", "β-blocker|β|blocker|use"},
        {"in 3.2% of patients", "in|3.2%|3.2|of|patients"},
        {"ＣＳＦ level", "ＣＳＦ|level"},
        {"白血球 減少", "白血球|減少"},
    }));
    CAPTURE(text);
    medsearch::Analyzer analyzer;
    CHECK(surfaces(text, analyzer.analyze(text)) == expected);
}

TEST_CASE("documents and queries analyse the same words to the same terms", "[analysis]") {
    const auto [document, query] = GENERATE(table<std::string, std::string>({
        {"Leukopenia", "leukopenia"},
        {"treated", "treating"},
        {"infections", "infection"},
        {"ＣＯＶＩＤ－１９", "covid-19"},
    }));
    medsearch::Analyzer analyzer;
    const auto document_tokens = analyzer.analyze(document);
    const auto query_tokens = analyzer.analyze(query);
    REQUIRE(!document_tokens.empty());
    REQUIRE(!query_tokens.empty());
    CHECK(document_tokens.back().term == query_tokens.back().term);
}

TEST_CASE("over-long tokens take a position but give no term", "[analysis]") {
    medsearch::Analyzer analyzer;
    const std::string text = "before " + std::string(500, 'x') + " after";
    CHECK(render(analyzer.analyze(text)) == "befor@1 after@3");
}

TEST_CASE("invalid UTF-8 and control characters never crash the analyzer", "[analysis]") {
    medsearch::Analyzer analyzer;
    const auto text = GENERATE(as<std::string>{}, std::string("\xff\xfe leukopenia"), std::string("a\0b", 3),
                               std::string("\x01\x02\x1b[31m red"), std::string("\xe2\x82"));
    const auto tokens = analyzer.analyze(text);
    for (const auto& token : tokens) {
        CHECK(token.begin < token.end);
        CHECK(token.end <= text.size());
    }
}
