// One index built whole, the same articles split into three shards (`index --shards 3`), and those shards
// served by Xapian's stock xapian-tcpsrv on loopback rank alike: the same passages (search) and articles
// (eval) in the same order, scores equal to 1e-9, equal scores in article id order. Fails, naming the
// package, when xapian-tcpsrv is missing.
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <memory>
#include <thread>

#include <catch2/catch.hpp>
#include <xapian.h>

#include "eval/open_retriever.h"
#include "indexer/index_run.h"
#include "indexer/sharded_index.h"
#include "indexer/shard_list.h"
#include "indexer/schema.h"
#include "query/searcher.h"
#include "tests/indexer/temp_index.h"
#include "tests/query/search_fixture.h"
#include "tests/readers/test_support.h"

extern char** environ;

namespace medsearch::test {
namespace {

constexpr std::size_t kShards = 3;
constexpr double kScoreTolerance = 1e-9;

// xapian-tcpsrv serving one database on a free loopback port until the object is destroyed.
class TcpServer {
public:
    explicit TcpServer(const std::filesystem::path& database) {
        // Another process may take the free port first: then the server exits, and another port is tried.
        for (int attempt = 0; attempt < 5; ++attempt) {
            port_ = free_port();
            start(database);
            if (wait_until_answering()) return;
        }
        FAIL("xapian-tcpsrv did not start serving " << database.string());
    }
    ~TcpServer() { stop(); }
    TcpServer(const TcpServer&) = delete;
    TcpServer& operator=(const TcpServer&) = delete;

    std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

private:
    void start(const std::filesystem::path& database) {
        const std::vector<std::string> words{"xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port", std::to_string(port_),
                                             database.string()};
        std::vector<char*> argv;
        for (const std::string& word : words) argv.push_back(const_cast<char*>(word.c_str()));
        argv.push_back(nullptr);
        // A process group of its own: on SIGTERM xapian-tcpsrv signals its whole group (to stop the children it
        // forked per connection), which would otherwise be this test and the ctest that runs it.
        posix_spawnattr_t attributes;
        ::posix_spawnattr_init(&attributes);
        ::posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
        ::posix_spawnattr_setpgroup(&attributes, 0);
        const int error = ::posix_spawnp(&pid_, "xapian-tcpsrv", nullptr, &attributes, argv.data(), environ);
        ::posix_spawnattr_destroy(&attributes);
        if (error != 0) {
            pid_ = -1;
            FAIL("cannot run xapian-tcpsrv (" << std::strerror(error)
                                               << "): install Debian's xapian-tools (scripts/install-deps.sh)");
        }
    }

    bool wait_until_answering() {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (std::chrono::steady_clock::now() < deadline) {
            try {
                Xapian::Remote::open("127.0.0.1", static_cast<unsigned>(port_), 2000, 2000).get_doccount();
                return true;
            } catch (const Xapian::NetworkError&) {
            }
            int status = 0;
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {  // it exited: the port was taken
                pid_ = -1;
                return false;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        stop();
        return false;
    }

    void stop() {
        if (pid_ <= 0) return;
        ::kill(pid_, SIGTERM);
        ::waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }

    int port_ = 0;
    pid_t pid_ = -1;
};

// A part of the bundled corpus (every reader's kind of article, a few seconds to index twice).
std::vector<std::filesystem::path> corpus() {
    const std::filesystem::path articles = std::filesystem::path(MEDSEARCH_SOURCE_DIR) / "corpus" / "articles";
    return {articles / "leukopenia.md", articles / "pmc", articles / "medquad" / "2_GARD_QA", articles / "medquad" / "4_MPlus_Health_Topics_QA",
            articles / "medquad" / "6_NINDS_QA"};
}

// The three layouts of one corpus, built once per test process.
struct Layouts {
    ScratchDir scratch;
    std::filesystem::path whole = scratch.path() / "whole";
    std::filesystem::path split = scratch.path() / "split";
    std::filesystem::path remote = scratch.path() / "remote.shards";  // a shard list of the servers below
    std::vector<std::unique_ptr<TcpServer>> servers;
};

const Layouts& layouts() {
    static const std::unique_ptr<Layouts> built = [] {
        auto made = std::make_unique<Layouts>();
        RecordingObserver observer;
        {
            IndexWriter writer(made->whole);
            REQUIRE(index_paths(corpus(), {}, writer, observer).articles > 0);
        }
        const IndexSummary split = index_paths_into_shards(corpus(), {}, made->split, kShards, {}, observer);
        REQUIRE(split.failures == 0);
        REQUIRE(split.links.pending == 0);
        std::ofstream list(made->remote);
        for (std::size_t i = 0; i < kShards; ++i) {
            const std::filesystem::path shard = shard_folder(made->split, i);
            made->servers.push_back(std::make_unique<TcpServer>(shard / "passages"));
            made->servers.push_back(std::make_unique<TcpServer>(shard / "articles"));
            list << "remote " << made->servers[2 * i]->address() << " " << made->servers[2 * i + 1]->address() << "\n";
        }
        list.close();
        REQUIRE(observer.errors.empty());
        return made;
    }();
    return *built;
}

// The engines of the three layouts, opened once.
struct Engines {
    Engine whole{layouts().whole, test_engine_options()};
    Engine split{layouts().split, test_engine_options()};
    Engine remote{layouts().remote, test_engine_options()};
};

const Engines& engines() {
    static const Engines opened;
    return opened;
}

struct Ranked {
    std::string id;
    double score = 0;
};

// Equal lists: the same ids in the same order, scores within the tolerance.
void check_same(const std::vector<Ranked>& expected, const std::vector<Ranked>& got, const std::string& layout) {
    INFO(layout);
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO("rank " << i + 1);
        CHECK(got[i].id == expected[i].id);
        CHECK(std::abs(got[i].score - expected[i].score) <= kScoreTolerance);
    }
}

std::vector<Ranked> searched(const Engine& engine, const std::string& question, const SearchOptions& options) {
    std::vector<Ranked> ranked;
    for (const Hit& hit : Searcher(engine).search(question, options).hits) ranked.push_back({hit.id, hit.score});
    return ranked;
}

std::vector<Ranked> retrieved(const std::filesystem::path& index, const std::string& question, RankedUnit unit) {
    std::vector<Ranked> ranked;
    for (const ScoredDocument& document : open_retriever(index, test_engine_options(), unit)->retrieve(question, 30))
        ranked.push_back({document.id, document.score});
    return ranked;
}

const std::vector<std::string> kQuestions{
    "What is the cause of leukopenia?",
    "leukopenia",                                  // short: pseudo-relevance feedback runs
    "How is acromegaly treated?",
    "\"blood pressure\" in pregnancy",
    "genetic testing -cancer",
    "symptoms of kidney disease in children",
    "What are the side effects of chemotherapy?",
    "lysis time",
    "diabetes",
    "stroke rehabilitation",
    "inherited anemia",
};

}  // namespace

TEST_CASE("shards: the split index's shards hold every article once, with the lists of nearest articles of the whole index") {
    const IndexDatabases whole = open_index(layouts().whole);
    const IndexDatabases split = open_index(layouts().split);
    REQUIRE(split.shards.size() == kShards);
    CHECK(split.articles.get_doccount() == whole.articles.get_doccount());
    CHECK(split.passages.get_doccount() == whole.passages.get_doccount());
    CHECK(split.passages.get_total_length() == whole.passages.get_total_length());
    for (std::size_t i = 0; i < kShards; ++i) {
        INFO("shard " << i);
        CHECK(split.shards[i].articles.get_doccount() > 0);  // the hash spreads the articles
    }
    // Every article's neighbours, found among all shards, are those of the whole index.
    std::size_t compared = 0;
    for (auto posting = whole.articles.postlist_begin(""); posting != whole.articles.postlist_end(""); ++posting) {
        const Xapian::Document document = whole.articles.get_document(*posting);
        const std::string id = document.get_value(schema::article_slot);
        const std::string term = std::string(schema::unique_id) + id;
        auto in_split = split.articles.postlist_begin(term);
        REQUIRE(in_split != split.articles.postlist_end(term));
        INFO("article " << id);
        CHECK(split.articles.get_document(*in_split).get_value(schema::neighbours_slot) == document.get_value(schema::neighbours_slot));
        ++compared;
    }
    CHECK(compared == whole.articles.get_doccount());

    // Several --db folders are searched as one index: the three shard folders named one by one.
    std::vector<std::filesystem::path> folders;
    for (std::size_t i = 0; i < kShards; ++i) folders.push_back(shard_folder(layouts().split, i));
    const Engine listed(folders, test_engine_options());
    SearchOptions options;
    options.limit = 20;
    for (const std::string& question : kQuestions) {
        INFO(question);
        check_same(searched(engines().whole, question, options), searched(listed, question, options), "three folders");
    }
}

// One test case, so that the layouts are built once (ctest runs each test case in a process of its own).
TEST_CASE("shards: search and eval rank alike over one index, three local shards and three shards behind xapian-tcpsrv") {
    const std::string question = GENERATE(from_range(kQuestions));
    const std::size_t per_article = GENERATE(0, 1);
    INFO(question << "; per_article " << per_article);
    SearchOptions options;
    options.limit = 20;
    options.per_article = per_article;
    options.facets = true;
    const std::vector<Ranked> expected = searched(engines().whole, question, options);
    check_same(expected, searched(engines().split, question, options), "three local shards");
    check_same(expected, searched(engines().remote, question, options), "three shards behind xapian-tcpsrv");

    // The facets count every match, in whichever local shard it is (over remote shards Xapian 1.4's merged
    // match-spy counts can differ by a few: README "One index across machines").
    const SearchResults whole = Searcher(engines().whole).search(question, options);
    const SearchResults remote = Searcher(engines().split).search(question, options);
    REQUIRE(remote.section_facets.size() == whole.section_facets.size());
    for (std::size_t i = 0; i < whole.section_facets.size(); ++i) {
        CHECK(remote.section_facets[i].value == whole.section_facets[i].value);
        CHECK(remote.section_facets[i].count == whole.section_facets[i].count);
    }

    // eval: the ranked articles (documents) and passages.
    for (const RankedUnit unit : {RankedUnit::document, RankedUnit::passage}) {
        INFO((unit == RankedUnit::document ? "eval documents" : "eval passages"));
        const std::vector<Ranked> ranked = retrieved(layouts().whole, question, unit);
        CHECK_FALSE(ranked.empty());
        check_same(ranked, retrieved(layouts().split, question, unit), "three local shards");
        check_same(ranked, retrieved(layouts().remote, question, unit), "three shards behind xapian-tcpsrv");
    }
}

TEST_CASE("shards: a shard list names local folders and remote servers, and a bad line is a ParseError naming file and line") {
    ScratchDir scratch;
    const std::filesystem::path good = scratch.write("good.shards", "# two shards\n\nlocal shard-0\n  remote db1.example:7001 10.0.0.2:7002\n");
    const std::vector<ShardAddress> shards = read_shard_list(good);
    REQUIRE(shards.size() == 2);
    CHECK(shards[0].folder == scratch.path() / "shard-0");
    CHECK(shards[1].remote());
    CHECK(shards[1].passages == RemoteDatabase{"db1.example", 7001});
    CHECK(shards[1].articles == RemoteDatabase{"10.0.0.2", 7002});

    const auto [text, line] = GENERATE(table<std::string, std::size_t>({
        {"", 0},                                          // names no shard
        {"# only a comment\n", 0},
        {"local\n", 1},                                   // no folder
        {"local a b\n", 1},
        {"remote host:7001\n", 1},                        // one server, two needed
        {"local a\nremote host:7001 host\n", 2},          // no port
        {"remote host:0 host:7002\n", 1},
        {"remote host:70000 host:7002\n", 1},
        {"remote :7001 host:7002\n", 1},                   // no host
        {"glass shard-0\n", 1},                           // not a kind medsearch knows
    }));
    INFO(text);
    const std::filesystem::path bad = scratch.write("bad.shards", text);
    try {
        read_shard_list(bad);
        FAIL("no ParseError");
    } catch (const ParseError& error) {
        CHECK(error.file() == bad.string());
        CHECK(error.line() == line);
    }
}

}  // namespace medsearch::test
