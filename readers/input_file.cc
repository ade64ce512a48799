#include "readers/input_file.h"

#include <algorithm>
#include <iterator>

#include "common/errors.h"
#include "common/utf8.h"
#include "readers/text.h"

namespace medsearch {

namespace {

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";
constexpr std::size_t block_bytes = 1u << 16;

std::ifstream open_binary(const std::filesystem::path& file) {
    std::error_code error;
    if (std::filesystem::is_directory(file, error))
        throw ParseError(file.string(), 0, "is a directory, not a file");
    std::ifstream stream(file, std::ios::binary);
    if (!stream) throw ParseError(file.string(), 0, "cannot open file");
    return stream;
}

}  // namespace

std::string load_text_file(const std::filesystem::path& file) {
    std::ifstream stream = open_binary(file);
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    if (!error && size > max_document_bytes)
        throw ParseError(file.string(), 0,
                         "file too large (" + std::to_string(size) + " bytes; a document file may have at most " +
                             std::to_string(max_document_bytes) + ")");
    std::string text{std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
    if (stream.bad()) throw ParseError(file.string(), 0, "read error");
    if (text.starts_with(byte_order_mark)) text.erase(0, byte_order_mark.size());
    if (trim(text).empty()) throw ParseError(file.string(), 0, "empty file");
    if (const auto nul = text.find('\0'); nul != std::string::npos)
        throw ParseError(file.string(), line_of_offset(text, nul), "binary file (NUL byte), not text");
    if (const auto bad = find_invalid_utf8(text))
        throw ParseError(file.string(), line_of_offset(text, *bad),
                         "invalid UTF-8 at byte " + std::to_string(*bad));
    return text;
}

std::string read_prefix(const std::filesystem::path& file, std::size_t limit) {
    std::ifstream stream = open_binary(file);
    std::string prefix(limit, '\0');
    stream.read(prefix.data(), static_cast<std::streamsize>(limit));
    prefix.resize(static_cast<std::size_t>(stream.gcount()));
    if (prefix.starts_with(byte_order_mark)) prefix.erase(0, byte_order_mark.size());
    return prefix;
}

void check_prefix_is_text(const std::filesystem::path& file, const std::string& prefix) {
    if (trim(prefix).empty()) throw ParseError(file.string(), 0, "empty file");
    if (const auto nul = prefix.find('\0'); nul != std::string::npos)
        throw ParseError(file.string(), line_of_offset(prefix, nul), "binary file (NUL byte), not text");
}

LineReader::LineReader(const std::filesystem::path& file, std::size_t max_line_bytes)
    : file_(file), stream_(open_binary(file)), max_line_bytes_(max_line_bytes) {}

bool LineReader::fill() {
    block_.resize(block_bytes);
    stream_.read(block_.data(), static_cast<std::streamsize>(block_bytes));
    block_.resize(static_cast<std::size_t>(stream_.gcount()));
    if (stream_.bad()) throw ParseError(file_.string(), line_number_ + 1, "read error");
    position_ = 0;
    if (at_start_) {
        at_start_ = false;
        if (std::string_view(block_).starts_with(byte_order_mark)) position_ = byte_order_mark.size();
    }
    return !block_.empty();
}

bool LineReader::next(InputLine& line) {
    line = InputLine{};
    bool any = false;
    for (;;) {
        if (position_ >= block_.size() && !fill()) break;
        any = true;
        const auto begin = block_.begin() + static_cast<std::ptrdiff_t>(position_);
        const auto newline = std::find(begin, block_.end(), '\n');
        const auto piece = static_cast<std::size_t>(newline - begin);
        line.length += piece;
        if (line.length > max_line_bytes_) {
            line.too_long = true;
            line.text.clear();
            line.text.shrink_to_fit();
        } else {
            line.text.append(begin, newline);
        }
        position_ += piece;
        if (newline != block_.end()) {
            ++position_;  // the '\n'
            break;
        }
    }
    if (!any) return false;
    if (!line.text.empty() && line.text.back() == '\r') line.text.pop_back();
    line.number = ++line_number_;
    return true;
}

}  // namespace medsearch
