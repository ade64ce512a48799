// How many times slower a sanitized build runs, for the tests that hold the program to a time budget:
// the budget stays the documented one in plain builds and is widened, not dropped, under sanitizers.
#pragma once

namespace medsearch::test {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr double sanitizer_slowdown = 5;  // GCC names the sanitizers this way
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
inline constexpr double sanitizer_slowdown = 5;  // and clang this way
#else
inline constexpr double sanitizer_slowdown = 1;
#endif
#else
inline constexpr double sanitizer_slowdown = 1;
#endif

}  // namespace medsearch::test
