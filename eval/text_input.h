// Helpers shared by the readers of topics, qrels and runs: whole-file reading, line iteration with line
// numbers, whitespace splitting and strict, locale-independent number parsing and formatting.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/text.h"

namespace medsearch::eval {

// The whole file as bytes. Throws ParseError (line 0) when it cannot be read.
std::string read_text_file(const std::filesystem::path& file);

// Walks a text line by line, counting lines from 1. A trailing '\r' is dropped so CRLF files read the same.
class LineCursor {
public:
    explicit LineCursor(std::string_view text) : rest_(text) {}

    // The next line (without its end), or nullopt at the end of the text.
    std::optional<std::string_view> next();
    // 1-based number of the line next() returned last.
    std::size_t line_number() const noexcept { return line_number_; }

private:
    std::string_view rest_;
    std::size_t line_number_ = 0;
    bool done_ = false;
};

// True when the line has nothing but white space.
bool is_blank(std::string_view line);
// Fields separated by runs of spaces or tabs (the TREC file convention).
std::vector<std::string_view> split_whitespace(std::string_view line);

// The whole field as a finite number ("10", "-3.5", "1e-3"), or nullopt.
std::optional<double> parse_number(std::string_view field);
// The whole field as a base-10 integer, or nullopt.
std::optional<long long> parse_integer(std::string_view field);

// The value with exactly `decimals` digits after the point, always with '.', never "-0.000...".
std::string format_fixed(double value, int decimals);

}  // namespace medsearch::eval
