#include "eval/topics.h"

#include <optional>
#include <unordered_map>
#include <utility>

#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "common/text.h"
#include "common/utf8.h"
#include "eval/text_input.h"

namespace medsearch::eval {

namespace {

// Collects topics, rejecting empty fields, invalid UTF-8 and ids seen before.
class TopicList {
public:
    explicit TopicList(const std::string& source) : source_(source) {}

    void add(std::string id, std::string text, std::size_t line) {
        if (id.empty()) throw ParseError(source_, line, "empty topic id");
        if (text.empty()) throw ParseError(source_, line, "topic " + id + " has no question");
        if (find_invalid_utf8(id) || find_invalid_utf8(text))
            throw ParseError(source_, line, "topic " + id + " is not valid UTF-8");
        const auto [seen, inserted] = first_line_.emplace(id, line);
        if (!inserted)
            throw ParseError(source_, line,
                             "duplicate topic id " + id + " (first on line " + std::to_string(seen->second) + ")");
        topics_.push_back({std::move(id), std::move(text)});
    }

    std::vector<Topic> take() {
        if (topics_.empty()) throw ParseError(source_, 0, "no topics");
        return std::move(topics_);
    }

private:
    const std::string& source_;
    std::vector<Topic> topics_;
    std::unordered_map<std::string, std::size_t> first_line_;
};

// Spaces and tabs folded to single spaces, ends trimmed.
std::string collapse_spaces(std::string_view text) {
    std::string out;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
        if (space) {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::vector<Topic> parse_tsv(std::string_view text, const std::string& source) {
    TopicList topics(source);
    LineCursor cursor(text);
    while (const auto line = cursor.next()) {
        if (is_blank(*line)) continue;
        const std::size_t tab = line->find('\t');
        if (tab == std::string_view::npos)
            throw ParseError(source, cursor.line_number(), "expected qid<TAB>question");
        topics.add(std::string(trim(line->substr(0, tab))), std::string(trim(line->substr(tab + 1))),
                   cursor.line_number());
    }
    return topics.take();
}

std::vector<Topic> parse_beir_jsonl(std::string_view text, const std::string& source) {
    TopicList topics(source);
    LineCursor cursor(text);
    while (const auto line = cursor.next()) {
        if (is_blank(*line)) continue;
        const std::size_t number = cursor.line_number();
        nlohmann::json record;
        try {
            record = nlohmann::json::parse(*line);
        } catch (const nlohmann::json::exception& error) {  // parse_error, or out_of_range for "1e999"
            throw ParseError(source, number, std::string("invalid JSON: ") + error.what());
        }
        if (!record.is_object()) throw ParseError(source, number, "expected a JSON object with _id and text");
        const auto id = record.find("_id");
        const auto question = record.find("text");
        if (id == record.end() || !(id->is_string() || id->is_number_integer()))
            throw ParseError(source, number, "missing string \"_id\"");
        if (question == record.end() || !question->is_string())
            throw ParseError(source, number, "missing string \"text\"");
        std::string id_text = id->is_string() ? id->get<std::string>() : id->dump();
        topics.add(std::move(id_text), collapse_spaces(question->get<std::string>()), number);
    }
    return topics.take();
}

// TREC topic files: <top> opens a topic, <num> gives its number ("Number:" optional), <title> its question
// (which may go on over the following lines until the next tag; "Topic:" optional), </top> closes it.
class TrecTopicParser {
public:
    explicit TrecTopicParser(const std::string& source) : source_(source), topics_(source) {}

    std::vector<Topic> parse(std::string_view text) {
        LineCursor cursor(text);
        while (const auto line = cursor.next()) read_line(trim(*line), cursor.line_number());
        if (open_line_) throw ParseError(source_, *open_line_, "<top> is never closed by </top>");
        return topics_.take();
    }

private:
    void read_line(std::string_view line, std::size_t number) {
        if (line.empty()) return;
        if (starts_with_tag(line, "<top>")) {
            if (open_line_) throw ParseError(source_, number, "<top> inside a topic (no </top> before it)");
            open_line_ = number;
            id_.clear();
            title_.clear();
            in_title_ = false;
            line = trim(line.substr(5));
            if (line.empty()) return;
        }
        if (!open_line_) return;  // text between topics is ignored, as trec_eval's tools do
        if (line.front() == '<') {
            in_title_ = false;
            if (starts_with_tag(line, "</top>")) return close();
            if (starts_with_tag(line, "<num>")) return read_number(line.substr(5), number);
            if (starts_with_tag(line, "<title>")) {
                in_title_ = true;
                line = strip_label(trim(line.substr(7)), "Topic:");
            } else {
                return;  // <desc>, <narr> and others are not the question
            }
        }
        if (in_title_) append_title(line);
    }

    void read_number(std::string_view rest, std::size_t number) {
        rest = strip_label(trim(strip_closing_tag(rest)), "Number:");
        const auto fields = split_whitespace(rest);
        if (fields.size() != 1) throw ParseError(source_, number, "<num> needs one topic number");
        id_ = std::string(fields.front());
    }

    void append_title(std::string_view text) {
        text = trim(strip_closing_tag(text));
        if (text.empty()) return;
        if (!title_.empty()) title_.push_back(' ');
        title_.append(text);
    }

    void close() {
        if (id_.empty()) throw ParseError(source_, *open_line_, "topic without <num>");
        topics_.add(std::move(id_), collapse_spaces(title_), *open_line_);
        open_line_.reset();
        id_.clear();
        title_.clear();
        in_title_ = false;
    }

    static bool starts_with_tag(std::string_view line, std::string_view tag) {
        return line.size() >= tag.size() && equals_ignoring_ascii_case(line.substr(0, tag.size()), tag);
    }

    // "</title>" and the like at the end of a line (newer TREC topic files close every tag).
    static std::string_view strip_closing_tag(std::string_view text) {
        const std::size_t closing = text.find("</");
        return closing == std::string_view::npos ? text : text.substr(0, closing);
    }

    static std::string_view strip_label(std::string_view text, std::string_view label) {
        if (text.substr(0, label.size()) == label) return trim(text.substr(label.size()));
        return text;
    }

    const std::string& source_;
    TopicList topics_;
    std::optional<std::size_t> open_line_;
    std::string id_;
    std::string title_;
    bool in_title_ = false;
};

}  // namespace

TopicFormat detect_topic_format(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return TopicFormat::tsv;
    if (text[first] == '{') return TopicFormat::beir_jsonl;
    if (text[first] == '<') return TopicFormat::trec;
    return TopicFormat::tsv;
}

std::vector<Topic> parse_topics(std::string_view text, const std::string& source) {
    switch (detect_topic_format(text)) {
        case TopicFormat::beir_jsonl:
            return parse_beir_jsonl(text, source);
        case TopicFormat::trec:
            return TrecTopicParser(source).parse(text);
        case TopicFormat::tsv:
            break;
    }
    return parse_tsv(text, source);
}

std::vector<Topic> read_topics(const std::filesystem::path& file) {
    return parse_topics(read_text_file(file), file.string());
}

}  // namespace medsearch::eval
