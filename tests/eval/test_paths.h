// Where the eval tests find their data: small fixtures in tests/fixtures/eval and the reference runs in
// ../shared/eval (CMake passes both paths). A missing folder fails the test with a clear message.
#pragma once

#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

namespace medsearch::eval::test {

inline std::filesystem::path existing_dir(const std::filesystem::path& dir, const char* what) {
    if (!std::filesystem::is_directory(dir)) FAIL(what << " not found at " << dir << " (is ../shared beside the repository?)");
    return dir;
}

// ../shared/eval beside the repository, or wherever MEDSEARCH_SHARED_DIR points.
inline std::filesystem::path shared_eval_dir() {
    return existing_dir(std::filesystem::path(MEDSEARCH_SHARED_DIR) / "eval", "the shared eval data");
}

inline std::filesystem::path fixture(const std::string& name) {
    return existing_dir(MEDSEARCH_EVAL_FIXTURES, "tests/fixtures/eval") / name;
}

}  // namespace medsearch::eval::test
