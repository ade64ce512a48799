#include "readers/pubmedqa_reader.h"

#include <istream>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "readers/file_stream.h"
#include "readers/input_file.h"
#include "readers/text.h"

namespace medsearch {

namespace {

using json = nlohmann::ordered_json;  // a record's fields in file order

Article read_record(const std::filesystem::path& file, std::size_t line, const std::string& pmid, const json& record) {
    auto fail = [&](const std::string& reason) -> ParseError {
        return ParseError(file.string(), line, "record " + pmid + ": " + reason);
    };
    if (!record.is_object()) throw fail("must be an object");
    const auto question = record.find("QUESTION");
    if (question == record.end() || !question->is_string()) throw fail("QUESTION must be a string");
    const auto contexts = record.find("CONTEXTS");
    if (contexts == record.end() || !contexts->is_array()) throw fail("CONTEXTS must be an array of strings");
    const auto labels = record.find("LABELS");
    if (labels != record.end() && !labels->is_array()) throw fail("LABELS must be an array of strings");

    Article article;
    article.id = pmid;
    article.pmid = pmid;
    article.title = collapse_whitespace(question->get<std::string>());
    article.url = "https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/";
    article.source = "pubmedqa";
    article.origin = file.string();
    if (const auto year = record.find("YEAR"); year != record.end() && year->is_string())
        article.updated = article.published = year->get<std::string>();
    if (const auto meshes = record.find("MESHES"); meshes != record.end() && meshes->is_array())
        for (const json& heading : *meshes)
            if (heading.is_string())
                if (std::string name = collapse_whitespace(heading.get<std::string>()); !name.empty())
                    article.mesh.push_back(std::move(name));

    for (std::size_t i = 0; i < contexts->size(); ++i) {
        const json& context = (*contexts)[i];
        if (!context.is_string()) throw fail("CONTEXTS must be an array of strings");
        Passage passage;
        if (labels != record.end() && i < labels->size()) {
            if (!(*labels)[i].is_string()) throw fail("LABELS must be an array of strings");
            passage.section = (*labels)[i].get<std::string>();
        }
        passage.text = context.get<std::string>();
        passage.line = line;
        append_passage(article, std::move(passage));
    }
    if (const auto answer = record.find("LONG_ANSWER"); answer != record.end() && !answer->is_null()) {
        if (!answer->is_string()) throw fail("LONG_ANSWER must be a string");
        Passage passage;
        passage.section = "CONCLUSIONS";
        passage.text = answer->get<std::string>();
        passage.line = line;
        append_passage(article, std::move(passage));
    }
    return article;
}

// Receives the parser's events and builds one record at a time (depth 2 and below), without recursion:
// the containers being filled are kept on a stack of pointers.
class RecordStream : public nlohmann::json_sax<json> {
public:
    RecordStream(const std::filesystem::path& file, CountingFileBuffer& input, ArticleSink& sink)
        : file_(file), input_(input), sink_(sink) {}

    bool null() override { return value(nullptr); }
    bool boolean(bool v) override { return value(v); }
    bool number_integer(number_integer_t v) override { return value(v); }
    bool number_unsigned(number_unsigned_t v) override { return value(v); }
    bool number_float(number_float_t v, const string_t&) override { return value(v); }
    bool string(string_t& v) override { return value(std::move(v)); }
    bool binary(binary_t&) override { return value(nullptr); }

    bool start_object(std::size_t) override { return open(json::object()); }
    bool start_array(std::size_t) override {
        if (depth_ == 0) throw ParseError(file_.string(), input_.line(), "not PubMedQA: expected one JSON object keyed by PMID");
        return open(json::array());
    }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool key(string_t& name) override {
        if (depth_ == 1) {
            pmid_ = name;
            record_line_ = input_.line();
            input_.start_record(max_record_bytes);
        } else {
            key_ = name;
        }
        return true;
    }

    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& error) override {
        std::string reason = error.what();
        if (reason.size() > 200) reason = reason.substr(0, 200) + "...";
        throw ParseError(file_.string(), input_.line(), "invalid JSON: " + reason);
    }

private:
    bool value(json v) {
        if (depth_ == 0) throw ParseError(file_.string(), input_.line(), "not PubMedQA: expected one JSON object keyed by PMID");
        if (depth_ == 1) {  // a record that is not an object
            record_ = std::move(v);
            finish_record();
            return true;
        }
        insert(std::move(v));
        return true;
    }

    bool open(json container) {
        ++depth_;
        if (depth_ == 1) return true;  // the file's object
        if (depth_ == 2) {
            record_ = std::move(container);
            open_.assign(1, &record_);
            return true;
        }
        open_.push_back(&insert(std::move(container)));
        return true;
    }

    bool close() {
        --depth_;
        if (depth_ == 0) return true;
        open_.pop_back();
        if (depth_ == 1) finish_record();
        return true;
    }

    json& insert(json v) {
        json& parent = *open_.back();
        if (parent.is_array()) {
            parent.push_back(std::move(v));
            return parent.back();
        }
        return parent[key_] = std::move(v);
    }

    void finish_record() {
        try {
            sink_.on_article(read_record(file_, record_line_, pmid_, record_));
        } catch (const ParseError& error) {
            sink_.on_error(error);
        }
        record_ = json();
        input_.start_record(0);
    }

    const std::filesystem::path& file_;
    CountingFileBuffer& input_;
    ArticleSink& sink_;
    std::size_t depth_ = 0;
    std::vector<json*> open_;  // the containers of the record being filled, innermost last
    json record_;
    std::string pmid_, key_;
    std::size_t record_line_ = 0;
};

}  // namespace

void read_pubmedqa(const std::filesystem::path& file, ArticleSink& sink) {
    CountingFileBuffer buffer(file);
    std::istream input(&buffer);
    RecordStream records(file, buffer, sink);
    json::sax_parse(input, &records);
}

bool looks_like_pubmedqa(std::string_view prefix) {
    const std::string_view start = trim(prefix);
    return start.starts_with('{') && prefix.find("\"QUESTION\"") != std::string_view::npos &&
           prefix.find("\"CONTEXTS\"") != std::string_view::npos;
}

}  // namespace medsearch
