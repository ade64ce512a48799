// A PubMed file of any size built from real material: the real record of ../shared/data/pubmed as the
// shape of every record, filled with PubMedQA's questions, labelled contexts, MeSH terms and years. Used
// by the reader tests (a file of thousands of records) and benchmarks/reader_memory.sh (a baseline-sized
// file of 30,000).
#pragma once

#include <cstddef>
#include <filesystem>

namespace medsearch {

struct PubmedSampleOptions {
    std::filesystem::path template_record;  // a PubmedArticleSet file; its first <PubmedArticle> is the shape
    std::filesystem::path pubmedqa;         // PubMedQA's ori_pqal.json
    std::size_t records = 30000;
    std::size_t first_pmid = 40000001;      // record i gets PMID first_pmid + i
    std::size_t delete_every = 0;           // > 0: after every that many records, a <DeleteCitation> of the one before
    bool gzip = false;
};

// Writes the file; record i takes PubMedQA record i modulo its size: QUESTION as ArticleTitle, each
// context as an AbstractText under its label, MESHES as MeshHeadings, YEAR as the PubDate year. Throws
// std::runtime_error when an input cannot be read or the output cannot be written.
void write_pubmed_sample(const PubmedSampleOptions& options, const std::filesystem::path& out);

// Writes a PubMedQA file (one JSON object keyed by PMID, as ori_pqal.json) of `records` records: PubMedQA's
// own, repeated under new PMIDs (first_pmid + i) until there are that many.
void write_pubmedqa_sample(const std::filesystem::path& pubmedqa, std::size_t records, std::size_t first_pmid,
                           const std::filesystem::path& out);

}  // namespace medsearch
