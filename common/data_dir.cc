#include "common/data_dir.h"

#include <cstdlib>
#include <system_error>

namespace medsearch {

namespace {

// How far above the program's folder the data may be: build/tests/query/query_tests is three levels
// below the repository.
constexpr int kLevelsUp = 4;

bool holds_data(const std::filesystem::path& folder) {
    std::error_code ignored;
    return std::filesystem::is_directory(folder / "synonyms", ignored);
}

// The repository's corpus/ holds the sample articles beside the synonyms. A build folder's own corpus/
// (scripts/fuzz.sh keeps each fuzz target's inputs in <build>/corpus/<target>, one of them synonyms/) is
// not the bundled data, though it is nearer to the program.
bool holds_repository_data(const std::filesystem::path& folder) {
    std::error_code ignored;
    return holds_data(folder) && std::filesystem::is_directory(folder / "articles", ignored);
}

}  // namespace

std::filesystem::path find_data_dir(const DataSearch& search) {
    if (search.from_environment) {
        if (holds_data(*search.from_environment)) return *search.from_environment;
        throw DataError("MEDSEARCH_DATA names " + search.from_environment->string() +
                        ", which has no synonyms/ folder (it should name the installed share/medsearch or the "
                        "repository's corpus/)");
    }
    std::string looked;
    std::filesystem::path folder = search.program.parent_path();
    for (int level = 0; level <= kLevelsUp && !folder.empty(); ++level) {
        const std::filesystem::path installed = folder / "share" / "medsearch", repository = folder / "corpus";
        if (holds_data(installed)) return installed;
        if (holds_repository_data(repository)) return repository;
        looked += (looked.empty() ? "" : ", ") + installed.string() + ", " + repository.string();
        if (folder == folder.parent_path()) break;
        folder = folder.parent_path();
    }
    throw DataError("the bundled data (synonyms/) is not found; looked in " + looked +
                    "; set MEDSEARCH_DATA to its folder, or pass --no-bundled-synonyms");
}

std::filesystem::path data_dir() {
    DataSearch search;
    if (const char* named = std::getenv("MEDSEARCH_DATA"); named != nullptr && *named != '\0') search.from_environment = named;
    std::error_code failed;
    search.program = std::filesystem::read_symlink("/proc/self/exe", failed);
    if (failed) throw DataError("cannot tell where the program is (/proc/self/exe: " + failed.message() + "); set MEDSEARCH_DATA");
    return find_data_dir(search);
}

}  // namespace medsearch
