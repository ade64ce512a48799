// What every fuzz target shares: a finding is a crash, a sanitizer report or a broken promise, and a broken
// promise aborts, so libFuzzer keeps the input that broke it.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace medsearch::fuzz {

// Aborts when a promise of the code under test does not hold for this input.
inline void promise(bool holds) {
    if (!holds) std::abort();
}

inline std::string_view bytes_of(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace medsearch::fuzz
