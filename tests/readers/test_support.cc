#include "tests/readers/test_support.h"

#include <atomic>
#include <cstdlib>
#include <fstream>

#include <catch2/catch.hpp>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace medsearch::test {

CollectingSink read_all(const std::filesystem::path& file) { return read_all(file, detect_format(file)); }

CollectingSink read_all(const std::filesystem::path& file, Format format) {
    CollectingSink sink;
    read_articles(file, format, sink);
    return sink;
}

ScratchDir::ScratchDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("medsearch-readers-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
}

ScratchDir::~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

std::filesystem::path ScratchDir::write(const std::string& name, std::string_view bytes) const {
    const std::filesystem::path file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return file;
}

std::filesystem::path source_dir() { return MEDSEARCH_SOURCE_DIR; }

std::filesystem::path fixture(const std::string& name) { return source_dir() / "tests" / "fixtures" / name; }

std::optional<std::filesystem::path> fixture_index(const std::string& name) {
    const char* indexes = std::getenv("MEDSEARCH_TEST_INDEXES");
    if (indexes == nullptr || *indexes == '\0') return std::nullopt;
    const std::filesystem::path index = std::filesystem::path(indexes) / name;
    if (!std::filesystem::is_directory(index))
        FAIL("MEDSEARCH_TEST_INDEXES holds no index " << name << " (" << index.string() << "): its fixture test did not run");
    return index;
}

std::filesystem::path shared_dir() {
    const std::filesystem::path shared = MEDSEARCH_SHARED_DIR;
    if (!std::filesystem::is_directory(shared / "data"))
        FAIL("the shared data folder is missing: expected " << shared.string()
                                                            << " (../shared beside the repository)");
    return shared;
}

void check_parse_error(const std::function<void()>& action, const std::filesystem::path& file, std::size_t line,
                       const std::string& reason_part) {
    try {
        action();
        FAIL("no ParseError");
    } catch (const ParseError& error) {
        CHECK(error.file() == file.string());
        CHECK(error.line() == line);
        CHECK_THAT(error.reason(), Catch::Contains(reason_part));
    }
}

void check_same_passages(const Article& expected, const Article& actual) {
    REQUIRE(actual.passages.size() == expected.passages.size());
    for (std::size_t i = 0; i < expected.passages.size(); ++i) {
        const Passage& want = expected.passages[i];
        const Passage& got = actual.passages[i];
        INFO("passage " << i << ": " << want.text);
        CHECK(got.section == want.section);
        CHECK(got.heading == want.heading);
        CHECK(got.kind == want.kind);
        CHECK(got.text == want.text);
        CHECK(got.citations == want.citations);
        CHECK(got.lead_in == want.lead_in);
    }
}

std::string kind_name(PassageKind kind) { return std::string(passage_kind_name(kind)); }

int free_port() {
    const int probe = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(probe >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(probe, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    socklen_t length = sizeof address;
    REQUIRE(::getsockname(probe, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    ::close(probe);
    return ntohs(address.sin_port);
}

}  // namespace medsearch::test
