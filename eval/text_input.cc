#include "eval/text_input.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>

#include "common/errors.h"

namespace medsearch::eval {

std::string read_text_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ParseError(file.string(), 0, std::string("cannot open: ") + std::strerror(errno));
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw ParseError(file.string(), 0, "cannot read");
    return text;
}

std::optional<std::string_view> LineCursor::next() {
    if (done_) return std::nullopt;
    if (rest_.empty()) {
        done_ = true;
        return std::nullopt;
    }
    ++line_number_;
    std::string_view line;
    const std::size_t end = rest_.find('\n');
    if (end == std::string_view::npos) {
        line = rest_;
        rest_ = {};
        done_ = true;
    } else {
        line = rest_.substr(0, end);
        rest_.remove_prefix(end + 1);
    }
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

namespace {
bool is_space_or_tab(char c) { return c == ' ' || c == '\t'; }
}  // namespace

bool is_blank(std::string_view line) { return trim(line).empty(); }

std::vector<std::string_view> split_whitespace(std::string_view line) {
    std::vector<std::string_view> fields;
    std::size_t pos = 0;
    while (pos < line.size()) {
        while (pos < line.size() && is_space_or_tab(line[pos])) ++pos;
        const std::size_t start = pos;
        while (pos < line.size() && !is_space_or_tab(line[pos])) ++pos;
        if (pos > start) fields.push_back(line.substr(start, pos - start));
    }
    return fields;
}

std::optional<double> parse_number(std::string_view field) {
    // from_chars does not accept a leading '+'; trec_eval's atof does, so allow it.
    if (!field.empty() && field.front() == '+') field.remove_prefix(1);
    double value = 0.0;
    const char* end = field.data() + field.size();
    const auto [ptr, error] = std::from_chars(field.data(), end, value);
    if (error != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
    return value;
}

std::optional<long long> parse_integer(std::string_view field) {
    if (!field.empty() && field.front() == '+') field.remove_prefix(1);
    long long value = 0;
    const char* end = field.data() + field.size();
    const auto [ptr, error] = std::from_chars(field.data(), end, value);
    if (error != std::errc() || ptr != end) return std::nullopt;
    return value;
}

std::string format_fixed(double value, int decimals) {
    // Room for the largest double in fixed notation (309 digits) and the decimals.
    char buffer[400];
    const auto [ptr, error] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
    if (error != std::errc()) return "nan";  // not reached: the buffer fits every finite double
    std::string text(buffer, ptr);
    // A negative value that rounds to zero prints as "-0.000"; readers compare it equal to zero anyway.
    if (text.front() == '-' && text.find_first_not_of("-0.") == std::string::npos) text.erase(0, 1);
    return text;
}

}  // namespace medsearch::eval
