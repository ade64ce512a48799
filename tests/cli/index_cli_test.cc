// `medsearch index`, `stats` and `delete` as a user runs them: an interrupted run leaves the last committed
// state intact (whole batches, whole articles), stats prints what the index holds and agrees with the
// files, delete removes an article.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <csignal>
#include <fstream>
#include <map>
#include <regex>
#include <thread>

#include <pugixml.hpp>

#include "indexer/index_stats.h"
#include "indexer/open_index.h"
#include "indexer/schema.h"
#include "tests/cli/run_medsearch.h"
#include "tests/indexer/temp_index.h"

using namespace medsearch;
using test::run_medsearch;

namespace {

std::size_t committed_articles(const std::filesystem::path& db) {
    try {
        return open_index(db).articles.get_doccount();
    } catch (const Error&) {
        return 0;  // not created yet
    }
}

// Every article in the index is whole: its article document counts exactly the passages stored for it.
// Returns the number of articles.
std::size_t check_every_article_complete(const std::filesystem::path& db) {
    const IndexDatabases index = open_index(db);
    const std::string prefix(schema::article);
    std::size_t articles = 0;
    for (auto term = index.articles.allterms_begin(prefix); term != index.articles.allterms_end(prefix); ++term) {
        const std::string id = (*term).substr(prefix.size());
        CAPTURE(id);
        const std::size_t passages = test::stored_passages(index.passages, id).size();
        CHECK(test::stored_article(index.articles, id).at("passages").size() == passages);
        CHECK(index.passages.get_termfreq(*term) == passages);
        ++articles;
    }
    CHECK(index.passages.get_doccount() == [&] {
        std::size_t all = 0;
        for (auto term = index.passages.allterms_begin(prefix); term != index.passages.allterms_end(prefix); ++term) all += term.get_termfreq();
        return all;
    }());  // no passage without its article
    return articles;
}

// Waits until the running index has committed at least `articles`; false if it ended first.
bool wait_for_commits(test::RunningMedsearch& run, const std::filesystem::path& db, std::size_t articles) {
    while (run.running()) {
        if (committed_articles(db) >= articles) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
}

// "name<TAB>value" lines of `stats`.
std::map<std::string, std::string> stats_fields(const std::string& out) {
    std::map<std::string, std::string> fields;
    for (const std::string& line : test::lines_of(out)) {
        const std::size_t tab = line.find('\t');
        if (tab != std::string::npos) fields[line.substr(0, tab)] = line.substr(tab + 1);
    }
    return fields;
}

std::size_t count_lines(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::size_t lines = 0;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) ++lines;
    return lines;
}

}  // namespace

TEST_CASE("an index run killed mid-way leaves whole batches of whole articles", "[cli][interrupt]") {
    const std::filesystem::path medquad = test::shared_dir() / "data" / "medquad";
    test::ScratchDir dir;
    const std::filesystem::path db = dir.path() / "db";
    constexpr std::size_t batch = 25;
    test::RunningMedsearch run(
        {"index", "--db", db.string(), "--batch", std::to_string(batch), "--format", "medquad", medquad.string()});
    REQUIRE(wait_for_commits(run, db, 2 * batch));
    run.send(SIGKILL);
    const test::CommandResult result = run.wait();
    REQUIRE(result.signal == SIGKILL);

    const std::size_t articles = check_every_article_complete(db);
    CHECK(articles >= 2 * batch);
    CHECK(articles % batch == 0);
    CHECK(articles < 5000);  // it really was cut short
    CHECK(read_index_stats(db).articles == articles);
}

TEST_CASE("Ctrl-C stops an index run after the current article and commits, and a second run completes it", "[cli][interrupt]") {
    const std::filesystem::path corpus = test::source_dir() / "corpus" / "articles";
    test::ScratchDir dir;
    const std::filesystem::path db = dir.path() / "db";
    test::RunningMedsearch run({"index", "--db", db.string(), "--batch", "10", corpus.string()});
    REQUIRE(wait_for_commits(run, db, 10));
    run.send(SIGINT);
    const test::CommandResult interrupted = run.wait();
    CHECK(interrupted.exit_code == 130);
    CHECK_THAT(interrupted.err, Catch::Contains("interrupted"));
    const std::size_t articles = check_every_article_complete(db);
    CHECK_THAT(interrupted.err, Catch::StartsWith("indexed " + std::to_string(articles) + " articles"));

    // Indexing again finishes the job: the same index as one uninterrupted run.
    const test::CommandResult resumed = run_medsearch({"index", "--db", db.string(), corpus.string()});
    CHECK(resumed.exit_code == 0);
    const std::filesystem::path fresh = dir.path() / "fresh";
    REQUIRE(run_medsearch({"index", "--db", fresh.string(), corpus.string()}).exit_code == 0);
    const IndexStats once = read_index_stats(fresh), twice = read_index_stats(db);
    CHECK(check_every_article_complete(db) == once.articles);
    CHECK(twice.articles == once.articles);
    CHECK(twice.passages == once.passages);
    CHECK(twice.terms == once.terms);
}

namespace {

// A run that cannot write any more (file size limit, full disk): one line on stderr naming the reason, exit
// code 1 rather than a signal, and the index as its last commit left it, whole batches of whole articles.
void check_stopped_by_write_error(const test::CommandResult& run, const std::filesystem::path& db, const std::string& reason,
                                  std::size_t batch) {
    INFO(run.err);
    CHECK(run.signal == 0);
    CHECK(run.exit_code == 1);
    REQUIRE(test::lines_of(run.err).size() == 1);
    CHECK_THAT(run.err, Catch::StartsWith("medsearch: "));
    CHECK_THAT(run.err, Catch::Contains(reason));
    // The write may fail between the articles database's commit and the passages database's: then stats
    // says the passages are behind, and the next writer brings them up from the stored articles.
    const test::CommandResult behind = run_medsearch({"stats", "--db", db.string()});
    if (behind.out.find("behind the articles") != std::string::npos) {
        const std::filesystem::path nothing = db.parent_path() / "nothing";
        std::filesystem::create_directories(nothing);
        CHECK(run_medsearch({"index", "--db", db.string(), nothing.string()}).exit_code == 0);
        CHECK(run_medsearch({"stats", "--db", db.string()}).out.find("behind the articles") == std::string::npos);
    }
    const std::size_t articles = check_every_article_complete(db);
    CHECK(articles % batch == 0);
    CHECK(articles < 285);  // it really was cut short
    const test::CommandResult stats = run_medsearch({"stats", "--db", db.string()});
    CHECK(stats.exit_code == 0);
    CHECK(stats_fields(stats.out)["articles"] == std::to_string(articles));
}

}  // namespace

TEST_CASE("index past the file size limit (ulimit -f) reports the write error and keeps the last commit", "[cli][full-disk]") {
    const std::filesystem::path corpus = test::source_dir() / "corpus" / "articles";
    test::ScratchDir dir;
    const std::filesystem::path db = dir.path() / "db";
    // SIGXFSZ used to kill the program with no message (exit 153).
    const test::CommandResult run =
        run_medsearch({"index", "--db", db.string(), "--batch", "20", corpus.string()}, {"prlimit", "--fsize=4000000", "--"});
    check_stopped_by_write_error(run, db, "(File too large)", 20);
}

TEST_CASE("index on a full disk reports the write error and keeps the last commit", "[cli][full-disk]") {
    // A 6 MiB tmpfs in a mount namespace of the run's own (gone when it ends), as root or through a user
    // namespace; the index is copied out before the namespace goes, so the test can open it.
    const std::filesystem::path corpus = test::source_dir() / "corpus" / "articles";
    test::ScratchDir dir;
    const std::filesystem::path disk = dir.path() / "disk", copy = dir.path() / "copy";
    std::filesystem::create_directory(disk);
    std::vector<std::string> wrapper{"unshare", "--mount"};
    if (::geteuid() != 0) wrapper.push_back("--map-root-user");
    // sh -c SCRIPT DISK COPY medsearch ARGS...: mount, run, copy the index out, exit as the program did.
    const std::string script = "disk=$0; copy=$1; shift; mount -t tmpfs -o size=6m tmpfs \"$disk\" || exit 99; "
                               "\"$@\"; code=$?; cp -a \"$disk/db\" \"$copy\" || exit 98; exit $code";
    wrapper.insert(wrapper.end(), {"sh", "-c", script, disk.string(), copy.string()});
    const test::CommandResult run = run_medsearch({"index", "--db", (disk / "db").string(), "--batch", "20", corpus.string()}, wrapper);
    if (run.exit_code == 99) FAIL("cannot mount a tmpfs in a private mount namespace: run as root or enable user namespaces\n" + run.err);
    REQUIRE(run.exit_code != 98);
    check_stopped_by_write_error(run, copy, "(No space left on device)", 20);
}

TEST_CASE("stats prints articles, passages, per-section counts, terms and size on disk", "[cli][stats]") {
    test::ScratchDir dir;
    const std::string db = (dir.path() / "db").string();
    REQUIRE(run_medsearch({"index", "--db", db, test::fixture("leukopenia.page.txt").string(),
                           test::fixture("readers/article.md").string()}).exit_code == 0);
    const test::CommandResult result = run_medsearch({"stats", "--db", db});
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
    const IndexStats stats = read_index_stats(db);
    const auto fields = stats_fields(result.out);
    CHECK(fields.at("articles") == "2");
    CHECK(fields.at("passages") == std::to_string(stats.passages));
    CHECK(fields.at("terms") == std::to_string(stats.terms));
    CHECK(fields.at("body terms") == std::to_string(stats.body_terms));
    CHECK(std::regex_match(fields.at("size on disk"), std::regex("[0-9]+\\.[0-9] MB")));
    CHECK_THAT(result.out, Catch::Contains("passages per section\n"));
    for (const KeyCount& section : stats.sections)
        CHECK_THAT(result.out, Catch::Contains("  " + section.key + "\t" + std::to_string(section.count) + "\n"));
    CHECK_THAT(result.out, Catch::Contains("  from-the-research\t15\n"));
    CHECK_THAT(result.out, Catch::Contains("articles per source\n"));
    CHECK_THAT(result.out, Catch::Contains("  medsearch sample\t1\n") && Catch::Contains("  page\t1\n"));

    // No index: one line, exit 1.
    const test::CommandResult missing = run_medsearch({"stats", "--db", dir.path().string()});
    CHECK(missing.exit_code == 1);
    CHECK(test::lines_of(missing.err).size() == 1);
}

TEST_CASE("stats agrees with the BEIR file: one article per line", "[cli][stats][shared]") {
    const std::filesystem::path corpus = test::shared_dir() / "eval" / "mediqa-dev" / "corpus.jsonl";
    REQUIRE(std::filesystem::exists(corpus));
    test::ScratchDir dir;
    const std::string db = (dir.path() / "db").string();
    const test::CommandResult indexed = run_medsearch({"index", "--db", db, "--format", "beir", corpus.string()});
    CHECK(indexed.exit_code == 0);
    const std::size_t lines = count_lines(corpus);
    CHECK(lines == 1096);
    CHECK(stats_fields(run_medsearch({"stats", "--db", db}).out).at("articles") == std::to_string(lines));
    CHECK(check_every_article_complete(db) == lines);
}

TEST_CASE("index --passage-words sets the size of the passages long texts are cut into", "[cli][stats]") {
    // The fixture's long abstract has 360 words in 30 sentences; the other three texts are short.
    const auto [min_words, max_words, passages] = GENERATE(table<std::string, std::string, std::string>({
        {"", "", "6"},            // the default, 50 to 120 words: 3 passages for the long abstract
        {"12", "12", "33"},       // a sentence each
        {"100", "1000", "4"},     // every text whole
    }));
    CAPTURE(min_words, max_words);
    test::ScratchDir dir;
    const std::string db = (dir.path() / "db").string();
    std::vector<std::string> args{"index", "--db", db};
    if (!min_words.empty()) args.insert(args.end(), {"--passage-words", min_words, max_words});
    args.push_back(test::fixture("readers/scifact-mini/corpus.jsonl").string());
    CHECK(run_medsearch(args).exit_code == 3);  // the fixture's two bad lines
    const auto fields = stats_fields(run_medsearch({"stats", "--db", db}).out);
    CHECK(fields.at("articles") == "4");
    CHECK(fields.at("passages") == passages);
}

TEST_CASE("stats agrees with MedQuAD: one article per XML file that parses", "[cli][stats][shared][slow]") {
    const std::filesystem::path medquad = test::shared_dir() / "data" / "medquad";
    std::size_t parsing = 0, xml_files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(medquad)) {
        if (entry.path().extension() != ".xml") continue;
        ++xml_files;
        pugi::xml_document document;
        if (document.load_file(entry.path().c_str())) ++parsing;
    }
    CHECK(xml_files > 5000);
    test::ScratchDir dir;
    const std::string db = (dir.path() / "db").string();
    const test::CommandResult indexed = run_medsearch({"index", "--db", db, "--format", "medquad", medquad.string()});
    CHECK(indexed.exit_code == (parsing == xml_files ? 0 : 3));
    CHECK_THAT(indexed.err, Catch::Contains("; " + std::to_string(xml_files - parsing) + " failed"));
    CHECK(stats_fields(run_medsearch({"stats", "--db", db}).out).at("articles") == std::to_string(parsing));
}

TEST_CASE("delete removes an article and all its passages", "[cli][delete]") {
    test::ScratchDir dir;
    const std::string db = (dir.path() / "db").string();
    REQUIRE(run_medsearch({"index", "--db", db, test::fixture("leukopenia.page.txt").string(),
                           test::fixture("readers/article.md").string()}).exit_code == 0);
    const test::CommandResult deleted = run_medsearch({"delete", "--db", db, "leukopenia"});
    CHECK(deleted.exit_code == 0);
    CHECK_THAT(deleted.err, Catch::Contains("deleted 1 articles"));
    const IndexStats stats = read_index_stats(db);
    CHECK(stats.articles == 1);
    CHECK(check_every_article_complete(db) == 1);
    const IndexDatabases index = open_index(db);
    CHECK(index.passages.get_termfreq(std::string(schema::article) + "leukopenia") == 0);
    CHECK(index.articles.get_termfreq(std::string(schema::article) + "leukopenia") == 0);
    const test::CommandResult search = run_medsearch({"search", "--db", db, "--json", "--article", "leukopenia", "leukopenia"});
    CHECK(search.exit_code == 0);
    // Nothing but the summary line, which counts no hit.
    const std::vector<std::string> lines = test::lines_of(search.out);
    REQUIRE(lines.size() == 1);
    CHECK_THAT(lines.front(), Catch::Contains("\"type\":\"summary\"") && Catch::Contains("\"total\":0"));

    // An article that is not there: named on stderr, exit 3; the others are still deleted.
    const test::CommandResult again = run_medsearch({"delete", "--db", db, "leukopenia", "neutropenia-sample"});
    CHECK(again.exit_code == 3);
    CHECK_THAT(again.err, Catch::Contains("no article leukopenia"));
    CHECK(read_index_stats(db).articles == 0);

    // delete never creates an index.
    const test::CommandResult nowhere = run_medsearch({"delete", "--db", dir.path().string(), "x"});
    CHECK(nowhere.exit_code == 1);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "iamglass"));
}

TEST_CASE("an article id read twice in one run is reported as a replacement, and the later reading is kept", "[cli][duplicates]") {
    test::ScratchDir dir;
    const std::string db = (dir.path() / "db").string();
    const std::filesystem::path first = dir.path() / "first.jsonl", second = dir.path() / "second.jsonl";
    std::ofstream(first) << R"({"_id": "d1", "title": "Anaemia", "text": "Iron deficiency is the usual cause."})" "\n"
                         << R"({"_id": "d2", "title": "Gout", "text": "Urate crystals form in the joints."})" "\n";
    std::ofstream(second) << R"({"_id": "d2", "title": "Gout", "text": "Colchicine eases a flare of podagra."})" "\n"
                          << R"({"_id": "d3", "title": "Asthma", "text": "Inhaled steroids prevent attacks."})" "\n"
                          << R"({"_id": "d3", "title": "Asthma", "text": "Bronchospasm answers to salbutamol."})" "\n";
    const test::CommandResult indexed =
        run_medsearch({"index", "--db", db, "--format", "beir", first.string(), second.string()});
    CHECK(indexed.exit_code == 0);
    // Across files and within one: each names both places, the later one first.
    CHECK_THAT(indexed.err, Catch::Contains(second.string() + ":1: article d2 replaces the one read from " + first.string() + ":2"));
    CHECK_THAT(indexed.err, Catch::Contains(second.string() + ":3: article d3 replaces the one read from " + second.string() + ":2"));
    CHECK_THAT(indexed.err, Catch::Contains("; 2 replaced by a later article of the same id; 0 failed"));
    CHECK(read_index_stats(db).articles == 3);
    const std::string podagra = run_medsearch({"search", "--db", db, "--json", "podagra"}).out;
    CHECK_THAT(podagra, Catch::Contains("\"d2\""));
    CHECK(run_medsearch({"search", "--db", db, "--json", "urate crystals"}).out.find("\"d2\"") == std::string::npos);

    // Indexing the same files again is re-indexing, not duplication: nothing is reported.
    const test::CommandResult again = run_medsearch({"index", "--db", db, "--format", "beir", first.string()});
    CHECK(again.exit_code == 0);
    CHECK_THAT(again.err, !Catch::Contains("replace"));
}
