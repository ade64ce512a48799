// Filters (--section, --cite, --article, --source), collapse (--per-article), facets and paging, each
// checked against a plain scan of the stored passages. The question "leukopenia" matches every passage of
// the test index (both titles hold the word), so a filter's hits are exactly the passages it admits.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <map>

#include "indexer/schema.h"
#include "tests/query/search_fixture.h"

using namespace medsearch;

namespace {

using Ids = std::set<std::string>;
using Admits = std::function<bool(const nlohmann::json& passage)>;

const std::vector<std::string> articles = {"leukopenia", "tokens"};

// The plain answer: the ids of every stored passage the predicate admits.
Ids admitted(const Xapian::Database& database, const Admits& admits) {
    Ids ids;
    for (const std::string& article : articles)
        for (const nlohmann::json& passage : test::stored_passages(database, article))
            if (admits(passage)) ids.insert(schema::passage_id(article, passage.at("ordinal").get<std::size_t>()));
    return ids;
}

Ids hit_ids(const SearchResults& results) {
    Ids ids;
    for (const Hit& hit : results.hits) ids.insert(hit.id);
    return ids;
}

Admits in_section(const std::string& section) {
    return [section](const nlohmann::json& p) { return p.at("section") == section; };
}

Admits citing(const std::vector<int>& numbers) {
    return [numbers](const nlohmann::json& p) {
        const auto cited = p.at("citations").get<std::vector<int>>();
        return std::any_of(numbers.begin(), numbers.end(),
                           [&](int n) { return std::find(cited.begin(), cited.end(), n) != cited.end(); });
    };
}

Admits of_article(const std::string& article) {
    return [article](const nlohmann::json& p) { return p.at("article") == article; };
}

const Admits everything = [](const nlohmann::json&) { return true; };
const Admits nothing = [](const nlohmann::json&) { return false; };

SearchFilters sections(std::vector<std::string> names) { SearchFilters f; f.sections = std::move(names); return f; }
SearchFilters cites(std::vector<int> numbers) { SearchFilters f; f.cites = std::move(numbers); return f; }
SearchFilters article_ids(std::vector<std::string> ids) { SearchFilters f; f.articles = std::move(ids); return f; }
SearchFilters sources(std::vector<std::string> names) { SearchFilters f; f.sources = std::move(names); return f; }

const std::string guidelines = "From the Guidelines", label = "From the FDA Drug Label", research = "From the Research";

}  // namespace

TEST_CASE("a filter admits exactly the passages it names", "[query][filters]") {
    static const test::SearchFixture fixture;
    const auto [name, filters, admits] = GENERATE(table<std::string, SearchFilters, Admits>({
        {"no filter", {}, everything},
        {"--section guidelines", sections({"guidelines"}), in_section(guidelines)},
        {"--section fda", sections({"fda"}), in_section(label)},
        {"--section research", sections({"research"}), in_section(research)},
        {"--section with the whole name", sections({"From the FDA Drug Label"}), in_section(label)},
        {"--section in capitals", sections({"GUIDELINES"}), in_section(guidelines)},
        {"--section with two words of the name", sections({"drug label"}), in_section(label)},
        {"--section with a word every page section has", sections({"the"}),
         [](const nlohmann::json& p) { return p.at("article") == "leukopenia"; }},
        {"--section of the markdown fixture", sections({"forms"}), in_section("Forms")},
        {"two --section", sections({"guidelines", "research"}),
         [](const nlohmann::json& p) { return p.at("section") == guidelines || p.at("section") == research; }},
        {"--section that matches no section", sections({"nonexistent"}), nothing},
        {"--section matches whole words only", sections({"guide"}), nothing},
        {"--cite 1", cites({1}), citing({1})},
        {"--cite 2 --cite 4", cites({2, 4}), citing({2, 4})},
        {"--cite 6", cites({6}), citing({6})},
        {"--cite of a number never cited", cites({99}), nothing},
        {"--article tokens", article_ids({"tokens"}), of_article("tokens")},
        {"two --article", article_ids({"leukopenia", "tokens"}), everything},
        {"--article matches whole ids only", article_ids({"leuko"}), nothing},
        {"--source page", sources({"page"}), of_article("leukopenia")},
        {"--source in capitals", sources({"PAGE"}), of_article("leukopenia")},
        {"--source fixture", sources({"fixture"}), of_article("tokens")},
        {"--source unknown", sources({"gard"}), nothing},
        {"--section research --cite 2",
         [] { SearchFilters f = sections({"research"}); f.cites = {2}; return f; }(),
         [](const nlohmann::json& p) { return p.at("section") == research && citing({2})(p); }},
        {"--article tokens --cite 1", [] { SearchFilters f = article_ids({"tokens"}); f.cites = {1}; return f; }(), nothing},
    }));
    CAPTURE(name);
    SearchOptions options;
    options.limit = 1000;
    options.filters = filters;
    const SearchResults results = fixture.search("leukopenia", options);
    const Ids expected = admitted(fixture.database(), admits);
    CHECK(hit_ids(results) == expected);
    CHECK(results.hits.size() == expected.size());  // no passage twice
}

TEST_CASE("collapse: --per-article N keeps at most N passages of each article", "[query][collapse]") {
    static const test::SearchFixture fixture;
    const auto [per_article, question] = GENERATE(table<std::size_t, std::string>({
        {1, "leukopenia"}, {2, "leukopenia"}, {3, "neutropenia infection"}, {1, "G-CSF"}, {5, "blood count"}}));
    CAPTURE(per_article, question);
    SearchOptions all;
    all.limit = 1000;
    const SearchResults full = fixture.search(question, all);
    SearchOptions collapsed = all;
    collapsed.per_article = per_article;
    const SearchResults results = fixture.search(question, collapsed);

    // The plain answer: the first N hits of each article in the uncollapsed ranking, in the same order.
    std::map<std::string, std::size_t> taken;
    std::vector<std::string> expected;
    for (const Hit& hit : full.hits)
        if (++taken[hit.article_id] <= per_article) expected.push_back(hit.id);
    std::vector<std::string> got;
    std::map<std::string, std::size_t> per;
    for (const Hit& hit : results.hits) {
        got.push_back(hit.id);
        CHECK(++per[hit.article_id] <= per_article);
    }
    CHECK(got == expected);
    if (per_article == 1) CHECK(per.size() == results.hits.size());  // distinct articles
}

TEST_CASE("facets count the matching passages per section and per source", "[query][facets]") {
    static const test::SearchFixture fixture;
    const std::string question = GENERATE(as<std::string>{}, "leukopenia", "neutropenia", "G-CSF", "blood");
    CAPTURE(question);
    SearchOptions options;
    options.limit = 1000;
    options.facets = true;
    const SearchResults results = fixture.search(question, options);
    std::map<std::string, std::size_t> sections_counted, sources_counted;
    for (const Hit& hit : results.hits) {
        ++sections_counted[schema::section_key(hit.section)];
        ++sources_counted[hit.source];
    }
    std::map<std::string, std::size_t> section_facets, source_facets;
    for (const FacetCount& facet : results.section_facets) section_facets[facet.value] = facet.count;
    for (const FacetCount& facet : results.source_facets) source_facets[facet.value] = facet.count;
    CHECK(section_facets == sections_counted);
    CHECK(source_facets == sources_counted);
}

TEST_CASE("paging with --offset and --limit cuts the one ranking", "[query][paging]") {
    static const test::SearchFixture fixture;
    const auto [offset, limit] = GENERATE(table<std::size_t, std::size_t>({{0, 5}, {5, 5}, {10, 3}, {40, 10}, {47, 5}, {100, 5}}));
    CAPTURE(offset, limit);
    SearchOptions all;
    all.limit = 1000;
    const SearchResults full = fixture.search("leukopenia white blood cells", all);
    SearchOptions page = all;
    page.offset = offset;
    page.limit = limit;
    const SearchResults results = fixture.search("leukopenia white blood cells", page);
    REQUIRE(results.hits.size() == std::min(limit, full.hits.size() - std::min(offset, full.hits.size())));
    for (std::size_t i = 0; i < results.hits.size(); ++i) {
        CHECK(results.hits[i].id == full.hits[offset + i].id);
        CHECK(results.hits[i].rank == offset + i + 1);
    }
}
