// Getting bytes off disk safely: whole files for the document formats, bounded lines for JSON Lines.
// Every check that makes a file unreadable as a whole (missing, empty, binary, not UTF-8) lives here.
#pragma once

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <string>

namespace medsearch {

// A document format is read whole; anything larger is surely not one article file.
inline constexpr std::size_t max_document_bytes = 256u << 20;
// A JSON Lines record longer than this is reported and skipped without being held in memory.
inline constexpr std::size_t max_record_bytes = 16u << 20;

// The whole file as text. Throws ParseError when it cannot be opened, is larger than max_document_bytes,
// is empty (or only white space), holds a NUL byte (binary) or is not valid UTF-8 (naming the line).
// A leading UTF-8 byte order mark is dropped.
std::string load_text_file(const std::filesystem::path& file);

// Up to `limit` bytes from the start of the file (fewer when it is shorter); throws ParseError when the
// file cannot be opened.
std::string read_prefix(const std::filesystem::path& file, std::size_t limit);

// Throws ParseError (line 0) when the sniffed start of a file is empty or binary.
void check_prefix_is_text(const std::filesystem::path& file, const std::string& prefix);

// One line of a JSON Lines file. A line longer than the limit comes back with too_long set, its text
// empty and its length counted, so the reader can report it and go on.
struct InputLine {
    std::size_t number = 0;  // 1-based
    std::string text;        // without the line break (a trailing '\r' is dropped too)
    std::size_t length = 0;  // bytes in the line as stored
    bool too_long = false;
};

// Streams a file line by line in fixed-size blocks, never holding more than max_line_bytes of one line.
class LineReader {
public:
    LineReader(const std::filesystem::path& file, std::size_t max_line_bytes = max_record_bytes);
    // The next line, or false at the end of the file.
    bool next(InputLine& line);

private:
    bool fill();

    std::filesystem::path file_;
    std::ifstream stream_;
    std::size_t max_line_bytes_;
    std::string block_;
    std::size_t position_ = 0;  // next unread byte of block_
    std::size_t line_number_ = 0;
    bool at_start_ = true;      // for the byte order mark
};

}  // namespace medsearch
