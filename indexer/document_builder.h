// Article -> Xapian documents: one document per passage, plus one article document holding the whole
// article (the "article evidence" ranking combines with passage evidence). Fields, boolean terms, values
// and stored data follow indexer/schema.h.
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
    std::vector<IndexedDocument> documents;  // the article document first, then passages in order
    std::vector<std::string> vocabulary;     // distinct folded words, for the spelling dictionary
};

class DocumentBuilder {
public:
    explicit DocumentBuilder(const Analyzer& analyzer) : analyzer_(analyzer) {}

    // Throws ParseError when the id or source cannot be indexed: no id, too long, or shaped like a passage id.
    BuiltArticle build(const Article& article) const;

private:
    const Analyzer& analyzer_;
};

}  // namespace medsearch
