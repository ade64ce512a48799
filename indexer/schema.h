// Everything the index stores, declared in one place: where its databases live, term prefixes, value
// slots, metadata keys and the stored data's field names. The indexer writes by this table and the query
// side reads by it.
//
// An index is a folder of two Xapian databases, one per kind of document, so each kind is ranked with
// statistics of its own (document frequencies, average length):
//   INDEX/passages  one document per passage (paragraph, bullet, caption): what search shows;
//   INDEX/articles  one document per article: article evidence, neighbours, spelling, and the article
//                   itself as stored data (the source from which passages can be rebuilt).
// An index may be split into shards, local or remote, searched as one (indexer/shard_list.h).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include <xapian.h>

namespace medsearch::schema {

inline constexpr const char* passages_database = "passages";
inline constexpr const char* articles_database = "articles";
inline std::filesystem::path passages_path(const std::filesystem::path& index) { return index / passages_database; }
inline std::filesystem::path articles_path(const std::filesystem::path& index) { return index / articles_database; }

// --- Term prefixes. Xapian's conventions: "Q" for the unique id, "S" for the title, "X.." for our own.
// No prefix is the start of another, so a term's field is never ambiguous.
// Free-text fields (positional, weighted):
inline constexpr std::string_view body = "";          // the passage (or whole article) text
inline constexpr std::string_view title = "S";        // the article title and the focus's synonyms
inline constexpr std::string_view heading = "XH";     // the sub-heading the passage stands under
inline constexpr std::string_view section = "XT";     // the words of the section name
// A bullet's lead-in, the sentence that introduces its list ("Treatment depends on the underlying cause,
// which may include:"): the bullet's context, weighed apart from its own words (passage documents only).
inline constexpr std::string_view lead_in = "XI";
// The words of the article's MeSH headings and keywords (every document of the article, like the title):
// what indexers say an article is about, often in words its text never uses ("Surveys and Questionnaires").
inline constexpr std::string_view mesh_words = "XD";
// Sub-word evidence (not positional; article documents only): the character n-grams of the title's and
// body's words (analysis/char_ngrams.h), "XN$rib", "XNribo", ...
inline constexpr std::string_view ngram = "XN";
// Phrase evidence (not positional; article documents only): neighbouring words' stems as one term
// (analysis/word_pairs.h), "XPfebril neutropenia".
inline constexpr std::string_view word_pair = "XP";
// Every prefix starts with an upper-case ASCII letter, and no body term does (the analyzer folds case): a
// term is a body word exactly when its first byte is not one.
inline bool is_body_term(std::string_view term) { return !term.empty() && !(term.front() >= 'A' && term.front() <= 'Z'); }
// Boolean terms (filters, deletion, collapse):
inline constexpr std::string_view unique_id = "Q";    // one per document: the document id below
inline constexpr std::string_view article = "XA";     // the article id, on every document of the article
inline constexpr std::string_view section_filter = "XF";  // the section as a key (section_key() below)
inline constexpr std::string_view cites = "XC";       // a reference number the passage cites ("XC1")
inline constexpr std::string_view source = "XO";      // the source, lower-cased ("XOgard")
inline constexpr std::string_view kind = "XK";        // passages: "paragraph", "bullet" or "caption"
inline constexpr std::string_view mesh = "XM";        // a MeSH heading or keyword as a key (mesh_key())
// Article documents: the id of each article among its nearest ("XLpmid123"), so the articles that
// link to a replaced or deleted one are found without a scan.
inline constexpr std::string_view links_to = "XL";
// Article documents whose nearest articles are not yet found (new, or one of their nearest changed).
inline constexpr std::string_view unlinked = "XU";

// --- Value slots.
enum slot : Xapian::valueno {
    article_slot = 0,   // the article id: collapse key, and the key of article evidence
    section_slot = 1,   // the section key
    ordinal_slot = 2,   // the passage's place in its article (sortable_serialise), 0 for article documents
    source_slot = 3,    // the source as written
    // 4 held the number of body words, which nothing read; left free.
    neighbours_slot = 5,   // article documents: the nearest articles (indexer/neighbours.h)
    mesh_slot = 6,         // the article's MeSH keys (mesh_key()), sorted, joined by '\n': the MeSH facet
};

// --- Database metadata (Xapian user metadata).
// The neighbour options the index's lists were made with, "<neighbours> <query_terms>" (indexer/neighbours.h),
// so that later runs link new articles alike. Articles database.
inline constexpr const char* neighbours_metadata = "medsearch.neighbours";
// The number of the last committed batch, in both databases. The articles database commits first, so a
// reader that sees two different numbers is between a writer's two commits (or after a crash there).
inline constexpr const char* batch_metadata = "medsearch.batch";
// Articles database: the ids the last batch added, replaced or removed, one per line, so a writer can
// bring the passages database up to the articles database after a crash between the two commits.
inline constexpr const char* batch_articles_metadata = "medsearch.batch.articles";

// --- Stored data: a JSON object per document with these fields (see README "Stored data").
namespace field {
inline constexpr const char* article = "article";
inline constexpr const char* title = "title";
inline constexpr const char* url = "url";
inline constexpr const char* source = "source";
inline constexpr const char* updated = "updated";
inline constexpr const char* section = "section";
inline constexpr const char* heading = "heading";
inline constexpr const char* kind = "kind";            // "paragraph", "bullet" or "caption"
inline constexpr const char* lead_in = "lead_in";      // a bullet's lead-in sentence, may be empty
inline constexpr const char* text = "text";
inline constexpr const char* citations = "citations";  // [int]
inline constexpr const char* references = "references";// [{number, text, pmid, doi, url}] cited here
inline constexpr const char* ordinal = "ordinal";
inline constexpr const char* group = "group";          // the source's own answer unit ("Sec3"), may be empty
}  // namespace field

// The id of a document: the article id for its article document, "<article id>#<ordinal>" for passages.
std::string passage_id(std::string_view article_id, std::size_t ordinal);

// A section name as a filter key: lower case, words joined by '-' ("From the FDA Drug Label" ->
// "from-the-fda-drug-label"), at most max_section_key_bytes; an empty name gives "none".
inline constexpr std::size_t max_section_key_bytes = 200;
std::string section_key(std::string_view section_name);

// A MeSH heading or keyword as a filter key: its words as section_key() joins them, each folded as the
// analyzer folds words (case, accents), so "Leukopenia", "LEUKOPENIA" and "*Leukopenia" (PubMed's major-topic
// mark) are "leukopenia", and "Anemia, Hemolytic" is "anemia-hemolytic"; a trailing field tag in brackets
// ("Leukopenia[MeSH Terms]") is not part of it. Empty when the heading has no word. (A "/qualifier" is left
// to the filter, which knows whether the index holds the whole text as a keyword: query/filters.h.)
std::string mesh_key(std::string_view heading);

}  // namespace medsearch::schema
