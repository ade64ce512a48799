#include "readers/file_stream.h"

#include <algorithm>

#include "common/errors.h"

namespace medsearch {

namespace {
constexpr std::size_t block_bytes = 1u << 16;
}  // namespace

CountingFileBuffer::CountingFileBuffer(const std::filesystem::path& file) : file_(file), stream_(file, std::ios::binary) {
    if (!stream_) throw ParseError(file.string(), 0, "cannot open file");
    setg(nullptr, nullptr, nullptr);
}

std::size_t CountingFileBuffer::line() {
    if (eback() != nullptr) {
        const std::size_t to = static_cast<std::size_t>(gptr() - eback());
        if (to > counted_to_) {
            line_ += static_cast<std::size_t>(std::count(block_.begin() + static_cast<std::ptrdiff_t>(counted_to_),
                                                         block_.begin() + static_cast<std::ptrdiff_t>(to), '\n'));
            counted_to_ = to;
        }
    }
    return line_;
}

std::size_t CountingFileBuffer::offset() const {
    return block_start_ + (eback() == nullptr ? 0 : static_cast<std::size_t>(gptr() - eback()));
}

void CountingFileBuffer::start_record(std::size_t limit) {
    record_start_ = offset();
    record_line_ = line();
    record_limit_ = limit;
}

CountingFileBuffer::int_type CountingFileBuffer::underflow() {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    // Count the rest of the finished block before it goes.
    if (eback() != nullptr) {
        setg(eback(), egptr(), egptr());
        line();
        block_start_ += block_.size();
    }
    if (record_limit_ > 0 && block_start_ - record_start_ > record_limit_)
        throw ParseError(file_.string(), record_line_,
                         "record too long (more than " + std::to_string(record_limit_) + " bytes)");
    block_.resize(block_bytes);
    stream_.read(block_.data(), static_cast<std::streamsize>(block_bytes));
    block_.resize(static_cast<std::size_t>(stream_.gcount()));
    if (stream_.bad()) throw ParseError(file_.string(), line_, "read error");
    counted_to_ = 0;
    if (block_.empty()) {
        setg(nullptr, nullptr, nullptr);
        return traits_type::eof();
    }
    setg(block_.data(), block_.data(), block_.data() + block_.size());
    return traits_type::to_int_type(block_[0]);
}

}  // namespace medsearch
