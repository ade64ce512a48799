// Helpers for the reader tests: a sink that keeps everything, scratch folders, and the paths of the
// fixtures, the bundled corpus and ../shared.
#pragma once

#include <filesystem>
#include <optional>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "readers/reader.h"

namespace medsearch::test {

class CollectingSink : public ArticleSink {
public:
    void on_article(Article&& article) override { articles.push_back(std::move(article)); }
    void on_error(const ParseError& error) override { errors.push_back(error); }

    std::vector<Article> articles;
    std::vector<ParseError> errors;
};

// Reads the file with the given format (or the detected one) into a CollectingSink.
CollectingSink read_all(const std::filesystem::path& file);
CollectingSink read_all(const std::filesystem::path& file, Format format);

// A fresh folder under the system's temporary folder, removed when the object goes.
class ScratchDir {
public:
    ScratchDir();
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    // Writes bytes to path()/name (creating sub-folders) and returns the full path.
    std::filesystem::path write(const std::string& name, std::string_view bytes) const;

private:
    std::filesystem::path path_;
};

std::filesystem::path source_dir();   // the repository root
std::filesystem::path fixture(const std::string& name);  // tests/fixtures/<name>
// ../shared; fails the running test with a clear message when it is missing.
std::filesystem::path shared_dir();
// The index ctest made once for this run under the name (tests/CMakeLists.txt, MEDSEARCH_TEST_INDEXES), or
// nullopt outside ctest; fails the running test when the variable is set but the index is missing.
std::optional<std::filesystem::path> fixture_index(const std::string& name);

// Runs action and checks that it throws a ParseError naming file, line and a reason that contains
// reason_part.
void check_parse_error(const std::function<void()>& action, const std::filesystem::path& file, std::size_t line,
                       const std::string& reason_part);

// Checks that two readings of one article hold the same passages: section, heading, kind, text, citations
// and lead-in, in order (lines may differ: the files differ).
void check_same_passages(const Article& expected, const Article& actual);

// "paragraph", "bullet" or "caption", for readable failure messages.
std::string kind_name(PassageKind kind);

// A loopback port nobody listens on now (for servers the tests start).
int free_port();

}  // namespace medsearch::test
