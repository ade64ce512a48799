// UTF-8 checks shared by the readers (which reject invalid input) and the query side (which repairs it).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace medsearch {

// Byte offset of the first byte that does not start a well-formed UTF-8 sequence (overlongs, surrogates
// and code points above U+10FFFF are ill-formed), or nullopt when the whole text is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// The text with every ill-formed sequence replaced by U+FFFD and every C0/C1 control character except
// tab and newline replaced by a space: what a query may safely contain.
std::string sanitize_utf8(std::string_view text);

// 1-based line number of a byte offset (counting '\n').
std::size_t line_of_offset(std::string_view text, std::size_t offset);

}  // namespace medsearch
