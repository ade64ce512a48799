// MeSH headings as a filter (`--mesh`), a facet and a ranked field, on the real record of ../shared/data/pubmed
// and on a sample of PubMed records built from it and PubMedQA (benchmarks/readers/pubmed_sample.h). What
// each filter must keep is taken from the XML by XPath, comparing headings as plain lower-case text.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include <pugixml.hpp>

#include "benchmarks/readers/pubmed_sample.h"
#include "common/text.h"
#include "indexer/schema.h"
#include "query/searcher.h"
#include "tests/indexer/temp_index.h"
#include "tests/query/search_fixture.h"

using namespace medsearch;

namespace {

using Ids = std::set<std::string>;
using Headings = std::vector<std::string>;

constexpr const char* kRealPmid = "29768149";
constexpr std::size_t kSampleRecords = 200;

std::filesystem::path real_record() { return test::shared_dir() / "data" / "pubmed" / "pubmed-29768149.xml"; }

// Each record's PMID and its descriptors in lower case, read from the file by XPath.
std::map<std::string, std::set<std::string>> descriptors_by_pmid(const std::filesystem::path& file) {
    pugi::xml_document document;
    REQUIRE(document.load_file(file.c_str()));
    std::map<std::string, std::set<std::string>> found;
    for (const pugi::xpath_node& record : document.select_nodes("//PubmedArticle")) {
        std::set<std::string>& descriptors = found[record.node().select_node("MedlineCitation/PMID").node().text().as_string()];
        for (const pugi::xpath_node& name : record.node().select_nodes(".//MeshHeading/DescriptorName"))
            descriptors.insert(ascii_lower(name.node().text().as_string()));
    }
    return found;
}

// The articles holding every one of the descriptors (lower case).
Ids holding_all(const std::map<std::string, std::set<std::string>>& descriptors, const Headings& wanted) {
    Ids ids;
    for (const auto& article : descriptors) {
        const std::set<std::string>& held = article.second;  // a named variable: clang 14 lambdas cannot capture a structured binding
        if (std::all_of(wanted.begin(), wanted.end(), [&](const std::string& heading) { return held.contains(heading); }))
            ids.insert(article.first);
    }
    return ids;
}

// The articles of the documents a database holds that pass the filter.
Ids filtered_articles(const Xapian::Database& database, const SearchFilters& filters) {
    Xapian::Enquire enquire(database);
    enquire.set_query(build_filter(filters, database));
    Ids ids;
    const Xapian::MSet matches = enquire.get_mset(0, database.get_doccount());
    for (auto match = matches.begin(); match != matches.end(); ++match) ids.insert(match.get_document().get_value(schema::article_slot));
    return ids;
}

SearchFilters mesh_filter(Headings written) {
    SearchFilters filters;
    filters.mesh = std::move(written);
    return filters;
}

// An index of the real record and one of the sample, built once for the test cases of this file.
struct PubmedIndexes {
    PubmedIndexes() {
        real.index({real_record()});
        REQUIRE(real.observer.errors.empty());
        PubmedSampleOptions options;
        options.template_record = real_record();
        options.pubmedqa = test::shared_dir() / "data" / "pubmedqa" / "ori_pqal.json";
        options.records = kSampleRecords;
        sample_file = sample.dir() / "sample.xml";
        write_pubmed_sample(options, sample_file);
        REQUIRE(sample.index({sample_file}).articles == kSampleRecords);
        REQUIRE(sample.observer.errors.empty());
    }
    test::TempIndex real, sample;
    std::filesystem::path sample_file;
};

const PubmedIndexes& indexes() {
    static const PubmedIndexes built;
    return built;
}

Engine engine_over(const test::TempIndex& index, double mesh_weight = RankingOptions{}.fields.mesh) {
    EngineOptions options = test::test_engine_options();
    options.ranking.fields.mesh = mesh_weight;
    return Engine(index.db(), options);
}

Ids hit_articles(const SearchResults& results) {
    Ids ids;
    for (const Hit& hit : results.hits) ids.insert(hit.article_id);
    return ids;
}

}  // namespace

TEST_CASE("mesh keys: a heading as people write it is its descriptor", "[query][mesh]") {
    const auto [written, key] = GENERATE(table<std::string, std::string>({
        {"Leukopenia", "leukopenia"},
        {"leukopenia", "leukopenia"},
        {"LEUKOPENIA", "leukopenia"},
        {"  Leukopenia ", "leukopenia"},
        {"*Leukopenia", "leukopenia"},            // PubMed's major-topic mark
        {"Leukopenia*", "leukopenia"},
        {"Leukopenia[MeSH Terms]", "leukopenia"}, // PubMed's field tag
        {"leukopenia [mh]", "leukopenia"},
        {"Anemia, Hemolytic", "anemia-hemolytic"},
        {"anemia hemolytic", "anemia-hemolytic"},
        {"Aged, 80 and over", "aged-80-and-over"},
        {"Sjögren's Syndrome", "sjogren-s-syndrome"},
        {"SJÖGREN'S SYNDROME", "sjogren-s-syndrome"},
        {"", ""},
        {"*", ""},
        {"[mh]", ""},
    }));
    CAPTURE(written);
    CHECK(schema::mesh_key(written) == key);
}

TEST_CASE("mesh filter keys: a qualifier falls back to its descriptor", "[query][mesh]") {
    const auto [written, keys] = GENERATE(table<std::string, Headings>({
        {"Leukopenia", {"leukopenia"}},
        {"Neutropenia/chemically induced", {"neutropenia-chemically-induced", "neutropenia"}},
        {"*Neutropenia/chemically induced*", {"neutropenia-chemically-induced", "neutropenia"}},
        {"HIV/AIDS", {"hiv-aids", "hiv"}},  // a keyword that holds a slash is matched whole when indexed
        {"/", {}},
        {"", {}},
    }));
    CAPTURE(written);
    CHECK(mesh_filter_keys(written) == keys);
}

TEST_CASE("search --mesh keeps exactly the articles with that heading: the real record", "[query][mesh][shared]") {
    const auto& [name, written, kept] = GENERATE(table<std::string, Headings, bool>({
        {"as written", {"Asthma"}, true},
        {"lower case", {"asthma"}, true},
        {"capitals with a qualifier", {"ASTHMA/drug therapy"}, true},
        {"major topic with a qualifier", {"*Budesonide/administration & dosage"}, true},
        {"with PubMed's tag", {"Surveys and Questionnaires[MeSH Terms]"}, true},
        {"two headings it has", {"Asthma", "Humans"}, true},
        {"one it has, one it has not", {"Asthma", "Leukopenia"}, false},
        {"a heading it has not", {"Leukopenia"}, false},
        {"a qualifier is not a heading", {"drug therapy"}, false},
        {"part of a heading is not the heading", {"Surveys"}, false},
        {"a title word is not a heading", {"Inhaled"}, false},
    }));
    CAPTURE(name, written);
    const test::TempIndex& index = indexes().real;
    const IndexDatabases databases = index.open();
    const Ids expected = kept ? Ids{kRealPmid} : Ids{};
    CHECK(filtered_articles(databases.passages, mesh_filter(written)) == expected);
    CHECK(filtered_articles(databases.articles, mesh_filter(written)) == expected);

    // Through search: all five passages of the abstract, or none.
    const Engine engine = engine_over(index);
    SearchOptions options;
    options.limit = 100;
    options.filters = mesh_filter(written);
    const SearchResults results = Searcher(engine).search("asthma", options);
    CHECK(results.hits.size() == (kept ? 5U : 0U));
}

TEST_CASE("search --mesh keeps exactly the articles with that heading: a sample of PubMed records", "[query][mesh][shared]") {
    // Written as a user would | the descriptors meant, lower case.
    const auto& [written, meant] = GENERATE(table<Headings, Headings>({
        {{"Humans"}, {"humans"}},
        {{"humans"}, {"humans"}},
        {{"Mitochondria"}, {"mitochondria"}},
        {{"Aged, 80 and over"}, {"aged, 80 and over"}},
        {{"aged 80 and over"}, {"aged, 80 and over"}},
        {{"CHILD, PRESCHOOL"}, {"child, preschool"}},
        {{"Child, Preschool/diagnosis"}, {"child, preschool"}},
        {{"Child"}, {"child"}},  // not "Child, Preschool"
        {{"*Female"}, {"female"}},
        {{"Humans", "Retrospective Studies"}, {"humans", "retrospective studies"}},
        {{"Female", "Male", "Aged"}, {"female", "male", "aged"}},
        {{"Leukopenia"}, {"leukopenia"}},
    }));
    CAPTURE(written);
    const PubmedIndexes& built = indexes();
    const Ids expected = holding_all(descriptors_by_pmid(built.sample_file), meant);
    const IndexDatabases databases = built.sample.open();
    CHECK(filtered_articles(databases.passages, mesh_filter(written)) == expected);
    CHECK(filtered_articles(databases.articles, mesh_filter(written)) == expected);

    // A search within the filter shows only those articles.
    const Engine engine = engine_over(built.sample);
    SearchOptions options;
    options.limit = 1000;
    options.filters = mesh_filter(written);
    const Ids shown = hit_articles(Searcher(engine).search("patients", options));
    CHECK(std::includes(expected.begin(), expected.end(), shown.begin(), shown.end()));
    if (expected.size() > 5) CHECK_FALSE(shown.empty());
}

TEST_CASE("facets count the matching passages per MeSH heading", "[query][mesh][facets][shared]") {
    const Engine engine = engine_over(indexes().sample);
    const std::string question = GENERATE(as<std::string>{}, "patients", "mitochondria", "cancer surgery");
    CAPTURE(question);
    SearchOptions options;
    options.limit = 10000;
    options.facets = true;
    const SearchResults results = Searcher(engine).search(question, options);
    REQUIRE(results.hits.size() == results.estimated_matches);  // every match is a hit: the facets count them all
    REQUIRE_FALSE(results.hits.empty());
    std::map<std::string, std::size_t> counted, faceted;
    std::map<std::string, std::set<std::string>> keys_of;
    for (const Hit& hit : results.hits) {
        if (!keys_of.contains(hit.article_id)) {
            const std::optional<Article> article = engine.article(hit.article_id);
            REQUIRE(article);
            for (const std::string& heading : article->mesh) keys_of[hit.article_id].insert(schema::mesh_key(heading));
        }
        for (const std::string& key : keys_of[hit.article_id]) ++counted[key];
    }
    for (const FacetCount& facet : results.mesh_facets) faceted[facet.value] = facet.count;
    CHECK(faceted == counted);
    CHECK(std::is_sorted(results.mesh_facets.begin(), results.mesh_facets.end(),
                         [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; }));
}

TEST_CASE("a word only in the MeSH headings finds the article", "[query][mesh][ranking][shared]") {
    SECTION("the real record: 'questionnaires' is only in the heading Surveys and Questionnaires") {
        const Engine with_mesh = engine_over(indexes().real), without_mesh = engine_over(indexes().real, 0.0);
        CHECK(hit_articles(Searcher(with_mesh).search("questionnaires", {})) == Ids{kRealPmid});
        CHECK(Searcher(without_mesh).search("questionnaires", {}).hits.empty());
    }
    SECTION("the sample: every heading word that no article's text, title or headings hold") {
        const test::TempIndex& index = indexes().sample;
        const Engine with_mesh = engine_over(index), without_mesh = engine_over(index, 0.0);
        const Xapian::Database& articles = with_mesh.articles();
        auto held = [&](std::string_view prefix, const std::string& term) { return articles.term_exists(std::string(prefix) + term); };
        std::map<std::string, std::string> article_of_word;  // a heading word -> the one article it names
        for (auto id = articles.allterms_begin(std::string(schema::article)); id != articles.allterms_end(std::string(schema::article)); ++id) {
            const std::string article_id = (*id).substr(schema::article.size());
            const std::optional<Article> article = with_mesh.article(article_id);  // kept: a loop over a temporary's member dangles
            REQUIRE(article.has_value());
            for (const std::string& heading : article->mesh)
                for (const Token& token : with_mesh.analyzer().analyze(heading)) {
                    if (token.stopword || token.role != Token::Role::word || token.word.size() < 4) continue;
                    if (articles.get_termfreq(std::string(schema::mesh_words) + token.term) != 1) continue;
                    if (held(schema::body, token.term) || held(schema::title, token.term) || held(schema::heading, token.term) ||
                        held(schema::section, token.term))
                        continue;
                    article_of_word.emplace(token.word, article_id);
                }
        }
        REQUIRE(article_of_word.size() >= 5);
        for (const auto& [word, article_id] : article_of_word) {
            CAPTURE(word, article_id);
            const SearchResults results = Searcher(with_mesh).search(word, {});
            REQUIRE_FALSE(results.hits.empty());
            CHECK(results.hits.front().article_id == article_id);
            CHECK(hit_articles(Searcher(without_mesh).search(word, {})).count(article_id) == 0);
        }
    }
}
