// The one record every reader yields: an article split into passages that know their section, sub-heading
// and the references they cite. The indexer only ever sees this type.
#pragma once

#include <string>
#include <vector>

namespace medsearch {

// One entry of an article's reference list ("1. Smith J. ... PMID: 123").
struct Reference {
    int number = 0;
    std::string text;
    std::string pmid;  // digits only, empty when unknown
    std::string doi;   // "10.xxxx/...", empty when unknown
    std::string url;
};

enum class PassageKind { paragraph, bullet };

// A paragraph or bullet: the unit that is indexed and ranked.
struct Passage {
    std::string section;          // "From the Guidelines", "causes", "RESULTS"; may be empty
    std::string heading;          // sub-heading within the section; may be empty
    PassageKind kind = PassageKind::paragraph;
    std::string text;             // citation markers removed
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
};

}  // namespace medsearch
