#include "readers/json_reader.h"

#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "readers/json_lines.h"
#include "readers/text.h"

namespace medsearch {

namespace {

using nlohmann::json;

class RecordReader {
public:
    RecordReader(const std::filesystem::path& file, std::size_t line) : file_(file), line_(line) {}

    Article read(const json& record) const {
        Article article;
        article.id = collapse_whitespace(required_string(file_, line_, record, "id"));
        if (article.id.empty()) fail("field \"id\" must not be empty");
        article.title = collapse_whitespace(optional_string(file_, line_, record, "title"));
        article.url = collapse_whitespace(optional_string(file_, line_, record, "url"));
        article.source = collapse_whitespace(optional_string(file_, line_, record, "source"));
        article.updated = collapse_whitespace(optional_string(file_, line_, record, "updated"));
        article.synonyms = strings(record, "synonyms");
        article.pmid = collapse_whitespace(optional_string(file_, line_, record, "pmid"));
        article.pmcid = collapse_whitespace(optional_string(file_, line_, record, "pmcid"));
        article.doi = collapse_whitespace(optional_string(file_, line_, record, "doi"));
        article.published = collapse_whitespace(optional_string(file_, line_, record, "published"));
        article.journal = collapse_whitespace(optional_string(file_, line_, record, "journal"));
        article.mesh = strings(record, "mesh");
        for (const json& passage : array(record, "passages")) append_passage(article, read_passage(passage));
        for (const json& reference : array(record, "references")) article.references.push_back(read_reference(reference));
        article.origin = file_.string();
        return article;
    }

private:
    [[noreturn]] void fail(const std::string& reason) const { throw ParseError(file_.string(), line_, reason); }

    // The array under key, or an empty one when the key is absent.
    const json& array(const json& object, const char* key) const {
        static const json empty = json::array();
        const auto found = object.find(key);
        if (found == object.end() || found->is_null()) return empty;
        if (!found->is_array()) fail(std::string("field \"") + key + "\" must be an array");
        return *found;
    }

    // The non-empty strings of the array under key, white space collapsed.
    std::vector<std::string> strings(const json& object, const char* key) const {
        std::vector<std::string> values;
        for (const json& value : array(object, key)) {
            if (!value.is_string()) fail(std::string("\"") + key + "\" must hold strings");
            if (std::string text = collapse_whitespace(value.get<std::string>()); !text.empty())
                values.push_back(std::move(text));
        }
        return values;
    }

    Passage read_passage(const json& object) const {
        if (!object.is_object()) fail("each of \"passages\" must be an object");
        Passage passage;
        passage.section = optional_string(file_, line_, object, "section");
        passage.heading = optional_string(file_, line_, object, "heading");
        passage.group = optional_string(file_, line_, object, "group");
        passage.lead_in = optional_string(file_, line_, object, "lead_in");
        passage.text = required_string(file_, line_, object, "text");
        const std::string kind = optional_string(file_, line_, object, "kind");
        if (kind == "bullet") passage.kind = PassageKind::bullet;
        else if (kind == "caption") passage.kind = PassageKind::caption;
        else if (kind.empty() || kind == "paragraph") passage.kind = PassageKind::paragraph;
        else fail("passage \"kind\" must be \"paragraph\", \"bullet\" or \"caption\", not \"" + kind + "\"");
        for (const json& number : array(object, "citations")) {
            if (!number.is_number_integer() || number.get<long long>() < 1 || number.get<long long>() > 1'000'000)
                fail("\"citations\" must hold positive reference numbers");
            const int citation = number.get<int>();
            if (std::find(passage.citations.begin(), passage.citations.end(), citation) == passage.citations.end())
                passage.citations.push_back(citation);
        }
        passage.line = line_;
        return passage;
    }

    Reference read_reference(const json& object) const {
        if (!object.is_object()) fail("each of \"references\" must be an object");
        Reference reference;
        const auto number = object.find("number");
        if (number == object.end() || !number->is_number_integer()) fail("a reference needs an integer \"number\"");
        reference.number = number->get<int>();
        reference.text = collapse_whitespace(optional_string(file_, line_, object, "text"));
        reference.pmid = optional_string(file_, line_, object, "pmid");
        reference.doi = optional_string(file_, line_, object, "doi");
        reference.url = optional_string(file_, line_, object, "url");
        return reference;
    }

    const std::filesystem::path& file_;
    std::size_t line_;
};

}  // namespace

void read_json_lines(const std::filesystem::path& file, ArticleSink& sink) {
    read_json_lines_with(file, sink,
                         [&](const json& record, std::size_t line) { return RecordReader(file, line).read(record); });
}

}  // namespace medsearch
