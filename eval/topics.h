// Topics: the questions of an evaluation set. Three formats, told apart by content: TSV (`qid<TAB>text`),
// BEIR queries.jsonl (`{"_id": ..., "text": ...}` per line) and TREC topic files (`<top> <num> Number: 301
// <title> ... </top>`, the title is the question).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace medsearch::eval {

struct Topic {
    std::string id;
    std::string text;
};

enum class TopicFormat { tsv, beir_jsonl, trec };

// The format of the text: '{' first means BEIR JSON lines, '<' first means a TREC topic file, anything else
// is TSV.
TopicFormat detect_topic_format(std::string_view text);

// Every topic in file order. `source` names the file in errors. Throws ParseError (file, line, reason) for
// a malformed line, an empty id or question, a duplicate id or text that is not UTF-8.
std::vector<Topic> parse_topics(std::string_view text, const std::string& source);
std::vector<Topic> read_topics(const std::filesystem::path& file);

}  // namespace medsearch::eval
