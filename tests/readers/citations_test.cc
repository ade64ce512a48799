#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "readers/cited_text.h"
#include "readers/citations.h"
#include "readers/dates.h"

using medsearch::take_bracket_citations;
using medsearch::take_page_citations;
using namespace medsearch;

namespace {

std::string render(const std::vector<int>& numbers) {
    std::string out;
    for (int number : numbers) out += (out.empty() ? "" : ",") + std::to_string(number);
    return out;
}

}  // namespace

TEST_CASE("a bare number closing a sentence is a citation, content numbers are not", "[citations]") {
    // input, text after the markers are cut, citations ("" when none)
    const auto [input, text, citations] = GENERATE(table<std::string, std::string, std::string>({
        // markers, as the seed page writes them
        {"in up to 3.2% of patients 1", "in up to 3.2% of patients", "1"},
        {"in most cases 1.", "in most cases.", "1"},
        {"especially the granulocytes 2.", "especially the granulocytes.", "2"},
        {"rates are low for chemotherapies 1. Patients should practice hygiene.",
         "rates are low for chemotherapies. Patients should practice hygiene.", "1"},
        {"First finding 1. Second finding 2. Third finding 1.", "First finding. Second finding. Third finding.",
         "1,2"},
        {"after a bracket (AZA) 4.", "after a bracket (AZA).", "4"},
        {"after a percentage of 3.2% 7.", "after a percentage of 3.2%.", "7"},
        {"three digits 123.", "three digits.", "123"},
        {"question closes it 5?", "question closes it?", "5"},
        {"trailing space after the marker 3 ", "trailing space after the marker ", "3"},
        {"12 at the start stays, the end goes 12.", "12 at the start stays, the end goes.", "12"},
        // content numbers that end a sentence
        {"below 4,000 cells", "below 4,000 cells", ""},
        {"at 5-10 mcg/kg/day.", "at 5-10 mcg/kg/day.", ""},
        {"in up to 3.2%", "in up to 3.2%", ""},
        {"azathioprine and 6-mercaptopurine", "azathioprine and 6-mercaptopurine", ""},
        {"people with type 2 diabetes.", "people with type 2 diabetes.", ""},
        {"it was described in 1990.", "it was described in 1990.", ""},
        {"the cancer had reached stage 4.", "the cancer had reached stage 4.", ""},
        {"a tumour of grade 3.", "a tumour of grade 3.", ""},
        {"NYHA class 2.", "NYHA class 2.", ""},
        {"the trial entered phase 3.", "the trial entered phase 3.", ""},
        {"go on to step 2.", "go on to step 2.", ""},
        {"treat until day 14.", "treat until day 14.", ""},
        {"symptoms start in week 3.", "symptoms start in week 3.", ""},
        {"the patient was age 45.", "the patient was age 45.", ""},
        {"patients were aged 65.", "patients were aged 65.", ""},
        {"see version 2.", "see version 2.", ""},
        {"as shown in figure 3.", "as shown in figure 3.", ""},
        {"see Table 2.", "see Table 2.", ""},
        {"described in chapter 7.", "described in chapter 7.", ""},
        {"covered in part 2.", "covered in part 2.", ""},
        {"the sample size was n = 12.", "the sample size was n = 12.", ""},
        {"the count was = 12.", "the count was = 12.", ""},
        {"a total of 12.", "a total of 12.", ""},
        {"doses rose from 2 to 4.", "doses rose from 2 to 4.", ""},
        {"more cases than 9.", "more cases than 9.", ""},
        {"between 2 and 5.", "between 2 and 5.", ""},
        {"updated on April 9.", "updated on April 9.", ""},
        {"caused by trisomy 21.", "caused by trisomy 21.", ""},
        {"a deletion on chromosome 22.", "a deletion on chromosome 22.", ""},
        {"the dose was 5 mg daily. Then 10.", "the dose was 5 mg daily. Then 10.", ""},
        {"the score was 7.", "the score was 7.", ""},
        {"a range of 5 - 10.", "a range of 5 - 10.", ""},
        {"two numbers 2 3.", "two numbers 2 3.", ""},
        {"after a comma, 4.", "after a comma, 4.", ""},
        {"not closing 1 here", "not closing 1 here", ""},
        {"a decimal closes it 1.5", "a decimal closes it 1.5", ""},
        {"followed by lower case 2. and more", "followed by lower case 2. and more", ""},
        {"too large 1000.", "too large 1000.", ""},
        {"leading zero 07.", "leading zero 07.", ""},
        {"zero 0.", "zero 0.", ""},
        {"glued digits like covid19.", "glued digits like covid19.", ""},
        {"5", "5", ""},
    }));
    CAPTURE(input);
    std::string cut = input;
    CHECK(render(take_page_citations(cut)) == citations);
    CHECK(cut == text);
}

TEST_CASE("bracketed markdown citations are cut out with the space before them", "[citations]") {
    const auto [input, text, citations] = GENERATE(table<std::string, std::string, std::string>({
        {"in most cases [1].", "in most cases.", "1"},
        {"several [1, 2] sources.", "several sources.", "1,2"},
        {"adjacent [1][2].", "adjacent.", "1,2"},
        {"a range [2-4].", "a range.", "2,3,4"},
        {"an en dash range [2\xE2\x80\x93" "3].", "an en dash range.", "2,3"},
        {"repeated [3] and [3] again [1].", "repeated and again.", "3,1"},
        {"not a citation [a] here", "not a citation [a] here", ""},
        {"a reversed range [4-2] stays", "a reversed range [4-2] stays", ""},
        {"unclosed [1 stays", "unclosed [1 stays", ""},
        {"an empty [] stays", "an empty [] stays", ""},
        {"a zero [0] stays", "a zero [0] stays", ""},
        {"a range from zero [0-2] stays", "a range from zero [0-2] stays", ""},
    }));
    CAPTURE(input);
    std::string cut = input;
    CHECK(render(take_bracket_citations(cut)) == citations);
    CHECK(cut == text);
}

TEST_CASE("DOIs and URLs keep the parentheses they hold, not the punctuation around them", "[citations]") {
    // text, DOI, URL (as parse_reference finds them)
    const auto [text, doi, url] = GENERATE(table<std::string, std::string, std::string>({
        {"Lancet Haematol. 2017. doi:10.1016/S2352-3026(17)30182-5.", "10.1016/S2352-3026(17)30182-5", ""},
        {"See https://doi.org/10.1016/S2352-3026(17)30182-5, accessed.", "10.1016/S2352-3026(17)30182-5",
         "https://doi.org/10.1016/S2352-3026(17)30182-5"},
        {"(doi: 10.1016/S0140-6736(00)02741-0)", "10.1016/S0140-6736(00)02741-0", ""},
        {"Smith (https://example.org/a_(b)_c).", "", "https://example.org/a_(b)_c"},
        {"[https://example.org/x]", "", "https://example.org/x"},
        {"DOI 10.1186/s12859-019-3119-4;", "10.1186/s12859-019-3119-4", ""},
        {"a bare 10.1000/xyz123 in text", "10.1000/xyz123", ""},
        {"version 10.2 of the tool", "", ""},
    }));
    CAPTURE(text);
    const Reference reference = parse_reference(3, text);
    CHECK(reference.number == 3);
    CHECK(reference.doi == doi);
    CHECK(reference.url == url);
}

TEST_CASE("a citation marker written as text is a list of numbers when it is only that", "[citations]") {
    const auto [marker, numbers] = GENERATE(table<std::string, std::string>({
        {"1", "1"}, {"[12]", "12"}, {"(3)", "3"}, {"1,2", "1,2"}, {"[1-3]", "1,2,3"}, {"4\xE2\x80\x93" "6", "4,5,6"},
        {"Smith 2001", ""}, {"Fig. 1", ""}, {"", ""}, {"1a", ""}, {"[*]", ""}, {"0", ""}, {"[0,1]", ""},
    }));
    CAPTURE(marker);
    CHECK(render(numeric_marker(marker)) == numbers);
}

TEST_CASE("citations in markup: groups, ranges, brackets and author-year", "[citations]") {
    struct Piece {
        std::string text;        // text, or the marker as shown
        std::vector<int> cites;  // the marker's reference numbers; empty for text
    };
    struct Case {
        std::vector<Piece> pieces;
        std::string text, citations;
    };
    const auto c = GENERATE(values<Case>({
        {{{"shown ", {}}, {"[3]", {3}}, {"\xE2\x80\x93", {}}, {"[5]", {5}}, {".", {}}}, "shown.", "3,4,5"},
        {{{"in cells [", {}}, {"1", {1}}, {",", {}}, {"2", {2}}, {"] and more", {}}}, "in cells and more", "1,2"},
        {{{"cells (", {}}, {"4", {4}}, {"-", {}}, {"6", {6}}, {").", {}}}, "cells.", "4,5,6"},
        {{{"cells (", {}}, {"4", {4}}, {", Fig. 2).", {}}}, "cells (Fig. 2).", "4"},
        {{{"as said (", {}}, {"Smith 2001", {7}}, {"; ", {}}, {"Jones 2002", {2}}, {").", {}}},
         "as said (Smith 2001; Jones 2002).", "7,2"},
        {{{"by Powell et al. ", {}}, {"[64]", {64}}, {".", {}}}, "by Powell et al.", "64"},
        {{{"twice ", {}}, {"1", {1}}, {" and again ", {}}, {"1", {1}}, {".", {}}}, "twice and again.", "1"},
        {{{"a reversed ", {}}, {"[5]", {5}}, {"\xE2\x80\x93", {}}, {"[3]", {3}}, {".", {}}}, "a reversed.", "5,3"},
    }));
    CitedText text;
    for (const Piece& piece : c.pieces) {
        if (piece.cites.empty()) text.add_text(piece.text);
        else text.add_citation(piece.cites, piece.text);
    }
    const CitedText::Result result = text.finish();
    CHECK(result.text == c.text);
    CHECK(render(result.citations) == c.citations);
}

TEST_CASE("dates in one form, as far as they are given", "[citations]") {
    const auto [year, month, day, iso] = GENERATE(table<std::string, std::string, std::string, std::string>({
        {"2018", "05", "17", "2018-05-17"}, {"2018", "May", "7", "2018-05-07"}, {"2010", "11", "", "2010-11"},
        {"2007", "", "", "2007"}, {"2007", "Spring", "1", "2007"}, {"07", "1", "1", ""}, {"2019", "13", "1", "2019"},
        {"2019", "2", "40", "2019-02"},
    }));
    CHECK(iso_date_of(year, month, day) == iso);
}
