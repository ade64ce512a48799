// Article -> Xapian documents: one document per passage for the passages database, and one article
// document for the articles database, holding the whole article (the "article evidence" ranking combines
// with passage evidence, and the stored article). Fields, boolean terms, values and stored data follow
// indexer/schema.h.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "readers/article.h"

namespace medsearch {

struct IndexedDocument {
    std::string id;  // schema::passage_id(), or the article id for the article document
    Xapian::Document document;
};

struct BuiltArticle {
    IndexedDocument article;                // for the articles database; not yet linked (schema::unlinked)
    std::vector<IndexedDocument> passages;  // for the passages database, in reading order
    std::vector<std::string> vocabulary;    // distinct folded words, for the spelling dictionary
};

class DocumentBuilder {
public:
    explicit DocumentBuilder(const Analyzer& analyzer) : analyzer_(analyzer) {}

    // Throws ParseError when the id or source cannot be indexed: no id, too long, or shaped like a passage id.
    BuiltArticle build(const Article& article) const;

    // Only the passage documents: what build() makes of them, for rebuilding the passages database from
    // the stored articles.
    std::vector<IndexedDocument> build_passages(const Article& article) const;

private:
    const Analyzer& analyzer_;
};

}  // namespace medsearch
