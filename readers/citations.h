// Citation markers: the bare numbers a saved page puts at the end of a sentence ("in most cases 1."),
// and the bracketed ones of the markdown format ("in most cases [1]."). Both are cut out of the text and
// returned as reference numbers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "readers/article.h"

namespace medsearch {

// Adds number to citations unless it is already there (keeps first-seen order).
void add_citation(std::vector<int>& citations, int number);

// Removes every bare citation marker of a saved page from the text and returns their numbers in order,
// without duplicates. A marker is an integer 1..999 (no leading zero) that
//   - follows a space, and
//   - closes a sentence: it ends the text, or is followed by '.', '!' or '?' that ends the text or is
//     followed by white space and a character that is not a lower-case letter, and
//   - is not a content number: the word before it is a word, a closing bracket or '%' (not another number,
//     an operator or a range dash), and not a word that makes the number a quantity or a name
//     ("type 2.", "stage 4.", "in 1990.", "n = 12.", "April 9.", "increased to 5.", "was 45.").
// The space before a marker is removed with it; the sentence's final punctuation stays.
std::vector<int> take_page_citations(std::string& text);

// Removes every bracketed citation group ("[1]", "[1, 2]", "[1][2]", "[1-3]", "[1–3]") and the white space
// before it, and returns the numbers in order, without duplicates. Brackets holding anything else (a 0,
// which numbers no reference, among them) are left alone.
std::vector<int> take_bracket_citations(std::string& text);

// The reference numbers a citation marker written as text stands for, when it is only that: "1", "[1]",
// "(1)", "1,2", "[1-3]", "1–3" (ranges expanded). Empty for anything else ("Smith 2001", "Fig. 1", "").
std::vector<int> numeric_marker(std::string_view marker);

// A reference list entry from its text as written: number, the text (white space collapsed), and the
// PMID ("PMID: 123"), DOI ("doi:10.…", "https://doi.org/10.…") and first http(s) URL found in it.
Reference parse_reference(int number, std::string_view text);

// Fills the reference's empty pmid, doi and url from text, as parse_reference finds them.
void fill_reference_ids(Reference& reference, std::string_view text);

// A DOI or URL as it stands at the start of text: up to white space or a character that cannot be part of
// it ('"', '<', '>'), without trailing punctuation ('.', ',', ';', ':') or closing brackets that close
// nothing inside it. Brackets the identifier holds stay: "10.1016/S2352-3026(17)30182-5" is kept whole,
// "(doi:10.1/x)" gives "10.1/x".
std::string identifier_at(std::string_view text);

}  // namespace medsearch
