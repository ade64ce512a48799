#include "eval/qrels.h"

#include <algorithm>
#include <functional>
#include <optional>

#include "common/errors.h"
#include "eval/text_input.h"

namespace medsearch::eval {

namespace {

bool is_comment(std::string_view line) {
    const std::string_view content = trim(line);
    return content.empty() || content.front() == '#';
}

bool is_beir_header(const std::vector<std::string_view>& fields) {
    return fields.size() == 3 && fields[0] == "query-id" && fields[1] == "corpus-id" && fields[2] == "score";
}

}  // namespace

int TopicJudgments::grade_of(const std::string& doc_id) const {
    const auto found = grades.find(doc_id);
    return found == grades.end() ? -1 : found->second;
}

QrelsFormat detect_qrels_format(std::string_view text) {
    LineCursor cursor(text);
    while (const auto line = cursor.next()) {
        if (is_comment(*line)) continue;
        const auto fields = split_whitespace(*line);
        return is_beir_header(fields) || fields.size() == 3 ? QrelsFormat::beir_tsv : QrelsFormat::trec;
    }
    return QrelsFormat::trec;
}

Qrels parse_qrels(std::string_view text, const std::string& source) {
    const QrelsFormat format = detect_qrels_format(text);
    const std::size_t expected_fields = format == QrelsFormat::trec ? 4 : 3;
    const char* expected_layout = format == QrelsFormat::trec ? "expected 4 fields: qid iter docid grade"
                                                              : "expected 3 fields: query-id corpus-id score";
    Qrels qrels;
    LineCursor cursor(text);
    bool header_allowed = format == QrelsFormat::beir_tsv;
    while (const auto line = cursor.next()) {
        if (is_comment(*line)) continue;
        const std::size_t number = cursor.line_number();
        const auto fields = split_whitespace(*line);
        if (header_allowed && is_beir_header(fields)) {
            header_allowed = false;
            continue;
        }
        header_allowed = false;
        if (fields.size() != expected_fields) throw ParseError(source, number, expected_layout);
        const std::string_view topic_id = fields[0];
        const std::string_view doc_id = fields[expected_fields - 2];
        const std::optional<long long> grade = parse_integer(fields[expected_fields - 1]);
        if (!grade || *grade < -127 || *grade > 127)
            throw ParseError(source, number,
                             "grade \"" + std::string(fields[expected_fields - 1]) + "\" is not an integer in -127..127");
        TopicJudgments& judgments = qrels.topics[std::string(topic_id)];
        // trec_eval refuses a document judged twice for one topic; so do we, rather than pick a grade.
        if (!judgments.grades.emplace(std::string(doc_id), static_cast<int>(*grade)).second)
            throw ParseError(source, number,
                             "document " + std::string(doc_id) + " judged twice for topic " + std::string(topic_id));
    }
    if (qrels.topics.empty()) throw ParseError(source, 0, "no judgements");
    for (auto& [topic_id, judgments] : qrels.topics) {
        for (const auto& [doc_id, grade] : judgments.grades)
            if (grade >= relevance_level) judgments.relevant_grades.push_back(grade);
        std::sort(judgments.relevant_grades.begin(), judgments.relevant_grades.end(), std::greater<>());
    }
    return qrels;
}

Qrels read_qrels(const std::filesystem::path& file) { return parse_qrels(read_text_file(file), file.string()); }

}  // namespace medsearch::eval
