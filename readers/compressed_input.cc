#include "readers/compressed_input.h"

#include <cerrno>
#include <cstring>
#include <fstream>

#include <zlib.h>

#include "common/errors.h"

namespace medsearch {

namespace {
gzFile as_gz(void* handle) { return static_cast<gzFile>(handle); }
}  // namespace

CompressedInput::CompressedInput(const std::filesystem::path& file) : file_(file), gz_(nullptr) {
    std::error_code error;
    if (std::filesystem::is_directory(file, error)) throw ParseError(file.string(), 0, "is a directory, not a file");
    errno = 0;
    gz_ = gzopen(file.c_str(), "rb");
    if (gz_ == nullptr)
        throw ParseError(file.string(), 0, std::string("cannot open file") + (errno ? ": " + std::string(std::strerror(errno)) : ""));
    gzbuffer(as_gz(gz_), 1u << 17);
}

CompressedInput::~CompressedInput() {
    if (gz_ != nullptr) gzclose(as_gz(gz_));
}

std::size_t CompressedInput::read(std::string& out, std::size_t limit, std::size_t line) {
    const std::size_t start = out.size();
    out.resize(start + limit);
    const int got = gzread(as_gz(gz_), out.data() + start, static_cast<unsigned>(limit));
    if (got < 0) {
        int code = 0;
        const char* message = gzerror(as_gz(gz_), &code);
        out.resize(start);
        throw ParseError(file_.string(), line,
                         std::string("cannot read: ") + (code == Z_ERRNO ? std::strerror(errno) : message));
    }
    out.resize(start + static_cast<std::size_t>(got));
    if (got == 0) {
        // gzread reports a file cut short inside its compressed data only through gzerror.
        int code = 0;
        const char* message = gzerror(as_gz(gz_), &code);
        if (code != Z_OK && code != Z_STREAM_END)
            throw ParseError(file_.string(), line, std::string("corrupt compressed data: ") + message);
    }
    return static_cast<std::size_t>(got);
}

bool is_gzip_file(const std::filesystem::path& file) {
    std::ifstream stream(file, std::ios::binary);
    char magic[2] = {};
    stream.read(magic, 2);
    return stream.gcount() == 2 && magic[0] == '\x1f' && magic[1] == '\x8b';
}

std::string read_decompressed_prefix(const std::filesystem::path& file, std::size_t limit) {
    CompressedInput input(file);
    std::string prefix;
    try {
        while (prefix.size() < limit && input.read(prefix, limit - prefix.size(), 0) > 0) {
        }
    } catch (const ParseError&) {
        // A file cut short still shows what it is; reading it reports where it ends.
        if (prefix.empty()) throw;
    }
    return prefix;
}

}  // namespace medsearch
