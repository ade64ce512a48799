// Helpers for the indexer and query tests: index fixtures into a scratch index through the library (the
// same index job `medsearch index` runs), and read back what the index stores about an article.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "indexer/index_run.h"
#include "indexer/open_index.h"
#include "tests/readers/test_support.h"

namespace medsearch::test {

// Keeps the text of every error the index run reports.
class RecordingObserver : public IndexObserver {
public:
    void on_error(const Error& error) override { errors.emplace_back(error.what()); }
    void on_progress(const IndexSummary&) override {}

    std::vector<std::string> errors;
};

struct TempIndexOptions {
    std::optional<Format> format;  // nullopt: detect each file's format, as the CLI does without --format
    IndexWriterOptions writer;
    NeighbourOptions neighbours;
};

// A scratch folder holding one index at db(); removed with the object.
class TempIndex {
public:
    const std::filesystem::path& dir() const { return scratch_.path(); }
    std::filesystem::path db() const { return scratch_.path() / "db"; }
    // Writes a file into the scratch folder (beside the index) and returns its path.
    std::filesystem::path write(const std::string& name, std::string_view bytes) const { return scratch_.write(name, bytes); }

    // Indexes the paths and commits; errors land in `observer`.
    IndexSummary index(const std::vector<std::filesystem::path>& paths, const TempIndexOptions& options = {});

    IndexDatabases open() const { return open_index(db()); }

    RecordingObserver observer;

private:
    ScratchDir scratch_;
};

// An article whose passages are the given texts, all in one section.
Article make_article(const std::string& id, const std::vector<std::string>& texts, const std::string& section = "Causes");

// Five one-passage articles: three on granulocytes and neutropenia (g1, g2, g3), two on hypertension in
// pregnancy (h1, h2); each one's nearest are the others on its subject.
std::vector<Article> two_subject_articles();

// The stored data of every passage document of the article, in ordinal order (passages database).
std::vector<nlohmann::json> stored_passages(const Xapian::Database& passages, const std::string& article_id);

// The stored data of the article's article document (articles database); fails the test when there is not
// exactly one.
nlohmann::json stored_article(const Xapian::Database& articles, const std::string& article_id);

// The article's article document; fails the test when there is not exactly one.
Xapian::docid article_document(const Xapian::Database& articles, const std::string& article_id);

// The terms of the document that start with the prefix, the prefix cut off.
std::vector<std::string> terms_with_prefix(const Xapian::Document& document, const std::string& prefix);

}  // namespace medsearch::test
