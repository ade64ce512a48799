// The one record every reader yields: an article split into passages that know their section, sub-heading
// and the references they cite. The indexer only ever sees this type.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace medsearch {

// One entry of an article's reference list ("1. Smith J. ... PMID: 123").
struct Reference {
    int number = 0;    // what passages cite it by: its label's number, else its place in the list
    std::string text;
    std::string pmid;  // digits only, empty when unknown
    std::string doi;   // "10.xxxx/...", empty when unknown
    std::string url;
};

// caption: the caption of a table or figure (its label, title and text), which the formats that have
// them (jats, html) keep apart from the running text.
enum class PassageKind { paragraph, bullet, caption };

// The kind as the index, the JSON output and the tests name it.
inline std::string_view passage_kind_name(PassageKind kind) {
    switch (kind) {
        case PassageKind::bullet: return "bullet";
        case PassageKind::caption: return "caption";
        case PassageKind::paragraph: break;
    }
    return "paragraph";
}

// A paragraph, bullet or caption: the unit that is indexed and ranked.
struct Passage {
    std::string section;          // the top-level section: "From the Guidelines", "causes", "RESULTS",
                                  // "Methods"; may be empty
    std::string heading;          // the sub-heading within the section; where sections nest deeper (jats,
                                  // html) the path of their titles joined with " › " ("Strains › Plasmids");
                                  // may be empty
    PassageKind kind = PassageKind::paragraph;
    std::string text;             // citation markers removed
    // For a bullet: the sentence that introduces its list ("Treatment depends on the underlying cause,
    // which may include:"), so a bullet such as "Viral infections" keeps the context that says what it
    // is a case of. Empty when the list has no such sentence, and for other kinds.
    std::string lead_in;
    std::vector<int> citations;   // reference numbers cited by this passage, in order, no duplicates
    std::size_t line = 0;         // 1-based line of the source file where the passage starts (0 if unknown)
    // The answer unit the passage belongs to when the source groups passages under its own ids: "Sec3" for
    // MedQuAD's QAPair pid 3, so "<article id>_Sec3" names the unit the followup-dev qrels judge. Empty
    // when the format has no such groups.
    std::string group;
};

struct Article {
    std::string id;                      // unique and stable across re-indexing
    std::string title;                   // the question, or the focus (disease, drug, ...)
    std::string url;
    std::string source;                  // "GARD", "medsearch seed", "scifact", ...
    std::string updated;                 // "Last updated" date as written, may be empty
    std::vector<std::string> synonyms;   // other names of the focus (MedQuAD)
    std::vector<Passage> passages;       // in reading order
    std::vector<Reference> references;
    std::string origin;                  // the file it was read from
    // Bibliographic fields of the formats that carry them (jats, pubmed; json when given); empty otherwise.
    std::string pmid;                    // PubMed id, digits only
    std::string pmcid;                   // PubMed Central id, "PMC" and digits
    std::string doi;                     // "10.xxxx/..."
    std::string published;               // publication date, ISO 8601 as far as known: "2018-05-17", "2018-05", "2018"
    std::string journal;                 // the journal's full title
    std::vector<std::string> mesh;       // MeSH headings, then keywords, as written, without duplicates
};

}  // namespace medsearch
