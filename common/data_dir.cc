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
        for (const std::filesystem::path& candidate : {folder / "share" / "medsearch", folder / "corpus"}) {
            if (holds_data(candidate)) return candidate;
            looked += (looked.empty() ? "" : ", ") + candidate.string();
        }
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
