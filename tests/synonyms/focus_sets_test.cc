#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tools/focus_sets.h"

using namespace medsearch;

TEST_CASE("names_in_element splits and reorders only where it is safe", "[focus]") {
    using Names = std::vector<std::string>;
    const auto [element, expected] = GENERATE(table<std::string, Names>({
        {"Caffey disease", {"Caffey disease"}},
        {"albinism, oculocutaneous", {"oculocutaneous albinism"}},
        {"Anemia, Dyserythropoietic, Congenital", {"Congenital Dyserythropoietic Anemia"}},
        {"Dystonia-Parkinsonism, X-linked", {"X-linked Dystonia-Parkinsonism"}},
        {"Cataract, alopecia, sclerodactyly", {"Cataract, alopecia, sclerodactyly"}},          // a list of features
        {"microphthalmia, syndromic 1", {"microphthalmia, syndromic 1"}},                      // a number in the qualifier
        {"Craniofacial dysostosis, type 1; CFD1", {"Craniofacial dysostosis, type 1", "CFD1"}},
        {"sclerosis; brain, Pelizaeus-Merzbacher", {"sclerosis; brain, Pelizaeus-Merzbacher"}}, // not an abbreviation after ';'
        {"Wiedemann-Beckwith syndrome (WBS)", {"Wiedemann-Beckwith syndrome", "WBS"}},
        {"Eosinophilic granuloma (formerly)", {"Eosinophilic granuloma"}},
        {"Diabetes (type 1)", {"Diabetes (type 1)"}},
        {"  spaced   out  ", {"spaced out"}},
        {"", {}},
    }));
    CAPTURE(element);
    CHECK(names_in_element(element) == expected);
}

TEST_CASE("is_abbreviation_like", "[focus]") {
    const auto [token, expected] = GENERATE(table<std::string, bool>({
        {"CFD1", true}, {"G-CSF", true}, {"DTaP", true}, {"MPS III", false}, {"Menkes", false}, {"mri", false}, {"", false},
    }));
    CAPTURE(token);
    CHECK(is_abbreviation_like(token) == expected);
}

TEST_CASE("collect_focus_set gathers the focus, its listed synonyms and the names its answers define", "[focus]") {
    Article article;
    article.id = "GARD_0001";
    article.title = "Caffey disease";
    article.synonyms = {"Infantile cortical hyperostosis", "Caffey-Silverman syndrome", "hyperostosis, infantile cortical"};
    Passage information;
    information.section = "information";
    information.text = "Caffey disease, also called infantile cortical hyperostosis, is a bone disorder. "
                       "This condition is also known as Caffey syndrome. Most babies recover.";
    Passage causes;
    causes.section = "causes";
    causes.text = "This condition is also known as an unrelated name. Caffey-Silverman syndrome (CS) is caused by COL1A1.";
    article.passages = {information, causes};

    const FocusSet set = collect_focus_set(article);
    CHECK(set.article == "GARD_0001");
    std::vector<std::string> names;
    std::vector<NameOrigin> origins;
    for (const FocusName& name : set.names) {
        names.push_back(name.text);
        origins.push_back(name.origin);
    }
    CHECK(names == std::vector<std::string>{"Caffey disease", "Infantile cortical hyperostosis", "Caffey-Silverman syndrome",
                                            "Caffey syndrome", "CS"});
    CHECK(origins == std::vector<NameOrigin>{NameOrigin::focus, NameOrigin::listed, NameOrigin::listed, NameOrigin::defined,
                                             NameOrigin::defined});
}

TEST_CASE("collect_focus_set of an article without a focus is empty", "[focus]") {
    Article article;
    article.id = "x";
    CHECK(collect_focus_set(article).names.empty());
}
