// TREC runs: `qid Q0 docid rank score tag` per line. The rank column means nothing to trec_eval: it orders
// each topic's documents by score, highest first, and breaks ties by document id in DESCENDING byte order
// (strcmp). Every ranking here uses that order, and the runs we write give ranks that agree with it, with
// scores rounded to a fixed number of decimals so the order survives the round trip through the file.
#pragma once

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace medsearch::eval {

// Decimals of the scores we write (and round to before ranking, so file and memory agree).
inline constexpr int run_score_decimals = 6;

struct RunEntry {
    std::string doc_id;
    double score = 0.0;
};

struct TopicRun {
    std::string topic_id;
    std::vector<RunEntry> entries;  // any order; ranked_entries() gives trec_eval's order
};

struct Run {
    std::vector<TopicRun> topics;  // in order of first appearance
    std::string tag;               // the run tag (sixth column)
};

// True when a ranks before b: higher score first, equal scores by document id in descending byte order.
bool ranks_before(const RunEntry& a, const RunEntry& b);

// The entries in trec_eval's order (see ranks_before); cheap when they already are.
std::vector<const RunEntry*> ranked_entries(const std::vector<RunEntry>& entries);

// The score as it reads back from a run file written with run_score_decimals.
double round_score(double score);

// Throws ParseError (file, line, reason) for a line without the six fields, a score that is not a finite
// number, a document listed twice for one topic (trec_eval refuses those too) or a file without results.
// Blank lines and lines starting with '#' are skipped, as trec_eval does.
Run parse_run(std::string_view text, const std::string& source);
Run read_run(const std::filesystem::path& file);

// Writes `qid Q0 docid rank score tag` lines: topics in run order, each ranked by its rounded score with
// trec_eval's tie-break, ranks from 1, scores with run_score_decimals decimals whatever the locale. Throws
// medsearch::Error for an id or tag that is empty or contains whitespace (the file could not be read back).
void write_run(const Run& run, std::ostream& out);
// write_run to a file; throws medsearch::Error when it cannot be written.
void save_run(const Run& run, const std::filesystem::path& file);

}  // namespace medsearch::eval
