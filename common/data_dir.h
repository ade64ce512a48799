// Where the program's bundled data (the synonym tables of corpus/synonyms) is: named by MEDSEARCH_DATA, or
// found relative to the running program — installed (PREFIX/bin/medsearch beside PREFIX/share/medsearch)
// or in a build folder of the repository (build/medsearch, build/tests/..., beside corpus/). Nothing is
// compiled in, so a moved or installed program finds its data the same way, or says where it looked.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/errors.h"

namespace medsearch {

// The bundled data cannot be found. what() names the places looked at and MEDSEARCH_DATA.
class DataError : public Error {
public:
    using Error::Error;
};

struct DataSearch {
    std::optional<std::filesystem::path> from_environment;  // MEDSEARCH_DATA, when set
    std::filesystem::path program;                          // the running program's own path
};

// The data folder (it holds synonyms/): MEDSEARCH_DATA when set (an error when it is not such a folder),
// else the first of PREFIX/share/medsearch and REPOSITORY/corpus found from the program's folder upwards
// (four levels at most). Throws DataError naming every place looked at.
std::filesystem::path find_data_dir(const DataSearch& search);

// The same for this process: MEDSEARCH_DATA and /proc/self/exe.
std::filesystem::path data_dir();

}  // namespace medsearch
