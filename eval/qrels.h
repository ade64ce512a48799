// Relevance judgements. Two formats, told apart by content: TREC qrels (`qid iter docid grade`, whitespace
// separated) and BEIR's TSV (`query-id<TAB>corpus-id<TAB>score`, header line first).
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace medsearch::eval {

// A document counts as relevant from this grade up (trec_eval's default relevance_level, -l 1).
inline constexpr int relevance_level = 1;

// The judgements of one topic.
struct TopicJudgments {
    // Every judged document and its grade (0 = judged not relevant; negative = in the pool, unjudged).
    std::unordered_map<std::string, int> grades;
    // Grades of the relevant documents, highest first: the ideal ranking nDCG normalises by.
    std::vector<int> relevant_grades;

    std::size_t num_relevant() const noexcept { return relevant_grades.size(); }
    // The grade of a judged document; -1 (not relevant) for one never judged (trec_eval's "not in pool").
    int grade_of(const std::string& doc_id) const;
};

// Judgements of every topic, ordered by topic id as trec_eval orders them (byte order), so per-topic output
// lists topics as trec_eval -q does.
struct Qrels {
    std::map<std::string, TopicJudgments, std::less<>> topics;
};

enum class QrelsFormat { trec, beir_tsv };

// BEIR when the first content line is the header `query-id corpus-id score` or has three fields; TREC
// otherwise.
QrelsFormat detect_qrels_format(std::string_view text);

// Throws ParseError (file, line, reason) for a line with the wrong number of fields, a grade that is not an
// integer, a document judged twice for one topic, or a file without judgements. Lines starting with '#'
// are comments.
Qrels parse_qrels(std::string_view text, const std::string& source);
Qrels read_qrels(const std::filesystem::path& file);

}  // namespace medsearch::eval
