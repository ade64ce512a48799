// The answer card as data: chosen in rank order within -k and per-group bounds, grouped in the site's
// order, the site's "does not answer" remarks never shown.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "query/answer_card.h"
#include "tests/query/search_fixture.h"

namespace medsearch::test {
namespace {

Hit hit(const std::string& id, const std::string& section, const std::string& text = "A passage.") {
    Hit made;
    made.id = id;
    made.article_id = id.substr(0, id.find('#'));
    made.section = section;
    made.snippet.text = text;
    return made;
}

// The card as "group: id id | group: id".
std::string layout(const AnswerCard& card) {
    std::string out;
    for (const CardGroup& group : card.groups) {
        out += (out.empty() ? "" : " | ") + group.name + ":";
        for (const Hit& h : group.hits) out += " " + h.id;
    }
    return out;
}

TEST_CASE("the answer card takes passages in rank order within -k and per group, in the site's order", "[query][answer]") {
    const std::vector<Hit> ranked = {
        hit("a#1", "From the Research"), hit("a#2", "From the Guidelines"), hit("a#3", "From the Research"),
        hit("a#4", "From the FDA Drug Label", "The FDA drug label does not answer the question."),
        hit("a#5", "From the Research"), hit("a#6", "From the Research"), hit("b#1", "causes"), hit("a#7", "From the FDA Drug Label"),
    };
    const auto [passages, per_group, expected] = GENERATE(table<std::size_t, std::size_t, std::string>({
        {10, 3, "From the Guidelines: a#2 | From the FDA Drug Label: a#7 | From the Research: a#1 a#3 a#5 | More: b#1"},
        {3, 3, "From the Guidelines: a#2 | From the Research: a#1 a#3"},  // -k 3: the three best
        {1, 3, "From the Research: a#1"},
        {10, 1, "From the Guidelines: a#2 | From the FDA Drug Label: a#7 | From the Research: a#1 | More: b#1"},
        {0, 3, ""},
    }));
    AnswerCardOptions options;
    options.passages = passages;
    options.per_group = per_group;
    CAPTURE(passages, per_group);
    CHECK(layout(build_answer_card(ranked, options)) == expected);
}

TEST_CASE("the site's remarks that a section has no answer are recognised", "[query][answer]") {
    const auto [text, remark] = GENERATE(table<std::string, bool>({
        {"The FDA drug label does not answer the question.", true},
        {"The drug label does mention leukocytosis, but it does not directly support an answer to the question.", true},
        {"Leukopenia is a condition characterized by an abnormally low white blood cell count.", false},
        {"Treatment depends on the underlying cause, which may include:", false},
    }));
    CAPTURE(text);
    CHECK(is_no_answer_remark(text) == remark);
}

TEST_CASE("a bullet hit carries its whole list when asked, in article order", "[query][answer]") {
    static const SearchFixture fixture;
    SearchOptions options;
    options.limit = 100;
    const std::string first = GENERATE("Viral infections", "Autoimmune disorders");
    CAPTURE(first);
    options.whole_lists = false;
    const SearchResults plain = fixture.search("What is the cause of leukopenia?", options);
    options.whole_lists = true;
    const SearchResults results = fixture.search("What is the cause of leukopenia?", options);
    const auto starting = [&](const SearchResults& found) {
        return std::find_if(found.hits.begin(), found.hits.end(), [&](const Hit& h) { return h.snippet.text.starts_with(first); });
    };
    REQUIRE(starting(plain) != plain.hits.end());
    CHECK(starting(plain)->list.empty());
    const auto bullet = starting(results);
    REQUIRE(bullet != results.hits.end());
    std::vector<std::string> starts;
    for (const ListItem& item : bullet->list) starts.push_back(item.text.substr(0, item.text.find_first_of(",")));
    CHECK(starts == std::vector<std::string>{"Viral infections", "Certain medications", "Autoimmune disorders",
                                             "Bone marrow problems"});
    const auto own = std::find_if(bullet->list.begin(), bullet->list.end(), [&](const ListItem& item) { return item.ordinal == bullet->ordinal; });
    CHECK(own != bullet->list.end());
    // Paragraphs have no list.
    for (const Hit& hit : results.hits)
        if (hit.kind != "bullet") CHECK(hit.list.empty());
}

}  // namespace
}  // namespace medsearch::test
