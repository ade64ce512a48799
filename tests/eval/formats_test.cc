// Topics in TSV, BEIR jsonl and TREC topic files; qrels in TREC and BEIR TSV; runs; and the errors each
// reader gives for malformed lines (file and line number).
#include <catch2/catch.hpp>

#include <functional>
#include <string>

#include "common/errors.h"
#include "eval/qrels.h"
#include "eval/run.h"
#include "eval/topics.h"
#include "test_paths.h"

namespace medsearch::eval {
namespace {

using test::fixture;

TEST_CASE("the three topic formats read the same topics", "[eval][formats]") {
    const auto [file, format] = GENERATE(table<std::string, TopicFormat>({
        {"topics.tsv", TopicFormat::tsv},
        {"queries.jsonl", TopicFormat::beir_jsonl},
        {"topics.trec", TopicFormat::trec},
    }));
    INFO(file);
    const std::vector<Topic> topics = read_topics(fixture(file));
    REQUIRE(topics.size() == 3);
    const std::vector<std::pair<std::string, std::string>> expected{
        {"q1", "What is (are) Acromegaly?"}, {"q2", "What causes it?"}, {"3", "Is leukopenia dangerous?"}};
    for (std::size_t i = 0; i < topics.size(); ++i) {
        // The TREC and TSV fixtures number the third topic q3, the BEIR one 3 (a JSON number).
        if (i == 2 && format != TopicFormat::beir_jsonl) CHECK(topics[i].id == "q3");
        else CHECK(topics[i].id == expected[i].first);
        CHECK(topics[i].text == expected[i].second);
    }
}

TEST_CASE("topic formats are told apart by content", "[eval][formats]") {
    const auto [text, format] = GENERATE(table<std::string, TopicFormat>({
        {"1\tquestion\n", TopicFormat::tsv},
        {"  {\"_id\": \"1\", \"text\": \"q\"}\n", TopicFormat::beir_jsonl},
        {"\n<top>\n<num> Number: 1\n<title> q\n</top>\n", TopicFormat::trec},
    }));
    CHECK(detect_topic_format(text) == format);
    CHECK(parse_topics(text, "inline").size() == 1);
}

TEST_CASE("the two qrels formats read the same judgements", "[eval][formats]") {
    const auto [file, format] = GENERATE(table<std::string, QrelsFormat>({
        {"qrels.trec", QrelsFormat::trec},
        {"qrels.beir.tsv", QrelsFormat::beir_tsv},
    }));
    INFO(file);
    const Qrels qrels = read_qrels(fixture(file));
    REQUIRE(qrels.topics.size() == 3);
    const TopicJudgments& q1 = qrels.topics.at("q1");
    CHECK(q1.grades.size() == 3);
    CHECK(q1.grade_of("d1") == 2);
    CHECK(q1.grade_of("d2") == 0);
    CHECK(q1.grade_of("unjudged") == -1);
    CHECK(q1.relevant_grades == std::vector<int>{2, 1});
    CHECK(qrels.topics.at("q3").num_relevant() == 0);
}

TEST_CASE("BEIR qrels without the header are read by their three fields", "[eval][formats]") {
    CHECK(detect_qrels_format("q1\td1\t1\n") == QrelsFormat::beir_tsv);
    CHECK(parse_qrels("q1\td1\t1\n", "inline").topics.at("q1").num_relevant() == 1);
}

TEST_CASE("a run reads topics in order of appearance and ignores comments and blank lines", "[eval][formats]") {
    const Run run = parse_run("# comment\nb Q0 d1 1 2.5 tag extra fields\n\na Q0 d2 1 1e-3 tag\nb Q0 d3 2 -1 tag\n", "r");
    REQUIRE(run.topics.size() == 2);
    CHECK(run.topics[0].topic_id == "b");
    CHECK(run.topics[0].entries.size() == 2);
    CHECK(run.topics[1].entries[0].score == Approx(0.001));
    CHECK(run.tag == "tag");
}

// Which reader a malformed-input case goes to.
enum class Reader { topics, qrels, run };

void parse_with(Reader reader, const std::string& text) {
    switch (reader) {
        case Reader::topics:
            parse_topics(text, "input");
            break;
        case Reader::qrels:
            parse_qrels(text, "input");
            break;
        case Reader::run:
            parse_run(text, "input");
            break;
    }
}

TEST_CASE("malformed lines are reported with file, line number and reason", "[eval][formats]") {
    const auto [reader, text, line, reason] = GENERATE(table<Reader, std::string, std::size_t, std::string>({
        {Reader::topics, "1\tfine\n2 no tab here\n", 2, "expected qid<TAB>question"},
        {Reader::topics, "1\tfine\n\t empty id\n", 2, "empty topic id"},
        {Reader::topics, "1\tfine\n2\t  \n", 2, "has no question"},
        {Reader::topics, "1\tfine\n2\tx\n1\tagain\n", 3, "duplicate topic id 1 (first on line 1)"},
        {Reader::topics, "1\tbad \xff byte\n", 1, "not valid UTF-8"},
        {Reader::topics, "{\"_id\": \"1\", \"text\": \"a\"}\n{\"_id\": \"2\", \"text\": \n", 2, "invalid JSON"},
        // From topics_fuzzer: a number beyond a double is nlohmann's out_of_range, which escaped as a crash.
        {Reader::topics, "{\"_id\": \"1\", \"text\": \"a\"}\n{\"_id\": 777e77777, \"text\": \"b\"}\n", 2, "invalid JSON"},
        {Reader::topics, "{\"_id\": \"1\", \"text\": \"a\"}\n{\"id\": \"2\", \"text\": \"b\"}\n", 2, "missing string \"_id\""},
        {Reader::topics, "{\"_id\": \"1\", \"text\": 5}\n", 1, "missing string \"text\""},
        {Reader::topics, "{\"_id\": \"1\", \"text\": \"a\"}\n[1, 2]\n", 2, "expected a JSON object"},
        {Reader::topics, "<top>\n<num> Number: 1\n<title> a\n</top>\n<top>\n<title> b\n</top>\n", 5, "topic without <num>"},
        {Reader::topics, "<top>\n<num> Number: 1\n<title> a\n", 1, "never closed"},
        {Reader::topics, "<top>\n<num> Number: 1 2\n<title> a\n</top>\n", 2, "<num> needs one topic number"},
        {Reader::topics, "<top>\n<num> 1\n<title>\n</top>\n", 1, "has no question"},
        {Reader::topics, "\n\n", 0, "no topics"},
        {Reader::qrels, "1 0 d1 1\n1 0 d2\n", 2, "expected 4 fields"},
        {Reader::qrels, "1 0 d1 1\n1 0 d2 high\n", 2, "grade \"high\" is not an integer"},
        {Reader::qrels, "1 0 d1 1\n1 0 d2 1.5\n", 2, "is not an integer"},
        {Reader::qrels, "1 0 d1 1\n2 0 d1 1\n1 0 d1 0\n", 3, "document d1 judged twice for topic 1"},
        {Reader::qrels, "query-id\tcorpus-id\tscore\n1\td1\t1\n1\td2\t1\textra\n", 3, "expected 3 fields"},
        {Reader::qrels, "# only a comment\n", 0, "no judgements"},
        {Reader::run, "1 Q0 d1 1 1.0 t\n1 Q0 d2 2 0.5\n", 2, "expected 6 fields"},
        {Reader::run, "1 Q0 d1 1 1.0 t\n1 Q0 d2 2 high t\n", 2, "score \"high\" is not a number"},
        {Reader::run, "1 Q0 d1 1 1.0 t\n1 Q0 d2 2 nan t\n", 2, "is not a number"},
        {Reader::run, "1 Q0 d1 1 1.0 t\n2 Q0 d1 1 1.0 t\n1 Q0 d1 3 0.5 t\n", 3, "document d1 listed twice for topic 1"},
        {Reader::run, "# nothing\n", 0, "no results"},
        // found by fuzz/run_fuzzer: a run read that write_run then refused
        // (a vertical tab is white space between fields, as for trec_eval, so it is no longer a case)
        {Reader::run, "1 Q0 d1 1 1.0 t\n\x02q Q0 d2 2 0.5 t\n", 2, "the topic id contains a control character"},
        {Reader::run, "1 Q0 d\x01 1 1.0 t\n", 1, "the document id contains a control character"},
        {Reader::run, "1 Q0 d1 1 1.0 t\x7f\n", 1, "the run tag contains a control character"},
    }));
    INFO(text);
    try {
        parse_with(reader, text);
        FAIL("no ParseError");
    } catch (const ParseError& error) {
        CHECK(error.file() == "input");
        CHECK(error.line() == line);
        CHECK_THAT(error.reason(), Catch::Contains(reason));
        if (line > 0) CHECK_THAT(std::string(error.what()), Catch::StartsWith("input:" + std::to_string(line) + ": "));
    }
}

TEST_CASE("a file that cannot be opened is a ParseError naming it", "[eval][formats]") {
    CHECK_THROWS_AS(read_topics(fixture("no-such-file.tsv")), ParseError);
    CHECK_THROWS_WITH(read_run(fixture("malformed.run")), Catch::Contains("malformed.run:3: expected 6 fields"));
}

}  // namespace
}  // namespace medsearch::eval
