// Bytes of a file that may be gzip-compressed (PubMed's baseline ships .xml.gz): read through zlib, which
// passes an uncompressed file through unchanged, so one reader serves both.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

namespace medsearch {

class CompressedInput {
public:
    // Throws ParseError when the file cannot be opened.
    explicit CompressedInput(const std::filesystem::path& file);
    ~CompressedInput();
    CompressedInput(const CompressedInput&) = delete;
    CompressedInput& operator=(const CompressedInput&) = delete;

    // Appends up to `limit` bytes of the (decompressed) content to out; returns how many, 0 at the end.
    // Throws ParseError for a read error or corrupt compressed data; `line` names where reading stood.
    std::size_t read(std::string& out, std::size_t limit, std::size_t line);

private:
    std::filesystem::path file_;
    void* gz_;  // gzFile
};

// True when the file starts with gzip's magic bytes.
bool is_gzip_file(const std::filesystem::path& file);

// Up to `limit` bytes from the start of the decompressed content (fewer when it is shorter, or when the
// compressed data ends early after some content).
std::string read_decompressed_prefix(const std::filesystem::path& file, std::size_t limit);

}  // namespace medsearch
