// The readers on the real data in ../shared: every file parses, counts and ids come out as the data says.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/readers/test_support.h"

using namespace medsearch;

namespace {

std::string slurp(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The plain check for "this file has answer text": an <Answer> or <answer> element whose content starts
// with something other than white space or a tag.
bool has_answer_text(const std::string& xml) {
    for (std::size_t at = xml.find("nswer>"); at != std::string::npos; at = xml.find("nswer>", at + 1)) {
        if (at < 2 || xml[at - 2] != '<' || (xml[at - 1] != 'A' && xml[at - 1] != 'a')) continue;
        const std::size_t content = xml.find_first_not_of(" \t\r\n", at + 6);
        if (content != std::string::npos && (xml[content] != '<' || xml.compare(content, 9, "<![CDATA[") == 0))
            return true;
    }
    return false;
}

}  // namespace

TEST_CASE("every MedQuAD file of ../shared is one article, files with answers have passages", "[shared][medquad]") {
    const auto folder = test::shared_dir() / "data" / "medquad";
    const auto files = list_input_files({folder});
    REQUIRE(files.size() > 5000);
    std::size_t articles = 0, with_answers = 0;
    std::set<std::string> ids;
    for (const auto& file : files) {
        CAPTURE(file.string());
        REQUIRE(detect_format(file) == Format::medquad);
        auto sink = test::read_all(file, Format::medquad);
        REQUIRE(sink.errors.empty());
        REQUIRE(sink.articles.size() == 1);
        const Article& article = sink.articles.front();
        ++articles;
        CHECK(ids.insert(article.id).second);
        CHECK(!article.title.empty());
        if (has_answer_text(slurp(file))) {
            ++with_answers;
            CHECK(!article.passages.empty());
        } else {
            CHECK(article.passages.empty());
        }
    }
    CHECK(articles == files.size());
    CHECK(with_answers + 7 == files.size());  // seven documents of the release have no answer text
}

TEST_CASE("MedQuAD passages carry the groups that followup-dev judges", "[shared][medquad]") {
    const auto shared = test::shared_dir();
    std::map<std::string, std::set<std::string>> groups;  // article id -> its "Sec<pid>" groups
    for (const auto& file : list_input_files({shared / "data" / "medquad"})) {
        auto sink = test::read_all(file, Format::medquad);
        for (const Passage& passage : sink.articles.front().passages) groups[sink.articles.front().id].insert(passage.group);
    }
    std::ifstream corpus(shared / "eval" / "followup-dev" / "corpus.jsonl");
    std::string line;
    std::size_t judged = 0, found = 0, shared_ids = 0;
    std::vector<std::string> missing;
    while (std::getline(corpus, line)) {
        const std::string id = nlohmann::json::parse(line).at("_id").get<std::string>();
        const std::size_t cut = id.rfind("_Sec");
        REQUIRE(cut != std::string::npos);
        ++judged;
        // Two CancerGov document ids are shared by several files of the release, which followup-dev
        // numbered as one document; their passages cannot be mapped to one file.
        // And followup-dev names the one <DiseaseFile> document (fid 0000397) "CDC_None"; the reader
        // uses its fid: "CDC_0000397".
        if (id.starts_with("CancerGov_0000013_2_Sec") || id.starts_with("CancerGov_0000013_3_Sec") ||
            id.starts_with("CDC_None_Sec")) {
            ++shared_ids;
            continue;
        }
        const auto article = groups.find(id.substr(0, cut));
        if (article != groups.end() && article->second.count(id.substr(cut + 1))) ++found;
        else missing.push_back(id);
    }
    CHECK(judged == 16373);
    CHECK(shared_ids == 14);
    for (const auto& id : missing) UNSCOPED_INFO("no passage for " << id);
    CHECK(missing.empty());
    CHECK(found + shared_ids == judged);
}

TEST_CASE("every BEIR corpus of ../shared/eval yields one article per line with its id unchanged", "[shared][beir]") {
    const auto eval = test::shared_dir() / "eval";
    const std::string name = GENERATE(as<std::string>{}, "scifact", "nfcorpus-dev", "mediqa-dev", "followup-dev");
    const auto file = eval / name / "corpus.jsonl";
    CAPTURE(file.string());
    REQUIRE(std::filesystem::exists(file));
    REQUIRE(detect_format(file) == Format::beir);

    std::vector<std::string> expected_ids;  // the plain reading: one JSON parse per line
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty()) expected_ids.push_back(nlohmann::json::parse(line).at("_id").get<std::string>());

    auto sink = test::read_all(file, Format::beir);
    CHECK(sink.errors.empty());
    REQUIRE(sink.articles.size() == expected_ids.size());
    std::size_t mismatched = 0, empty = 0;
    for (std::size_t i = 0; i < expected_ids.size(); ++i) {
        if (sink.articles[i].id != expected_ids[i]) ++mismatched;
        if (sink.articles[i].passages.empty()) ++empty;
        CHECK(sink.articles[i].source == name);
    }
    CHECK(mismatched == 0);
    CHECK(empty == 0);
}

TEST_CASE("PubMedQA of ../shared yields 1000 articles", "[shared][pubmedqa]") {
    const auto file = test::shared_dir() / "data" / "pubmedqa" / "ori_pqal.json";
    REQUIRE(detect_format(file) == Format::pubmedqa);
    auto sink = test::read_all(file, Format::pubmedqa);
    CHECK(sink.errors.empty());
    REQUIRE(sink.articles.size() == 1000);
    CHECK(sink.articles.front().id == "21645374");
    for (const Article& article : sink.articles) {
        CHECK(!article.title.empty());
        CHECK(article.passages.size() >= 2);
        CHECK(article.passages.back().section == "CONCLUSIONS");
    }
}
