// Citation markers: the bare numbers a saved page puts at the end of a sentence ("in most cases 1."),
// and the bracketed ones of the markdown format ("in most cases [1]."). Both are cut out of the text and
// returned as reference numbers.
#pragma once

#include <string>
#include <vector>

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
// before it, and returns the numbers in order, without duplicates. Brackets holding anything else are
// left alone.
std::vector<int> take_bracket_citations(std::string& text);

}  // namespace medsearch
