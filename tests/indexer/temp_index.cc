#include "tests/indexer/temp_index.h"

#include <algorithm>

#include <catch2/catch.hpp>

#include "indexer/schema.h"

namespace medsearch::test {

namespace {

// Every document carrying all the boolean terms, in document id order.
std::vector<Xapian::Document> documents_with(const Xapian::Database& database, const std::vector<std::string>& terms) {
    Xapian::Enquire enquire(database);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end()));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const Xapian::MSet matches = enquire.get_mset(0, database.get_doccount() + 1);
    std::vector<Xapian::Document> documents;
    for (auto match = matches.begin(); match != matches.end(); ++match) documents.push_back(match.get_document());
    return documents;
}

}  // namespace

IndexSummary TempIndex::index(const std::vector<std::filesystem::path>& paths, const TempIndexOptions& options) {
    IndexWriter writer(db(), options.writer);
    IndexRunOptions run;
    run.format = options.format;
    run.neighbours = options.neighbours;
    return index_paths(paths, run, writer, observer);
}

Article make_article(const std::string& id, const std::vector<std::string>& texts, const std::string& section) {
    Article article;
    article.id = id;
    article.title = "Article " + id;
    article.source = "test";
    article.origin = id + ".md";
    for (const std::string& text : texts) {
        Passage passage;
        passage.section = section;
        passage.text = text;
        article.passages.push_back(passage);
    }
    return article;
}

std::vector<Article> two_subject_articles() {
    return {make_article("g1", {"Filgrastim raises neutrophil counts after chemotherapy induced neutropenia."}, "Research"),
            make_article("g2", {"Neutropenia after chemotherapy is treated with filgrastim, a granulocyte colony stimulating factor."},
                         "Research"),
            make_article("g3", {"Granulocyte colony stimulating factor shortens neutropenia in leukaemia."}, "Research"),
            make_article("h1", {"Hypertension in pregnancy raises the risk of preeclampsia and stroke."}, "Research"),
            make_article("h2", {"Preeclampsia is new hypertension in pregnancy with proteinuria."}, "Research")};
}

std::vector<nlohmann::json> stored_passages(const Xapian::Database& database, const std::string& article_id) {
    std::vector<nlohmann::json> passages;
    for (const Xapian::Document& document : documents_with(database, {std::string(schema::article) + article_id}))
        passages.push_back(nlohmann::json::parse(document.get_data()));
    std::sort(passages.begin(), passages.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
        return a.at(schema::field::ordinal).get<std::size_t>() < b.at(schema::field::ordinal).get<std::size_t>();
    });
    return passages;
}

nlohmann::json stored_article(const Xapian::Database& database, const std::string& article_id) {
    return nlohmann::json::parse(database.get_document(article_document(database, article_id)).get_data());
}

Xapian::docid article_document(const Xapian::Database& database, const std::string& article_id) {
    const std::vector<Xapian::docid> documents(database.postlist_begin(std::string(schema::article) + article_id),
                                               database.postlist_end(std::string(schema::article) + article_id));
    INFO("article " << article_id);
    REQUIRE(documents.size() == 1);
    return documents.front();
}

std::vector<std::string> terms_with_prefix(const Xapian::Document& document, const std::string& prefix) {
    std::vector<std::string> terms;
    auto term = document.termlist_begin();
    term.skip_to(prefix);
    for (; term != document.termlist_end() && (*term).starts_with(prefix); ++term) terms.push_back((*term).substr(prefix.size()));
    return terms;
}

}  // namespace medsearch::test
