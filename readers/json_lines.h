// The loop shared by the JSON Lines formats (json, beir): stream lines, skip blank ones, turn each
// failure of one record (too long, not UTF-8, not JSON, wrong shape) into sink.on_error and go on.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "readers/article.h"
#include "readers/reader.h"

namespace medsearch {

// Turns one parsed record into an article; throws ParseError for a record of the wrong shape.
using JsonRecordReader = std::function<Article(const nlohmann::json& record, std::size_t line)>;

void read_json_lines_with(const std::filesystem::path& file, ArticleSink& sink, const JsonRecordReader& read_record);

// Field access that names the field and line in its errors.
std::string required_string(const std::filesystem::path& file, std::size_t line, const nlohmann::json& record,
                            std::string_view key);
std::string optional_string(const std::filesystem::path& file, std::size_t line, const nlohmann::json& record,
                            std::string_view key);

}  // namespace medsearch
