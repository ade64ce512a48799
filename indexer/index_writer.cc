#include "indexer/index_writer.h"

#include <algorithm>
#include <sstream>
#include <unordered_set>

#include "common/errors.h"
#include "indexer/article_codec.h"
#include "indexer/open_index.h"
#include "indexer/passage_writer.h"
#include "indexer/schema.h"
#include "indexer/shard_list.h"

namespace medsearch {

namespace {

// When an article is linked, the articles among its this-many-times-its-list nearest look again.
constexpr std::size_t kRefreshCircle = 3;

std::string article_term(std::string_view article_id) { return std::string(schema::article) + std::string(article_id); }
std::string unique_term(std::string_view id) { return std::string(schema::unique_id) + std::string(id); }
const std::string& unlinked_term() {
    static const std::string term(schema::unlinked);
    return term;
}

std::size_t text_bytes(const Article& article) {
    std::size_t bytes = article.title.size();
    for (const Passage& passage : article.passages) bytes += passage.text.size() + passage.heading.size();
    return bytes;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) lines.push_back(line);
    return lines;
}

// The first document carrying the term, 0 when none does.
Xapian::docid first_with(const Xapian::Database& database, const std::string& term) {
    auto posting = database.postlist_begin(term);
    return posting == database.postlist_end(term) ? 0 : *posting;
}

std::vector<Xapian::docid> all_with(const Xapian::Database& database, const std::string& term) {
    return {database.postlist_begin(term), database.postlist_end(term)};
}

bool has_term(const Xapian::Document& document, const std::string& term) {
    auto found = document.termlist_begin();
    found.skip_to(term);
    return found != document.termlist_end() && *found == term;
}

std::vector<std::string> terms_with_prefix(const Xapian::Document& document, const std::string& prefix) {
    std::vector<std::string> terms;
    auto term = document.termlist_begin();
    for (term.skip_to(prefix); term != document.termlist_end() && (*term).starts_with(prefix); ++term) terms.push_back(*term);
    return terms;
}

}  // namespace

IndexWriter::IndexWriter(const std::filesystem::path& index, IndexWriterOptions options)
    : options_(options), builder_(analyzer_) {
    std::error_code error_code;
    std::filesystem::create_directories(index, error_code);
    if (error_code) throw DatabaseError("cannot create the index folder " + index.string() + ": " + error_code.message());
    refuse_older_layout(index);
    if (std::filesystem::exists(shard_list_path(index), error_code))
        throw DatabaseError("the index at " + index.string() + " is split into shards (" + shard_list_path(index).string() +
                            "); index into it with medsearch index --shards N");
    try {
        articles_ = Xapian::WritableDatabase(schema::articles_path(index).string(), Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::Error& error) {
        throw DatabaseError("cannot open " + index.string() + " for writing: " + error.get_description());
    }
    passages_ = std::make_unique<PassageWriter>(schema::passages_path(index));
    batch_ = committed_batch(articles_);
    repair_passages();
}

IndexWriter::~IndexWriter() {
    try {
        commit();
    } catch (...) {  // a destructor must not throw; commit() explicitly to see errors
    }
}

void IndexWriter::repair_passages() {
    // A crash between the articles database's commit and the passages database's leaves the last batch's
    // articles without (or with their old) passages: rebuild those from the stored articles.
    const std::uint64_t passages_batch = passages_->now([](Xapian::WritableDatabase& database) { return committed_batch(database); });
    if (passages_batch == batch_) return;
    try {
        const std::vector<std::string> changed = split_lines(articles_.get_metadata(schema::batch_articles_metadata));
        passages_->now([&](Xapian::WritableDatabase& passages) {
            passages.begin_transaction();
            for (const std::string& id : changed) {
                passages.delete_document(article_term(id));
                const Xapian::docid stored = first_with(articles_, unique_term(id));
                if (stored == 0) continue;  // the batch removed it
                for (IndexedDocument& passage : builder_.build_passages(decode_article(articles_.get_document(stored).get_data())))
                    passages.replace_document(unique_term(passage.id), passage.document);
            }
            passages.set_metadata(schema::batch_metadata, std::to_string(batch_));
            passages.commit_transaction();
        });
    } catch (const Xapian::Error& error) {
        throw DatabaseError("cannot repair the passages of the last batch: " + error.get_description());
    }
}

void IndexWriter::begin_batch() {
    if (in_transaction_) return;
    // A transaction stops Xapian's automatic flushes, which could otherwise commit half an article.
    articles_.begin_transaction();
    passages_->post([](Xapian::WritableDatabase& passages) { passages.begin_transaction(); });
    in_transaction_ = true;
}

void IndexWriter::after_change(std::size_t bytes) {
    batch_bytes_ += bytes;
    if (++batch_size_ >= options_.batch_articles || batch_bytes_ >= options_.batch_bytes) commit();
}

void IndexWriter::mark_linking_articles_unlinked(std::string_view article_id) {
    // Whoever had this article among its nearest must look again.
    for (const Xapian::docid linking : all_with(articles_, std::string(schema::links_to) + std::string(article_id))) {
        Xapian::Document document = articles_.get_document(linking);
        document.add_boolean_term(unlinked_term());
        articles_.replace_document(linking, document);
    }
}

IndexWriter::Added IndexWriter::add(const Article& article) {
    BuiltArticle built = builder_.build(article);
    Added added;
    added.passages = built.passages.size();
    const std::string term = article_term(article.id);
    try {
        begin_batch();
        added.replaced = articles_.term_exists(unique_term(article.id));
        if (added.replaced) mark_linking_articles_unlinked(article.id);
        articles_.replace_document(unique_term(article.id), built.article.document);
        // Remove what an earlier run indexed for this article, then write the new passages.
        passages_->post([term, replaced = added.replaced, passages = std::move(built.passages)](Xapian::WritableDatabase& database) mutable {
            if (replaced) database.delete_document(term);
            for (IndexedDocument& passage : passages) database.replace_document(unique_term(passage.id), passage.document);
        });
        // Spelling frequencies count articles; a re-indexed article keeps its first count.
        if (options_.spelling && !added.replaced)
            for (const std::string& word : built.vocabulary) articles_.add_spelling(word);
    } catch (const Xapian::Error& error) {
        throw DatabaseError("cannot index article " + article.id + ": " + error.get_description());
    }
    batch_changes_.push_back(article.id);
    after_change(text_bytes(article));
    return added;
}

bool IndexWriter::remove(std::string_view article_id) {
    const std::string term = article_term(article_id);
    try {
        if (!articles_.term_exists(unique_term(article_id))) return false;
        begin_batch();
        articles_.delete_document(unique_term(article_id));
        mark_linking_articles_unlinked(article_id);
        passages_->post([term](Xapian::WritableDatabase& database) { database.delete_document(term); });
    } catch (const Xapian::Error& error) {
        throw DatabaseError("cannot delete article " + std::string(article_id) + ": " + error.get_description());
    }
    batch_changes_.emplace_back(article_id);
    after_change(0);
    return true;
}

void IndexWriter::commit() {
    try {
        if (in_transaction_) {
            in_transaction_ = false;
            passages_->sync();
            // The articles first, with what the batch changed, so a crash before the passages' commit can be
            // repaired from them (repair_passages); then the passages at the same batch number.
            const std::string batch = std::to_string(batch_ + 1);
            std::string changed;
            for (const std::string& id : batch_changes_) changed += id + "\n";
            articles_.set_metadata(schema::batch_articles_metadata, changed);
            articles_.set_metadata(schema::batch_metadata, batch);
            articles_.commit_transaction();
            passages_->now([&](Xapian::WritableDatabase& passages) {
                passages.set_metadata(schema::batch_metadata, batch);
                passages.commit_transaction();
            });
            ++batch_;
        }
        articles_.commit();
        passages_->now([](Xapian::WritableDatabase& passages) { passages.commit(); });
    } catch (const Xapian::Error& error) {
        throw DatabaseError("commit failed: " + error.get_description());
    }
    batch_changes_.clear();
    batch_size_ = 0;
    batch_bytes_ = 0;
}

void IndexWriter::store_neighbours(Xapian::docid article, const std::vector<Neighbour>& nearest) {
    Xapian::Document document = articles_.get_document(article);
    const std::string list = encode_neighbours(nearest);
    const bool was_unlinked = has_term(document, unlinked_term());
    if (document.get_value(schema::neighbours_slot) == list && !was_unlinked) return;
    // Replace the links: the value ranking reads, and a term per neighbour for the reverse look-up.
    const std::string links(schema::links_to);
    for (const std::string& old : terms_with_prefix(document, links)) document.remove_term(old);
    for (const Neighbour& neighbour : nearest) document.add_boolean_term(links + neighbour.article);
    if (was_unlinked) document.remove_term(unlinked_term());
    document.add_value(schema::neighbours_slot, list);
    articles_.replace_document(article, document);
}

LinkSummary IndexWriter::link_pending(const NeighbourOptions& options, const std::atomic<bool>* stop_requested) {
    return link_pending(std::vector<IndexWriter*>{this}, options, stop_requested);
}

LinkSummary IndexWriter::link_pending(const std::vector<IndexWriter*>& shards, const NeighbourOptions& options,
                                      const std::atomic<bool>* stop_requested) {
    for (IndexWriter* shard : shards) shard->commit();  // the neighbours are found among committed articles only
    // Every shard's articles as one database (sharing the writers' own, so it sees what they store): its
    // document d is document (d - 1) / N + 1 of shard (d - 1) % N.
    Xapian::Database corpus;
    for (IndexWriter* shard : shards) corpus.add_database(shard->articles_);
    const auto owner = [&](Xapian::docid document) -> std::pair<IndexWriter&, Xapian::docid> {
        return {*shards[(document - 1) % shards.size()], static_cast<Xapian::docid>((document - 1) / shards.size() + 1)};
    };
    const auto stopped = [&] { return stop_requested != nullptr && stop_requested->load(); };
    LinkSummary summary;
    try {
        // The marked articles first: a commit part-way would end an iteration over the index.
        const std::vector<Xapian::docid> pending = all_with(corpus, unlinked_term());
        const std::unordered_set<Xapian::docid> marked(pending.begin(), pending.end());
        std::unordered_set<Xapian::docid> refreshed;
        for (const Xapian::docid article : pending) {
            if (stopped()) break;
            auto [writer, document] = owner(article);
            writer.begin_batch();
            // One search finds the article's own nearest (the first of the circle) and the circle around it.
            NeighbourOptions circle = options;
            circle.neighbours = options.neighbours * kRefreshCircle;
            FoundNeighbours found = find_neighbours(corpus, article, circle);
            std::vector<Neighbour> nearest = std::move(found.nearest);
            if (nearest.size() > options.neighbours) nearest.resize(options.neighbours);
            writer.store_neighbours(document, nearest);
            ++summary.linked;
            // A newcomer may now be nearer to the articles near it than what they hold: those linked before
            // this run look again (the marked ones are linked in this run anyway). Nearness is not
            // symmetric, so the whole circle is asked, not only its own list.
            for (const Xapian::docid near : found.documents) {
                if (marked.contains(near) || !refreshed.insert(near).second) continue;
                auto [near_writer, near_document] = owner(near);
                near_writer.begin_batch();
                near_writer.store_neighbours(near_document, find_neighbours(corpus, near, options).nearest);
                ++summary.refreshed;
            }
            writer.after_change(0);
        }
        if (!stopped())
            for (IndexWriter* shard : shards) {
                shard->begin_batch();
                shard->articles_.set_metadata(schema::neighbours_metadata,
                                              std::to_string(options.neighbours) + " " + std::to_string(options.query_terms));
            }
    } catch (const Xapian::Error& error) {
        throw DatabaseError("cannot store the articles' neighbours: " + error.get_description());
    }
    for (IndexWriter* shard : shards) shard->commit();
    summary.pending = corpus.get_termfreq(unlinked_term());
    return summary;
}

std::size_t IndexWriter::unlink_all() {
    commit();
    std::size_t marked = 0;
    try {
        std::vector<Xapian::docid> articles;
        for (auto posting = articles_.postlist_begin(""); posting != articles_.postlist_end(""); ++posting) articles.push_back(*posting);
        for (const Xapian::docid article : articles) {
            begin_batch();
            Xapian::Document document = articles_.get_document(article);
            document.add_boolean_term(unlinked_term());
            articles_.replace_document(article, document);
            ++marked;
            after_change(0);
        }
    } catch (const Xapian::Error& error) {
        throw DatabaseError("cannot mark the articles for relinking: " + error.get_description());
    }
    commit();
    return marked;
}

NeighbourOptions IndexWriter::linked_neighbour_options() const {
    std::string recorded;
    try {
        recorded = articles_.get_metadata(schema::neighbours_metadata);
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

}  // namespace medsearch
