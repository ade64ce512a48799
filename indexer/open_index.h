// Opening an existing index for reading, with one clear error when there is none.
#pragma once

#include <filesystem>

#include <xapian.h>

namespace medsearch {

// Throws DatabaseError naming the folder when it holds no medsearch index.
Xapian::Database open_index(const std::filesystem::path& database);

}  // namespace medsearch
