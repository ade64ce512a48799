// make_reader_samples: writes large reader inputs built from real material (pubmed_sample.h): a PubMed
// file from the real record and PubMedQA (the size of a baseline file by default), or a PubMedQA file of
// PubMedQA's records repeated under new PMIDs.
//   make_reader_samples pubmed   [--records N] [--gzip] [--deletions EVERY] [--shared DIR] OUT
//   make_reader_samples pubmedqa [--records N] [--shared DIR] OUT
#include <cstdlib>
#include <iostream>
#include <stdexcept>
#include <string>

#include "benchmarks/readers/pubmed_sample.h"

int main(int argc, char** argv) {
    const std::string usage =
        "usage: make_reader_samples pubmed|pubmedqa [--records N] [--gzip] [--deletions EVERY] [--shared DIR] OUT\n";
    if (argc < 2) {
        std::cerr << usage;
        return 2;
    }
    const std::string kind = argv[1];
    medsearch::PubmedSampleOptions options;
    std::filesystem::path shared = "../shared";
    std::filesystem::path out;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--records" && i + 1 < argc) options.records = std::strtoull(argv[++i], nullptr, 10);
        else if (arg == "--deletions" && i + 1 < argc) options.delete_every = std::strtoull(argv[++i], nullptr, 10);
        else if (arg == "--gzip") options.gzip = true;
        else if (arg == "--shared" && i + 1 < argc) shared = argv[++i];
        else out = arg;
    }
    if (out.empty() || (kind != "pubmed" && kind != "pubmedqa")) {
        std::cerr << usage;
        return 2;
    }
    options.template_record = shared / "data" / "pubmed" / "pubmed-29768149.xml";
    options.pubmedqa = shared / "data" / "pubmedqa" / "ori_pqal.json";
    try {
        if (kind == "pubmed") medsearch::write_pubmed_sample(options, out);
        else medsearch::write_pubmedqa_sample(options.pubmedqa, options.records, options.first_pmid, out);
    } catch (const std::exception& error) {
        std::cerr << "make_reader_samples: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
