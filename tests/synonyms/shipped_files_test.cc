// The files corpus/synonyms ships: they load, hold the examples, stay small, and are what
// build_synonyms makes from ../shared today (the data is rebuilt, never edited by hand).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "query/question.h"
#include "query/synonyms.h"
#include "tools/expression_keys.h"

using namespace medsearch;
namespace fs = std::filesystem;

namespace {

fs::path synonyms_dir() {
    const fs::path dir = fs::path(MEDSEARCH_SOURCE_DIR) / "corpus" / "synonyms";
    if (!fs::is_directory(dir)) FAIL("corpus/synonyms not found at " << dir);
    return dir;
}

fs::path shared_dir() {
    const fs::path dir(MEDSEARCH_SHARED_DIR);
    if (!fs::is_directory(dir / "data" / "medquad")) FAIL("../shared/data/medquad not found at " << dir << " (is ../shared beside the repository?)");
    return dir;
}

// The data lines of a synonym file (comments and the header dropped), in order.
std::vector<std::string> data_lines(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) FAIL("cannot read " << file);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line.front() != '#') lines.push_back(line);
    return lines;
}

// The keys of the other names a question's words expand to.
std::vector<std::string> expansions(const SynonymDictionary& dictionary, const Analyzer& analyzer, const std::string& text) {
    const ExpressionKeys keys(analyzer);
    const Question question = parse_question(text, analyzer);
    std::vector<std::string> found;
    for (const SynonymMatch& match : dictionary.find(question.concepts, 100))
        for (const std::vector<Concept>* alternative : match.alternatives) {
            std::string key;
            for (const Concept& concept_ : *alternative) key += (key.empty() ? "" : "|") + concept_key(concept_);
            found.push_back(key);
        }
    return found;
}

bool expands_to(const SynonymDictionary& dictionary, const Analyzer& analyzer, const std::string& from, const std::string& to) {
    const std::vector<std::string> found = expansions(dictionary, analyzer, from);
    return std::find(found.begin(), found.end(), ExpressionKeys(analyzer).key(to)) != found.end();
}

}  // namespace

TEST_CASE("the bundled synonym files load and hold the issue's examples both ways", "[shipped]") {
    const Analyzer analyzer;
    SynonymDictionary dictionary;
    const std::vector<fs::path> files = bundled_synonym_files();
    std::vector<std::string> names;
    for (const fs::path& file : files) names.push_back(file.filename().string());
    CHECK(names == std::vector<std::string>{"abbreviations.tsv", "clinical-abbreviations.tsv", "curated.tsv", "medquad-focus.tsv"});
    for (const fs::path& file : files) REQUIRE_NOTHROW(dictionary.load(file, analyzer));
    CHECK(dictionary.set_count() > 3000);

    const auto [from, to] = GENERATE(table<std::string, std::string>({
        {"leukopenia", "low white blood cell count"},
        {"WBC", "white blood cell"},  // clinical abbreviations, as lab reports write them
        {"white blood cell", "WBC"},
        {"ANC", "absolute neutrophil count"},
        {"CBC", "complete blood count"},
        {"MI", "myocardial infarction"},
        {"low white blood cell count", "leukopenia"},
        {"G-CSF", "granulocyte colony-stimulating factor"},
        {"granulocyte colony-stimulating factor", "G-CSF"},
        {"GCSF", "granulocyte colony-stimulating factor"},
        {"MI", "myocardial infarction"},
        {"myocardial infarction", "MI"},
        {"G-CSF", "filgrastim"},
        {"heart attack", "myocardial infarction"},
        {"COPD", "chronic obstructive pulmonary disease"},
    }));
    CAPTURE(from, to);
    CHECK(expands_to(dictionary, analyzer, from, to));
}

TEST_CASE("ordinary words and ambiguous abbreviations are not expanded", "[shipped]") {
    const Analyzer analyzer;
    SynonymDictionary dictionary;
    for (const fs::path& file : bundled_synonym_files()) dictionary.load(file, analyzer);
    const std::string question = GENERATE(as<std::string>{}, "hearing aids", "who is at risk", "all of them", "is it safe",
                                          "what is the cure", "AD", "MS");
    CAPTURE(question);
    CHECK(expansions(dictionary, analyzer, question).empty());
}

TEST_CASE("every shipped file parses, lines have two or more names, and the folder stays small", "[shipped]") {
    const Analyzer analyzer;
    std::uintmax_t bytes = 0;
    std::size_t files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(synonyms_dir())) {
        if (entry.path().extension() != ".tsv") continue;
        ++files;
        bytes += entry.file_size();
        CAPTURE(entry.path().string());
        SynonymDictionary dictionary;
        REQUIRE_NOTHROW(dictionary.load(entry.path(), analyzer));
        CHECK(dictionary.set_count() > 0);
        for (const std::string& line : data_lines(entry.path())) CHECK(line.find('\t') != std::string::npos);
    }
    CHECK(files == 5);
    CHECK(bytes < 1024 * 1024);
    CHECK(data_lines(synonyms_dir() / "curated.tsv").size() < 100);
    CHECK(data_lines(synonyms_dir() / "clinical-abbreviations.tsv").size() < 100);
}

TEST_CASE("the committed files are what build_synonyms makes from ../shared", "[shipped][shared][slow]") {
    const fs::path data = shared_dir() / "data";
    const fs::path out = fs::temp_directory_path() / "medsearch-synonyms-test";
    fs::remove_all(out);
    const std::string command = std::string("\"") + BUILD_SYNONYMS_PROGRAM + "\" build --medquad \"" + (data / "medquad").string() +
                                "\" --pubmedqa \"" + (data / "pubmedqa" / "ori_pqal.json").string() + "\" --out \"" +
                                out.string() + "\" > \"" + (out.string() + ".log") + "\" 2>&1";
    REQUIRE(std::system(command.c_str()) == 0);
    for (const char* file : {"medquad-focus.tsv", "abbreviations.tsv", "optional/lay-terms.tsv"}) {
        CAPTURE(file);
        CHECK(data_lines(out / file) == data_lines(synonyms_dir() / file));
    }
    fs::remove_all(out);
}
