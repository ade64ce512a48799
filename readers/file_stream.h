// A file read in blocks through a std::streambuf that knows where it is: the line and byte of the next
// unread character, and a limit on how much one record may take. The streaming parsers (nlohmann's
// SAX parser for pubmedqa) read through it, so memory stays bounded and errors name their line.
#pragma once

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <streambuf>
#include <string>

namespace medsearch {

class CountingFileBuffer : public std::streambuf {
public:
    // Throws ParseError when the file cannot be opened.
    explicit CountingFileBuffer(const std::filesystem::path& file);

    // The 1-based line and the 0-based byte offset of the next character to be read.
    std::size_t line();
    std::size_t offset() const;

    // From now on, reading more than limit bytes before the next start_record() throws ParseError
    // ("record too long"), naming the line where the record started. A limit of 0 lifts it.
    void start_record(std::size_t limit);

protected:
    int_type underflow() override;

private:
    std::filesystem::path file_;
    std::ifstream stream_;
    std::string block_;
    std::size_t block_start_ = 0;    // file offset of block_[0]
    std::size_t counted_to_ = 0;     // block_ index up to which line breaks are counted
    std::size_t line_ = 1;
    std::size_t record_start_ = 0;   // file offset where the current record started
    std::size_t record_line_ = 0;
    std::size_t record_limit_ = 0;
};

}  // namespace medsearch
