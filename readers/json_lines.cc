#include "readers/json_lines.h"

#include "common/errors.h"
#include "common/utf8.h"
#include "readers/input_file.h"
#include "readers/text.h"

namespace medsearch {

void read_json_lines_with(const std::filesystem::path& file, ArticleSink& sink, const JsonRecordReader& read_record) {
    LineReader reader(file);
    InputLine line;
    bool any_record = false;
    while (reader.next(line)) {
        if (line.too_long) {
            any_record = true;
            sink.on_error(ParseError(file.string(), line.number,
                                     "record too long (" + std::to_string(line.length) + " bytes; at most " +
                                         std::to_string(max_record_bytes) + ")"));
            continue;
        }
        if (trim(line.text).empty()) continue;
        any_record = true;
        if (const auto nul = line.text.find('\0'); nul != std::string::npos) {
            sink.on_error(ParseError(file.string(), line.number,
                                     "NUL byte at byte " + std::to_string(nul) + " of the line (binary data, not text)"));
            continue;
        }
        if (const auto bad = find_invalid_utf8(line.text)) {
            sink.on_error(ParseError(file.string(), line.number,
                                     "invalid UTF-8 at byte " + std::to_string(*bad) + " of the line"));
            continue;
        }
        try {
            const nlohmann::json record = nlohmann::json::parse(line.text);
            if (!record.is_object()) throw ParseError(file.string(), line.number, "a record must be a JSON object");
            sink.on_article(read_record(record, line.number));
        } catch (const nlohmann::json::exception& error) {
            sink.on_error(ParseError(file.string(), line.number, std::string("invalid JSON: ") + error.what()));
        } catch (const ParseError& error) {
            sink.on_error(error);
        }
    }
    if (!any_record) throw ParseError(file.string(), 0, "empty file");
}

std::string optional_string(const std::filesystem::path& file, std::size_t line, const nlohmann::json& record,
                            std::string_view key) {
    const auto found = record.find(key);
    if (found == record.end() || found->is_null()) return {};
    if (!found->is_string())
        throw ParseError(file.string(), line, "field \"" + std::string(key) + "\" must be a string");
    return found->get<std::string>();
}

std::string required_string(const std::filesystem::path& file, std::size_t line, const nlohmann::json& record,
                            std::string_view key) {
    if (!record.contains(key)) throw ParseError(file.string(), line, "missing field \"" + std::string(key) + "\"");
    return optional_string(file, line, record, key);
}

}  // namespace medsearch
