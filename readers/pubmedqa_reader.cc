#include "readers/pubmedqa_reader.h"

#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "common/utf8.h"
#include "readers/text.h"

namespace medsearch {

namespace {

using json = nlohmann::ordered_json;  // records in file order

Article read_record(const std::filesystem::path& file, const std::string& pmid, const json& record) {
    auto fail = [&](const std::string& reason) -> ParseError {
        return ParseError(file.string(), 0, "record " + pmid + ": " + reason);
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
    article.title = collapse_whitespace(question->get<std::string>());
    article.url = "https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/";
    article.source = "pubmedqa";
    article.origin = file.string();
    if (const auto year = record.find("YEAR"); year != record.end() && year->is_string())
        article.updated = year->get<std::string>();

    for (std::size_t i = 0; i < contexts->size(); ++i) {
        const json& context = (*contexts)[i];
        if (!context.is_string()) throw fail("CONTEXTS must be an array of strings");
        Passage passage;
        if (labels != record.end() && i < labels->size()) {
            if (!(*labels)[i].is_string()) throw fail("LABELS must be an array of strings");
            passage.section = (*labels)[i].get<std::string>();
        }
        passage.text = context.get<std::string>();
        append_passage(article, std::move(passage));
    }
    if (const auto answer = record.find("LONG_ANSWER"); answer != record.end() && !answer->is_null()) {
        if (!answer->is_string()) throw fail("LONG_ANSWER must be a string");
        Passage passage;
        passage.section = "CONCLUSIONS";
        passage.text = answer->get<std::string>();
        append_passage(article, std::move(passage));
    }
    return article;
}

}  // namespace

void read_pubmedqa(const std::filesystem::path& file, std::string_view text, ArticleSink& sink) {
    json document;
    try {
        document = json::parse(text);
    } catch (const json::parse_error& error) {
        // byte is 1-based and points just past where the parser stopped.
        const std::size_t offset = error.byte > 0 ? error.byte - 1 : 0;
        throw ParseError(file.string(), line_of_offset(text, offset), std::string("invalid JSON: ") + error.what());
    }
    if (!document.is_object())
        throw ParseError(file.string(), 0, "not PubMedQA: expected one JSON object keyed by PMID");
    for (const auto& [pmid, record] : document.items()) {
        try {
            sink.on_article(read_record(file, pmid, record));
        } catch (const ParseError& error) {
            sink.on_error(error);
        }
    }
}

bool looks_like_pubmedqa(std::string_view prefix) {
    const std::string_view start = trim(prefix);
    return start.starts_with('{') && prefix.find("\"QUESTION\"") != std::string_view::npos &&
           prefix.find("\"CONTEXTS\"") != std::string_view::npos;
}

}  // namespace medsearch
