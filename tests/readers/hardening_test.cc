// No input crashes or exhausts a reader: deep nesting in every XML and JSON format, a 20 MB paragraph, a
// NUL byte in JSON Lines, folder walks over broken and looping links, and memory that does not grow with
// the file for the streamed formats.
#include <catch2/catch.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <string>

#include "benchmarks/readers/pubmed_sample.h"
#include "readers/passage_splitter.h"
#include "readers/text.h"
#include "tests/readers/test_support.h"

using namespace medsearch;

namespace {

std::string repeat(const std::string& piece, std::size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

constexpr std::size_t deep = 200000;

}  // namespace

TEST_CASE("deeply nested input reads without recursion in every XML and JSON format", "[hardening]") {
    struct Case {
        std::string format, name, content, expected_text;
    };
    const std::string nested_json = repeat("[", deep) + repeat("]", deep);
    const auto c = GENERATE_COPY(values<Case>({
        // MedQuAD's answer text was gathered by recursion: this file overflowed the stack (SIGSEGV).
        {"medquad", "deep.xml",
         "<Document id=\"1\" source=\"GARD\"><Focus>F</Focus><QAPairs><QAPair pid=\"1\"><Question qtype=\"causes\">Q?</Question><Answer>" +
             repeat("<b>", deep) + "Deep answer." + repeat("</b>", deep) + "</Answer></QAPair></QAPairs></Document>",
         "Deep answer."},
        {"json", "deep.jsonl", "{\"id\": \"a\", \"passages\": [{\"text\": \"Deep record.\"}], \"extra\": " + nested_json + "}\n",
         "Deep record."},
        {"beir", "deep.jsonl", "{\"_id\": \"a\", \"text\": \"Deep record.\", \"extra\": " + nested_json + "}\n", "Deep record."},
        {"pubmedqa", "deep.json", "{\"1\": {\"QUESTION\": \"Q?\", \"CONTEXTS\": [\"Deep record.\"], \"extra\": " + nested_json + "}}",
         "Deep record."},
        {"pubmed", "deep.xml",
         "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>T</ArticleTitle>"
         "<Abstract><AbstractText>Deep record." + repeat("<i>", deep) + repeat("</i>", deep) +
             "</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>",
         "Deep record."},
    }));
    CAPTURE(c.format);
    test::ScratchDir dir;
    const auto sink = test::read_all(dir.write(c.name, c.content), *parse_format(c.format));
    REQUIRE(sink.errors.empty());
    REQUIRE(sink.articles.size() == 1);
    REQUIRE(!sink.articles[0].passages.empty());
    CHECK(sink.articles[0].passages[0].text == c.expected_text);
}

TEST_CASE("a 20 MB paragraph is cut into passages of the documented size", "[hardening][large]") {
    const std::string sentence = "A sentence of the one paragraph that never ends, written again. ";
    const std::string paragraph = repeat(sentence, 20 * 1024 * 1024 / sentence.size()) + "Done";
    const auto [format, name, content] = GENERATE_COPY(table<std::string, std::string, std::string>({
        {"page", "huge.txt", "Question?\n\nFrom the Research\n\n" + paragraph + " 1.\n"},
        {"markdown", "huge.md", "# Question?\n\n## Section\n\n" + paragraph + " [1].\n"},
        {"html", "huge.html", "<!DOCTYPE html><h1>Question?</h1><h2>Section</h2><p>" + paragraph + "<sup>1</sup>.</p>"},
    }));
    CAPTURE(format);
    test::ScratchDir dir;
    const auto sink = test::read_all(dir.write(name, content), *parse_format(format));
    REQUIRE(sink.errors.empty());
    REQUIRE(sink.articles.size() == 1);
    const std::vector<Passage>& passages = sink.articles[0].passages;
    const ChunkOptions size;
    CHECK(passages.size() > 20 * 1024 * 1024 / sentence.size() * count_words(sentence) / size.max_words);
    std::size_t words = 0;
    for (const Passage& passage : passages) {
        CHECK(count_words(passage.text) <= size.max_words);
        CHECK(passage.section == (format == "page" ? "From the Research" : "Section"));
        CHECK(passage.citations == std::vector<int>{1});
        words += count_words(passage.text);
    }
    CHECK(words == count_words(paragraph));
}

TEST_CASE("a NUL byte fails its JSON Lines record, not the file", "[hardening]") {
    const std::string format = GENERATE(as<std::string>{}, "json", "beir");
    CAPTURE(format);
    test::ScratchDir dir;
    const std::string good = "{\"_id\": \"ok\", \"id\": \"ok\", \"text\": \"Fine.\"}\n";
    const std::string with_nul = "{\"_id\": \"x\", \"id\": \"x\", \"text\": \"a" + std::string(1, '\0') + "b\"}\n";
    const auto file = dir.write("nul.jsonl", good + with_nul + good);
    CHECK(detect_format(file) == Format::beir);
    const auto sink = test::read_all(file, *parse_format(format));
    CHECK(sink.articles.size() == 2);
    REQUIRE(sink.errors.size() == 1);
    CHECK(sink.errors[0].line() == 2);
    CHECK_THAT(sink.errors[0].reason(), Catch::Contains("NUL byte"));
}

TEST_CASE("folder walks report dangling links, link loops and unreadable folders, and go on", "[hardening]") {
    test::ScratchDir dir;
    const auto root = dir.path() / "corpus";
    dir.write("corpus/a.md", "# A\n");
    dir.write("corpus/sub/b.md", "# B\n");
    dir.write("elsewhere/c.md", "# C\n");
    std::filesystem::create_directory_symlink(root, root / "sub" / "loop");               // back to an ancestor
    std::filesystem::create_symlink(root / "missing.md", root / "dangling.md");           // to nothing
    std::filesystem::create_symlink(root / "self.md", root / "self.md");                  // to itself
    std::filesystem::create_directory_symlink(dir.path() / "elsewhere", root / "linked");  // a folder elsewhere: followed
    std::filesystem::create_symlink(root / "a.md", root / "z-link.md");                  // a file: followed

    std::vector<std::string> problems;
    const auto files = list_input_files({root}, [&](const ParseError& problem) { problems.push_back(problem.what()); });
    const std::vector<std::filesystem::path> expected = {root / "a.md", root / "linked" / "c.md", root / "sub" / "b.md",
                                                         root / "z-link.md"};
    CHECK(files == expected);
    std::sort(problems.begin(), problems.end());
    const std::vector<std::string> expected_problems = {
        (root / "dangling.md").string() + ": dangling symbolic link (to " + (root / "missing.md").string() + ")",
        (root / "self.md").string() + ": symbolic link loop",
        (root / "sub" / "loop").string() + ": symbolic link loop: leads back into a folder already walked",
    };
    CHECK(problems == expected_problems);

    // Without a handler the first problem is thrown, as a ParseError naming the entry.
    CHECK_THROWS_AS(list_input_files({root}), ParseError);
    // A path of the command line that dangles is reported the same way.
    problems.clear();
    CHECK(list_input_files({root / "dangling.md", root / "a.md"}, [&](const ParseError& p) { problems.push_back(p.reason()); }) ==
          std::vector<std::filesystem::path>{root / "a.md"});
    CHECK(problems == std::vector<std::string>{"dangling symbolic link (to " + (root / "missing.md").string() + ")"});
}

TEST_CASE("folder walks report folders they cannot list", "[hardening]") {
    if (::geteuid() == 0) {
        WARN("running as root, which may list any folder: the unreadable-folder case is checked by other users only");
        return;
    }
    test::ScratchDir dir;
    dir.write("corpus/a.md", "# A\n");
    dir.write("corpus/locked/b.md", "# B\n");
    std::filesystem::permissions(dir.path() / "corpus" / "locked", std::filesystem::perms::none);
    std::vector<std::string> problems;
    const auto files = list_input_files({dir.path() / "corpus"}, [&](const ParseError& p) { problems.push_back(p.reason()); });
    std::filesystem::permissions(dir.path() / "corpus" / "locked", std::filesystem::perms::owner_all);
    CHECK(files == std::vector<std::filesystem::path>{dir.path() / "corpus" / "a.md"});
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::StartsWith("cannot list folder"));
}

TEST_CASE("the source of a BEIR file is its name, or its folder's for corpus.jsonl, also for ./corpus.jsonl", "[hardening]") {
    test::ScratchDir dir;
    const std::string record = "{\"_id\": \"1\", \"text\": \"Text.\"}\n";
    dir.write("scifact/corpus.jsonl", record);
    dir.write("trec-covid.jsonl", record);
    const auto previous = std::filesystem::current_path();
    std::filesystem::current_path(dir.path() / "scifact");
    const auto in_place = test::read_all("./corpus.jsonl", Format::beir);
    const auto plain = test::read_all("corpus.jsonl", Format::beir);
    std::filesystem::current_path(previous);
    CHECK(in_place.articles.at(0).source == "scifact");
    CHECK(plain.articles.at(0).source == "scifact");
    CHECK(test::read_all(dir.path() / "scifact" / "." / "corpus.jsonl", Format::beir).articles.at(0).source == "scifact");
    CHECK(test::read_all(dir.path() / "trec-covid.jsonl", Format::beir).articles.at(0).source == "trec-covid");
}

namespace {

// Peak resident memory, in KiB, of a child process that reads the file with the given format.
long peak_kib_reading(const std::filesystem::path& file, Format format) {
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        class CountingSink : public ArticleSink {
        public:
            void on_article(Article&&) override { ++articles; }
            void on_error(const ParseError&) override { ++errors; }
            std::size_t articles = 0, errors = 0;
        } sink;
        try {
            read_articles(file, format, sink);
        } catch (...) {
            ::_exit(2);
        }
        ::_exit(sink.errors == 0 && sink.articles > 0 ? 0 : 1);
    }
    int status = 0;
    struct rusage usage {};
    REQUIRE(::wait4(child, &status, 0, &usage) == child);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    return usage.ru_maxrss;
}

}  // namespace

TEST_CASE("the streamed formats read ten times the records in the same memory", "[hardening][large][shared][rss]") {
    test::ScratchDir dir;
    const auto shared = test::shared_dir();
    const auto pubmedqa = shared / "data" / "pubmedqa" / "ori_pqal.json";
    const std::string format = GENERATE(as<std::string>{}, "pubmedqa", "pubmed");
    CAPTURE(format);
    std::filesystem::path small = dir.path() / "small", large = dir.path() / "large";
    if (format == "pubmedqa") {
        write_pubmedqa_sample(pubmedqa, 2000, 50000001, small);
        write_pubmedqa_sample(pubmedqa, 20000, 50000001, large);
    } else {
        PubmedSampleOptions options;
        options.template_record = shared / "data" / "pubmed" / "pubmed-29768149.xml";
        options.pubmedqa = pubmedqa;
        options.records = 1000;
        write_pubmed_sample(options, small);
        options.records = 10000;
        write_pubmed_sample(options, large);
    }
    REQUIRE(std::filesystem::file_size(large) > 20u << 20);
    const long small_peak = peak_kib_reading(small, *parse_format(format));
    const long large_peak = peak_kib_reading(large, *parse_format(format));
    CAPTURE(small_peak, large_peak);
    CHECK(large_peak < small_peak + 8 * 1024);  // within 8 MiB, for a file 10 times the size (over 20 MiB more)
}
