// Writes articles into the Xapian database. Re-indexing an article replaces all its documents (no
// duplicates, no orphans); changes are committed in batches, each batch one transaction, so an
// interrupted run leaves the last committed state intact and never half an article.
#pragma once

#include <atomic>
#include <filesystem>
#include <string_view>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "indexer/document_builder.h"
#include "indexer/neighbours.h"
#include "readers/article.h"

namespace medsearch {

struct IndexWriterOptions {
    std::size_t batch_articles = 1000;  // articles per commit
    bool spelling = true;               // feed the spelling dictionary ("Did you mean ...")
};

class IndexWriter {
public:
    // Opens the database, creating it when it does not exist. Throws DatabaseError.
    IndexWriter(const std::filesystem::path& database, IndexWriterOptions options = {});
    // Commits what is pending; errors there are swallowed, so call commit() yourself to see them.
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    // Replaces every document of the article with the new ones; returns the number of passages.
    std::size_t add(const Article& article);

    // Removes every document of the article; false when it is not in the index.
    bool remove(std::string_view article_id);

    // Makes everything added or removed so far durable.
    void commit();

    // Finds every article's neighbours (indexer/neighbours.h) among the articles indexed now and stores
    // them, committing in batches like add(); run after the articles are in. Keeping 0 neighbours clears
    // every list. The options are recorded in the index (linked_neighbour_options). Stops early, leaving the
    // others' earlier lists, when *stop_requested becomes true. Returns how many articles' lists changed.
    std::size_t link_neighbours(const NeighbourOptions& options, const std::atomic<bool>* stop_requested = nullptr);

    // The options the last completed link_neighbours used; the defaults for an index that records none
    // (made before the options were recorded, when every index was linked with the defaults).
    // Throws DatabaseError when the record is damaged.
    NeighbourOptions linked_neighbour_options() const;

private:
    void begin_batch();
    void after_change();

    Xapian::WritableDatabase database_;
    IndexWriterOptions options_;
    Analyzer analyzer_;
    DocumentBuilder builder_;
    std::size_t uncommitted_ = 0;
    bool in_transaction_ = false;
};

}  // namespace medsearch
