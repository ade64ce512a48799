// Writes articles into an index's two databases (indexer/schema.h). Re-indexing an article replaces all
// its documents (no duplicates, no orphans); changes are committed in batches, each batch one transaction
// per database, the articles database first: an interrupted run leaves the last committed batch, and the
// next writer brings the passages database up to the articles database from the stored articles, so
// neither ever holds half an article.
//
// Whole-corpus data is kept incrementally: an added or replaced article, and every article that had a
// replaced or deleted one among its nearest, is marked unlinked (schema::unlinked); link_pending() finds
// the nearest articles of the marked ones only, so an update costs what it changes.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "indexer/document_builder.h"
#include "indexer/neighbours.h"
#include "readers/article.h"

namespace medsearch {

struct IndexWriterOptions {
    std::size_t batch_articles = 1000;      // articles per commit, at most
    std::size_t batch_bytes = 256u << 20;   // text bytes per commit, at most: bounds the memory a batch holds
    bool spelling = true;                   // feed the spelling dictionary ("Did you mean ...")
};

struct LinkSummary {
    std::size_t linked = 0;     // articles whose nearest articles were found
    std::size_t refreshed = 0;  // linked articles whose lists were looked at again because a newcomer is near
    std::size_t pending = 0;    // articles still awaiting their nearest articles (an interrupted run)
};

class PassageWriter;

class IndexWriter {
public:
    // Opens the index, creating it when it does not exist, and repairs what a crash between the two
    // databases' commits left. Throws DatabaseError.
    IndexWriter(const std::filesystem::path& index, IndexWriterOptions options = {});
    // Commits what is pending; errors there are swallowed, so call commit() yourself to see them.
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    struct Added {
        std::size_t passages = 0;
        bool replaced = false;  // the index held an article of that id, now replaced
    };
    // Replaces every document of the article with the new ones.
    Added add(const Article& article);

    // Removes every document of the article; false when it is not in the index.
    bool remove(std::string_view article_id);

    // Makes everything added or removed so far durable.
    void commit();

    // Finds the nearest articles (indexer/neighbours.h) of every article marked unlinked, and looks again
    // at the already linked articles a newcomer is nearest to; commits in batches like add(). Stops early,
    // leaving the rest marked, when *stop_requested becomes true. The options are recorded in the index.
    LinkSummary link_pending(const NeighbourOptions& options, const std::atomic<bool>* stop_requested = nullptr);
    // The same over the shards of one index (indexer/shard_list.h): each shard's unlinked articles are linked
    // among the articles of all shards, so a split index holds the lists the index built whole would.
    static LinkSummary link_pending(const std::vector<IndexWriter*>& shards, const NeighbourOptions& options,
                                    const std::atomic<bool>* stop_requested = nullptr);

    // Marks every article unlinked, for a full recomputation with link_pending().
    std::size_t unlink_all();

    // The options recorded by the last link_pending; the defaults for an index that records none.
    // Throws DatabaseError when the record is damaged.
    NeighbourOptions linked_neighbour_options() const;

private:
    void begin_batch();
    void after_change(std::size_t bytes);
    void mark_linking_articles_unlinked(std::string_view article_id);
    void repair_passages();
    // Stores the article's nearest articles (value and reverse-link terms) and clears its unlinked mark;
    // rewrites nothing when both are as stored.
    void store_neighbours(Xapian::docid article, const std::vector<Neighbour>& nearest);

    Xapian::WritableDatabase articles_;
    std::unique_ptr<PassageWriter> passages_;
    IndexWriterOptions options_;
    Analyzer analyzer_;
    DocumentBuilder builder_;
    std::uint64_t batch_ = 0;                // the last committed batch
    std::vector<std::string> batch_changes_; // the ids the open batch adds, replaces or removes
    std::size_t batch_size_ = 0;             // articles added, removed or linked in the open batch
    std::size_t batch_bytes_ = 0;
    bool in_transaction_ = false;
};

}  // namespace medsearch
