#include "eval/run.h"

#include <algorithm>
#include <fstream>
#include <optional>
#include <ostream>
#include <unordered_map>
#include <unordered_set>

#include "common/errors.h"
#include "eval/text_input.h"

namespace medsearch::eval {

bool ranks_before(const RunEntry& a, const RunEntry& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.doc_id > b.doc_id;
}

std::vector<const RunEntry*> ranked_entries(const std::vector<RunEntry>& entries) {
    std::vector<const RunEntry*> ranked;
    ranked.reserve(entries.size());
    for (const RunEntry& entry : entries) ranked.push_back(&entry);
    const auto before = [](const RunEntry* a, const RunEntry* b) { return ranks_before(*a, *b); };
    if (!std::is_sorted(ranked.begin(), ranked.end(), before)) std::sort(ranked.begin(), ranked.end(), before);
    return ranked;
}

double round_score(double score) {
    return parse_number(format_fixed(score, run_score_decimals)).value_or(score);
}

namespace {

// Collects a run's lines: topics in order of first appearance, duplicate documents refused.
class RunBuilder {
public:
    explicit RunBuilder(const std::string& source) : source_(source) {}

    void add(std::string_view topic_id, std::string_view doc_id, double score, std::size_t line) {
        auto [slot, inserted] = topic_index_.try_emplace(std::string(topic_id), run_.topics.size());
        if (inserted) {
            run_.topics.push_back({std::string(topic_id), {}});
            seen_.emplace_back();
        }
        if (!seen_[slot->second].insert(std::string(doc_id)).second)
            throw ParseError(source_, line,
                             "document " + std::string(doc_id) + " listed twice for topic " + std::string(topic_id));
        run_.topics[slot->second].entries.push_back({std::string(doc_id), score});
    }

    void set_tag(std::string_view tag) {
        if (run_.tag.empty()) run_.tag = std::string(tag);
    }

    Run take() {
        if (run_.topics.empty()) throw ParseError(source_, 0, "no results");
        return std::move(run_);
    }

private:
    const std::string& source_;
    Run run_;
    std::unordered_map<std::string, std::size_t> topic_index_;
    std::vector<std::unordered_set<std::string>> seen_;
};

// Why a value cannot stand as one field of a run line (empty when it can). The reader refuses what the
// writer could not write back, so every run read is a run that can be written.
std::string field_problem(std::string_view value) {
    if (value.empty()) return "is empty";
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == ' ' || byte == '\t') return "contains whitespace";
        if (byte < 0x20 || byte == 0x7f) return "contains a control character";
    }
    return {};
}

void check_field(std::string_view value, std::string_view what) {
    if (const std::string problem = field_problem(value); !problem.empty())
        throw Error("cannot write a TREC run: " + std::string(what) + " \"" + std::string(value) + "\" " + problem);
}

}  // namespace

Run parse_run(std::string_view text, const std::string& source) {
    RunBuilder builder(source);
    LineCursor cursor(text);
    while (const auto line = cursor.next()) {
        const std::string_view content = trim(*line);
        if (content.empty() || content.front() == '#') continue;
        const auto fields = split_whitespace(content);
        if (fields.size() < 6)
            throw ParseError(source, cursor.line_number(), "expected 6 fields: qid Q0 docid rank score tag");
        const std::optional<double> score = parse_number(fields[4]);
        if (!score)
            throw ParseError(source, cursor.line_number(), "score \"" + std::string(fields[4]) + "\" is not a number");
        for (const auto& [value, what] : {std::pair{fields[0], "topic id"}, {fields[2], "document id"}, {fields[5], "run tag"}})
            if (const std::string problem = field_problem(value); !problem.empty())
                throw ParseError(source, cursor.line_number(), std::string("the ") + what + " " + problem);
        builder.add(fields[0], fields[2], *score, cursor.line_number());
        builder.set_tag(fields[5]);
    }
    return builder.take();
}

Run read_run(const std::filesystem::path& file) { return parse_run(read_text_file(file), file.string()); }

void write_run(const Run& run, std::ostream& out) {
    check_field(run.tag, "run tag");
    for (const TopicRun& topic : run.topics) {
        check_field(topic.topic_id, "topic id");
        // Rank by the scores as the file will say them, so ties the rounding makes are broken as trec_eval will.
        std::vector<RunEntry> rounded;
        rounded.reserve(topic.entries.size());
        for (const RunEntry& entry : topic.entries) {
            check_field(entry.doc_id, "document id");
            rounded.push_back({entry.doc_id, round_score(entry.score)});
        }
        std::sort(rounded.begin(), rounded.end(), ranks_before);
        std::size_t rank = 0;
        for (const RunEntry& entry : rounded)
            out << topic.topic_id << " Q0 " << entry.doc_id << ' ' << std::to_string(++rank) << ' '
                << format_fixed(entry.score, run_score_decimals) << ' ' << run.tag << '\n';
    }
}

void save_run(const Run& run, const std::filesystem::path& file) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) throw Error("cannot write run file " + file.string());
    write_run(run, out);
    out.flush();
    if (!out) throw Error("cannot write run file " + file.string());
}

}  // namespace medsearch::eval
