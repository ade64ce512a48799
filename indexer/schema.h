// Everything the index stores, declared in one place: term prefixes, value slots, document kinds and the
// stored data's field names. The indexer writes by this table and the query side reads by it.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace medsearch::schema {

// --- Term prefixes. Xapian's conventions: "Q" for the unique id, "S" for the title, "X.." for our own.
// No prefix is the start of another, so a term's field is never ambiguous.
// Free-text fields (positional, weighted):
inline constexpr std::string_view body = "";          // the passage (or whole article) text
inline constexpr std::string_view title = "S";        // the article title and the focus's synonyms
inline constexpr std::string_view heading = "XH";     // the sub-heading the passage stands under
inline constexpr std::string_view section = "XT";     // the words of the section name
// Sub-word evidence (not positional; article documents only): the character n-grams of the title's and
// body's words (analysis/char_ngrams.h), "XN$rib", "XNribo", ...
inline constexpr std::string_view ngram = "XN";
// Phrase evidence (not positional; article documents only): neighbouring words' stems as one term
// (analysis/word_pairs.h), "XPfebril neutropenia".
inline constexpr std::string_view word_pair = "XP";
// Boolean terms (filters, deletion, collapse):
inline constexpr std::string_view unique_id = "Q";    // one per document: the document id below
inline constexpr std::string_view article = "XA";     // the article id, on every document of the article
inline constexpr std::string_view section_filter = "XF";  // the section as a key (section_key() below)
inline constexpr std::string_view cites = "XC";       // a reference number the passage cites ("XC1")
inline constexpr std::string_view source = "XO";      // the source, lower-cased ("XOgard")
inline constexpr std::string_view kind = "XK";        // the document kind: "XKpassage" or "XKarticle"

inline constexpr std::string_view kind_passage = "passage";
inline constexpr std::string_view kind_article = "article";

// --- Value slots.
enum slot : Xapian::valueno {
    article_slot = 0,   // the article id: collapse key, and the key of article evidence
    section_slot = 1,   // the section key
    ordinal_slot = 2,   // the passage's place in its article (sortable_serialise), 0 for article documents
    source_slot = 3,    // the source as written
    body_length_slot = 4,  // number of body words (sortable_serialise), for length-aware scoring
    neighbours_slot = 5,   // article documents: the most similar article documents (indexer/neighbours.h)
};

// --- Database metadata (Xapian user metadata).
// The neighbour options the index's lists were made with, "<neighbours> <query_terms>" (indexer/neighbours.h),
// so that relinking after a delete keeps them.
inline constexpr const char* neighbours_metadata = "medsearch.neighbours";

// --- Stored data: a JSON object per document with these fields (see README "Stored data").
namespace field {
inline constexpr const char* article = "article";
inline constexpr const char* title = "title";
inline constexpr const char* url = "url";
inline constexpr const char* source = "source";
inline constexpr const char* updated = "updated";
inline constexpr const char* section = "section";
inline constexpr const char* heading = "heading";
inline constexpr const char* kind = "kind";            // "paragraph" or "bullet"
inline constexpr const char* text = "text";
inline constexpr const char* citations = "citations";  // [int]
inline constexpr const char* references = "references";// [{number, text, pmid, doi, url}] cited here
inline constexpr const char* ordinal = "ordinal";
inline constexpr const char* group = "group";          // the source's own answer unit ("Sec3"), may be empty
inline constexpr const char* passages = "passages";    // article documents: how many passages
}  // namespace field

// The id of a document: the article id for its article document, "<article id>#<ordinal>" for passages.
std::string passage_id(std::string_view article_id, std::size_t ordinal);

// A section name as a filter key: lower case, words joined by '-' ("From the FDA Drug Label" ->
// "from-the-fda-drug-label"), at most max_section_key_bytes; an empty name gives "none".
inline constexpr std::size_t max_section_key_bytes = 200;
std::string section_key(std::string_view section_name);

}  // namespace medsearch::schema
