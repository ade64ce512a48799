// The seed page through the indexer: the index holds exactly the passages a person reads on the page —
// section, sub-heading, kind, text and citation numbers — as stored data, boolean terms and values, and
// none of the page's boilerplate is searchable.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "indexer/schema.h"
#include "query/searcher.h"
#include "tests/indexer/temp_index.h"

using namespace medsearch;

namespace {

struct ReadPassage {
    std::string section;
    std::string heading;
    std::string kind;
    std::string text;  // as a person reads it, the citation number cut off
    std::vector<int> citations;
};

const std::string guidelines = "From the Guidelines";
const std::string label = "From the FDA Drug Label";
const std::string research = "From the Research";

// The seed page as a person reads it, passage by passage (tests/fixtures/leukopenia.page.txt).
const std::vector<ReadPassage> seed = {
    {guidelines, "", "paragraph",
     "Leukopenia should not be treated with hematopoietic growth factors such as granulocyte colony-stimulating factor "
     "(G-CSF) unless the patient has febrile neutropenia or is at high risk of infection, as the use of these factors "
     "does not significantly reduce morbidity, mortality, or improve quality of life in most cases.",
     {1}},
    {guidelines, "Causes and Treatment", "paragraph",
     "Leukopenia is a condition characterized by an abnormally low white blood cell count, typically below 4,000 cells "
     "per microliter of blood. This condition requires medical evaluation as it can significantly impair the body's "
     "ability to fight infections. Treatment depends on the underlying cause, which may include:",
     {}},
    {guidelines, "Causes and Treatment", "bullet", "Viral infections", {}},
    {guidelines, "Causes and Treatment", "bullet",
     "Certain medications, such as azathioprine (AZA) and 6-mercaptopurine, which can cause leukopenia in up to 3.2% "
     "of patients",
     {1}},
    {guidelines, "Causes and Treatment", "bullet", "Autoimmune disorders", {}},
    {guidelines, "Causes and Treatment", "bullet", "Bone marrow problems", {}},
    {guidelines, "Causes and Treatment", "paragraph",
     "If medication-induced, discontinuing the offending drug under medical supervision may resolve the condition. "
     "For mild cases, monitoring and preventive measures against infection may be sufficient.",
     {}},
    {guidelines, "Management", "paragraph",
     "More severe cases might require medications like granulocyte colony-stimulating factors (G-CSF) such as "
     "filgrastim (Neupogen) at doses of 5-10 mcg/kg/day subcutaneously until white blood cell counts normalize. "
     "However, the use of G-CSF should be reserved for patients with febrile neutropenia or those at high risk of "
     "infection, as the incidence of febrile neutropenia (FNP) and mortality rates are relatively low for most "
     "standard chemotherapies. Patients with leukopenia should practice good hygiene, avoid crowds and sick "
     "individuals, maintain proper nutrition with adequate protein and vitamins, and seek immediate medical attention "
     "for signs of infection such as fever, as infections can progress rapidly due to the compromised immune system.",
     {1}},
    {guidelines, "Key Considerations", "bullet",
     "The decision to use hematopoietic growth factors should be based on the individual patient's risk of infection "
     "and febrile neutropenia, rather than the presence of leukopenia alone.",
     {1}},
    {guidelines, "Key Considerations", "bullet",
     "Azathioprine and 6-mercaptopurine can cause leukopenia, and the incidence of this side effect can be influenced "
     "by factors such as thiopurine methyltransferase (TPMT) genotype and enzyme activity, as well as drug "
     "interactions and blood transfusion.",
     {1}},
    {guidelines, "Key Considerations", "bullet",
     "Patients with leukopenia should be closely monitored for signs of infection and receive prompt treatment if "
     "necessary to prevent complications and improve quality of life.",
     {}},
    {label, "", "paragraph",
     "Decreased platelet count (thrombocytopenia). Your healthcare provider will check your blood during treatment "
     "with NEUPOGEN Tell your healthcare provider if you have unusual bleeding or bruising during treatment with "
     "NEUPOGEN. This could be a sign of decreased platelet counts, which may reduce the ability of your blood to clot. "
     "Increased white blood cell count (leukocytosis). Your healthcare provider will check your blood during "
     "treatment with NEUPOGEN.",
     {}},
    {label, "", "paragraph",
     "The drug label does mention leukocytosis, which is an increase in white blood cell count, but it does not "
     "directly address leukopenia, which is a decrease in white blood cell count. Therefore, the information "
     "provided does not directly support an answer to the question about leukopenia. The FDA drug label does not "
     "answer the question.",
     {}},
    {research, "Definition and Causes of Leukopenia", "bullet",
     "Leukopenia is an abnormal reduction of circulating white blood cells, especially the granulocytes.", {2}},
    {research, "Definition and Causes of Leukopenia", "bullet",
     "The term leukopenia is often used interchangeably with neutropenia.", {2}},
    {research, "Definition and Causes of Leukopenia", "bullet",
     "Leukopenia can result from reduced production of white blood cells or increased utilization and destruction, "
     "or both.",
     {2}},
    {research, "Definition and Causes of Leukopenia", "bullet",
     "Infection, drugs, malignancy, megaloblastosis, hypersplenism, and immunoneutropenia are responsible for most "
     "cases of neutropenia.",
     {2}},
    {research, "Diagnosis and Assessment of Leukopenia", "bullet",
     "To get close to the diagnosis, it's always useful to check previous blood counts of the patient to get a "
     "feeling for the dynamic development of the leukopenia.",
     {3}},
    {research, "Diagnosis and Assessment of Leukopenia", "bullet",
     "A manual counted peripheral blood smear is an essential step towards the right diagnosis in leukopenia.", {3}},
    {research, "Diagnosis and Assessment of Leukopenia", "bullet",
     "Assessment of patients with neutropenia should be guided by the severity on presentation, the duration of "
     "leukopenia, and the clinical status of the patient.",
     {4}},
    {research, "Management and Treatment of Leukopenia", "bullet",
     "Management requires identification of the cause and effective antimicrobial therapy, especially when serious "
     "systemic infection is present.",
     {2}},
    {research, "Management and Treatment of Leukopenia", "bullet",
     "Patients with febrile neutropenia should undergo treatment with antibiotics.", {4}},
    {research, "Management and Treatment of Leukopenia", "bullet",
     "The use of CSF-primed PBPC can significantly improve hematopoietic recovery after high-dose chemotherapy and "
     "autologous BM support.",
     {5}},
    {research, "Management and Treatment of Leukopenia", "bullet",
     "G-CSF was initially used to promote the production of neutrophils in patients with chemotherapy-induced "
     "neutropenia and helped to revolutionize the delivery of cancer therapy.",
     {6}},
    {research, "Complications and Risks of Leukopenia", "bullet",
     "The major danger of neutropenia is the risk of infection.", {2}},
    {research, "Complications and Risks of Leukopenia", "bullet",
     "Leukopenia can be life-threatening for the patient, especially if the patient presents with an "
     "agranulocytosis and fever.",
     {3}},
    {research, "Complications and Risks of Leukopenia", "bullet",
     "Patients with neutropenia can develop life-threatening bacterial infections.", {4}},
    {research, "Complications and Risks of Leukopenia", "bullet",
     "The risk of febrile neutropenia should be assessed systematically in neutropenic patients.", {4}},
};

const std::string seed_title = "What is the cause of leukopenia (low white blood cell count)?";

bool has_term(const Xapian::Document& document, const std::string& term) {
    auto it = document.termlist_begin();
    it.skip_to(term);
    return it != document.termlist_end() && *it == term;
}

Xapian::Document document_by_id(const Xapian::Database& database, const std::string& id) {
    const std::string term = std::string(schema::unique_id) + id;
    INFO("document " << id);
    REQUIRE(database.get_termfreq(term) == 1);
    return database.get_document(*database.postlist_begin(term));
}

// Every word a person reads in the text is a term of the document under the field's prefix.
void check_words_indexed(const Xapian::Document& document, const std::string& text, std::string_view prefix,
                         const Analyzer& analyzer) {
    for (const Token& token : analyzer.analyze(text)) {
        if (token.stopword || token.term.empty()) continue;
        INFO("word '" << text.substr(token.begin, token.end - token.begin) << "' of: " << text);
        CHECK(has_term(document, std::string(prefix) + token.term));
    }
}

struct SeedIndex {
    SeedIndex() {
        summary = index.index({test::fixture("leukopenia.page.txt")});
        const IndexDatabases opened = index.open();
        database = opened.passages;
        articles = opened.articles;
    }
    test::TempIndex index;
    IndexSummary summary;
    Xapian::Database database;  // the passages
    Xapian::Database articles;
};

}  // namespace

TEST_CASE("the seed indexes into exactly the passages a person reads on the page", "[indexer][seed]") {
    const SeedIndex seed_index;
    const Xapian::Database& database = seed_index.database;
    CHECK(seed_index.summary.articles == 1);
    CHECK(seed_index.summary.passages == seed.size());
    CHECK(seed_index.summary.failures == 0);
    CHECK(seed_index.index.observer.errors.empty());
    CHECK(database.get_doccount() == seed.size());  // the passages
    CHECK(seed_index.articles.get_doccount() == 1);  // and one article document

    const std::vector<nlohmann::json> stored = test::stored_passages(database, "leukopenia");
    REQUIRE(stored.size() == seed.size());
    const Analyzer analyzer;
    for (std::size_t i = 0; i < seed.size(); ++i) {
        const ReadPassage& expected = seed[i];
        const nlohmann::json& data = stored[i];
        const std::size_t ordinal = i + 1;
        INFO("passage " << ordinal << ": " << expected.text);

        // Stored data: what a hit shows.
        CHECK(data.at("ordinal") == ordinal);
        CHECK(data.at("article") == "leukopenia");
        CHECK(data.at("title") == seed_title);
        CHECK(data.at("source") == "page");
        CHECK(data.at("updated") == "April 9, 2025");
        CHECK(data.at("section") == expected.section);
        CHECK(data.at("heading") == expected.heading);
        CHECK(data.at("kind") == expected.kind);
        CHECK(data.at("text") == expected.text);
        CHECK(data.at("citations").get<std::vector<int>>() == expected.citations);
        CHECK(data.at("references").empty());  // the saved page has no reference list

        // Boolean terms: filters by section and citation, the article, the kind, the source.
        const Xapian::Document document = document_by_id(database, "leukopenia#" + std::to_string(ordinal));
        CHECK(test::terms_with_prefix(document, std::string(schema::section_filter)) ==
              std::vector<std::string>{schema::section_key(expected.section)});
        std::vector<std::string> cited;
        for (const int number : expected.citations) cited.push_back(std::to_string(number));
        CHECK(test::terms_with_prefix(document, std::string(schema::cites)) == cited);
        CHECK(test::terms_with_prefix(document, std::string(schema::article)) == std::vector<std::string>{"leukopenia"});
        CHECK(test::terms_with_prefix(document, std::string(schema::kind)) == std::vector<std::string>{expected.kind});
        CHECK(test::terms_with_prefix(document, std::string(schema::source)) == std::vector<std::string>{"page"});

        // Values: collapse key, section facet, order, source.
        CHECK(document.get_value(schema::article_slot) == "leukopenia");
        CHECK(document.get_value(schema::section_slot) == schema::section_key(expected.section));
        CHECK(Xapian::sortable_unserialise(document.get_value(schema::ordinal_slot)) == static_cast<double>(ordinal));
        CHECK(document.get_value(schema::source_slot) == "page");

        // Every word is searchable in its field.
        check_words_indexed(document, expected.text, schema::body, analyzer);
        check_words_indexed(document, expected.heading, schema::heading, analyzer);
        check_words_indexed(document, expected.section, schema::section, analyzer);
        check_words_indexed(document, seed_title, schema::title, analyzer);
    }
}

TEST_CASE("the seed's article document names its sections and stores the whole article", "[indexer][seed]") {
    const SeedIndex seed_index;
    const nlohmann::json article = test::stored_article(seed_index.articles, "leukopenia");
    CHECK(article.at("passages").size() == seed.size());
    CHECK(article.at("title") == seed_title);
    const Xapian::Document document = document_by_id(seed_index.articles, "leukopenia");
    CHECK(test::terms_with_prefix(document, std::string(schema::unlinked)) == std::vector<std::string>{});
    CHECK(test::terms_with_prefix(document, std::string(schema::section_filter)) ==
          std::vector<std::string>{"from-the-fda-drug-label", "from-the-guidelines", "from-the-research"});
    std::set<int> cited_on_page;
    for (const ReadPassage& passage : seed) cited_on_page.insert(passage.citations.begin(), passage.citations.end());
    CHECK(cited_on_page == std::set<int>{1, 2, 3, 4, 5, 6});
}

TEST_CASE("no word of the seed page's boilerplate is a term of the index", "[indexer][seed]") {
    const SeedIndex seed_index;
    const Analyzer analyzer;
    const std::string word = GENERATE(as<std::string>{}, "Personalize", "Disclaimer", "Advisory", "Submitted",
                                      "editorial", "Approved", "tailor", "Educational", "Oracle", "liability",
                                      "world-class", "guideline-backed", "instantly", "follow-up");
    CAPTURE(word);
    // The word's first token: the word itself, or a compound written as one ("followup"), whose parts
    // ("up") may well be words of the content.
    const std::vector<Token> tokens = analyzer.analyze(word);
    REQUIRE_FALSE(tokens.empty());
    for (const std::string_view prefix : {schema::body, schema::title, schema::heading, schema::section}) {
        const std::string term = std::string(prefix) + tokens.front().term;
        CAPTURE(term);
        CHECK_FALSE(seed_index.database.term_exists(term));
        CHECK_FALSE(seed_index.articles.term_exists(term));
    }
}

TEST_CASE("searching the seed for its boilerplate finds nothing", "[indexer][seed][search]") {
    const SeedIndex seed_index;
    const Engine engine(seed_index.index.db());
    const Searcher searcher(engine);
    const std::string question = GENERATE(as<std::string>{}, "Personalize", "Disclaimer", "\"Medical Advisory Board\"",
                                          "\"follow-up question\"", "Submitted", "editorial", "\"Under Review\"",
                                          "\"Help us tailor your experience\"", "\"View editorial policy\"");
    CAPTURE(question);
    SearchOptions options;
    options.limit = 100;
    const SearchResults results = searcher.search(question, options);
    for (const Hit& hit : results.hits) UNSCOPED_INFO("found " << hit.id << ": " << hit.snippet.text);
    CHECK(results.hits.empty());
}
