#include "indexer/index_writer.h"

#include <sstream>

#include "common/errors.h"
#include "indexer/schema.h"

namespace medsearch {

IndexWriter::IndexWriter(const std::filesystem::path& database, IndexWriterOptions options)
    : options_(options), builder_(analyzer_) {
    try {
        database_ = Xapian::WritableDatabase(database.string(), Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::Error& error) {
        throw DatabaseError("cannot open " + database.string() + " for writing: " + error.get_description());
    }
}

IndexWriter::~IndexWriter() {
    try {
        commit();
    } catch (...) {  // a destructor must not throw; commit() explicitly to see errors
    }
}

void IndexWriter::begin_batch() {
    if (in_transaction_) return;
    // A transaction stops Xapian's automatic flushes, which could otherwise commit half an article.
    database_.begin_transaction();
    in_transaction_ = true;
}

void IndexWriter::after_change() {
    if (++uncommitted_ >= options_.batch_articles) commit();
}

std::size_t IndexWriter::add(const Article& article) {
    BuiltArticle built = builder_.build(article);
    const std::string article_term = std::string(schema::article) + article.id;
    try {
        begin_batch();
        const bool existed = database_.term_exists(article_term);
        // Remove what an earlier run indexed for this article, then write the new documents.
        if (existed) database_.delete_document(article_term);
        for (IndexedDocument& document : built.documents)
            database_.replace_document(std::string(schema::unique_id) + document.id, document.document);
        // Spelling frequencies count articles; a re-indexed article keeps its first count.
        if (options_.spelling && !existed)
            for (const std::string& word : built.vocabulary) database_.add_spelling(word);
    } catch (const Xapian::Error& error) {
        throw DatabaseError("cannot index article " + article.id + ": " + error.get_description());
    }
    after_change();
    return built.documents.size() - 1;
}

bool IndexWriter::remove(std::string_view article_id) {
    const std::string article_term = std::string(schema::article) + std::string(article_id);
    try {
        if (!database_.term_exists(article_term)) return false;
        begin_batch();
        database_.delete_document(article_term);
    } catch (const Xapian::Error& error) {
        throw DatabaseError("cannot delete article " + std::string(article_id) + ": " + error.get_description());
    }
    after_change();
    return true;
}

std::size_t IndexWriter::link_neighbours(const NeighbourOptions& options, const std::atomic<bool>* stop_requested) {
    commit();  // the neighbours are found among committed articles only
    std::size_t linked = 0;
    const std::string articles = std::string(schema::kind) + std::string(schema::kind_article);
    try {
        // The article documents first: a commit part-way would end an iteration over the index.
        std::vector<Xapian::docid> documents;
        for (auto posting = database_.postlist_begin(articles); posting != database_.postlist_end(articles); ++posting)
            documents.push_back(*posting);
        for (const Xapian::docid article : documents) {
            if (stop_requested != nullptr && stop_requested->load()) break;
            const std::string list =
                options.neighbours == 0 ? std::string() : encode_neighbours(find_neighbours(database_, article, options));
            Xapian::Document document = database_.get_document(article);
            if (document.get_value(schema::neighbours_slot) == list) continue;
            begin_batch();
            // Only a value changes, so Xapian rewrites no postings.
            document.add_value(schema::neighbours_slot, list);
            database_.replace_document(article, document);
            ++linked;
            after_change();
        }
        if (stop_requested == nullptr || !stop_requested->load()) {
            begin_batch();
            database_.set_metadata(schema::neighbours_metadata,
                                   std::to_string(options.neighbours) + " " + std::to_string(options.query_terms));
        }
    } catch (const Xapian::Error& error) {
        throw DatabaseError("cannot store the articles' neighbours: " + error.get_description());
    }
    commit();
    return linked;
}

NeighbourOptions IndexWriter::linked_neighbour_options() const {
    std::string recorded;
    try {
        recorded = database_.get_metadata(schema::neighbours_metadata);
    } catch (const Xapian::Error& error) {
        throw DatabaseError("cannot read the index's neighbour options: " + error.get_description());
    }
    NeighbourOptions options;
    if (recorded.empty()) return options;
    std::istringstream fields(recorded);
    std::string rest;
    if (!(fields >> options.neighbours >> options.query_terms) || (fields >> rest))
        throw DatabaseError("the index's neighbour options are damaged: '" + recorded + "'");
    return options;
}

void IndexWriter::commit() {
    try {
        if (in_transaction_) {
            in_transaction_ = false;
            database_.commit_transaction();
        }
        database_.commit();
    } catch (const Xapian::Error& error) {
        throw DatabaseError("commit failed: " + error.get_description());
    }
    uncommitted_ = 0;
}

}  // namespace medsearch
