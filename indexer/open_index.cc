#include "indexer/open_index.h"

#include "common/errors.h"

namespace medsearch {

Xapian::Database open_index(const std::filesystem::path& database) {
    std::error_code ignored;
    if (!std::filesystem::is_directory(database, ignored))
        throw DatabaseError("no index at " + database.string() + " (create it with: medsearch index --db " +
                            database.string() + " PATH...)");
    try {
        return Xapian::Database(database.string());
    } catch (const Xapian::Error& error) {
        throw DatabaseError("cannot open the index at " + database.string() + ": " + error.get_description());
    }
}

}  // namespace medsearch
