// Typed errors thrown by library code. Library code never prints and never exits: the CLI turns each of
// these into one line on stderr and an exit code (see cli/main.cc).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace medsearch {

// Base of every error medsearch throws on purpose.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Input that cannot be read as the format it claims to be. Names the file, the 1-based line (0 when the
// problem is the file as a whole) and the reason; what() reads "file:line: reason".
class ParseError : public Error {
public:
    ParseError(std::string file, std::size_t line, std::string reason);

    const std::string& file() const noexcept { return file_; }
    std::size_t line() const noexcept { return line_; }
    const std::string& reason() const noexcept { return reason_; }

private:
    std::string file_;
    std::size_t line_;
    std::string reason_;
};

// Arguments that parse but do not make sense together (CLI11 catches the rest).
class UsageError : public Error {
public:
    using Error::Error;
};

// The index cannot be opened, read or written.
class DatabaseError : public Error {
public:
    using Error::Error;
};

// A conversation session file cannot be read or written.
class SessionError : public Error {
public:
    using Error::Error;
};

}  // namespace medsearch
