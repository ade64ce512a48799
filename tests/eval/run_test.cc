// Writing runs: ranks agree with trec_eval's order (score descending, ties by document id descending), scores
// are rounded to fixed decimals in every locale, and a written run reads back to the same evaluation.
#include <catch2/catch.hpp>

#include <clocale>
#include <locale>
#include <sstream>
#include <string>

#include "common/errors.h"
#include "eval/evaluate.h"
#include "eval/qrels.h"
#include "eval/run.h"

namespace medsearch::eval {
namespace {

std::string written(const Run& run) {
    std::ostringstream out;
    write_run(run, out);
    return out.str();
}

TEST_CASE("written ranks follow trec_eval's order, ties by document id descending", "[eval][run]") {
    const auto [entries, expected] = GENERATE(table<std::vector<RunEntry>, std::string>({
        // Equal scores: "dB" before "dA" (descending byte order), as trec_eval ranks them.
        {{{"dA", 10.0}, {"dB", 10.0}, {"dC", 9.5}},
         "q Q0 dB 1 10.000000 t\nq Q0 dA 2 10.000000 t\nq Q0 dC 3 9.500000 t\n"},
        // Scores equal once rounded to six decimals tie in the file, so they are ranked as ties.
        {{{"a", 0.1234564}, {"b", 0.1234561}, {"c", 0.2}},
         "q Q0 c 1 0.200000 t\nq Q0 b 2 0.123456 t\nq Q0 a 3 0.123456 t\n"},
        // Byte order: upper case sorts before lower case, "d10" before "d9".
        {{{"d9", 1.0}, {"d10", 1.0}, {"D9", 1.0}},
         "q Q0 d9 1 1.000000 t\nq Q0 d10 2 1.000000 t\nq Q0 D9 3 1.000000 t\n"},
        // Input order and negative scores.
        {{{"x", -2.0}, {"y", 3.25}, {"z", -0.0000001}},
         "q Q0 y 1 3.250000 t\nq Q0 z 2 0.000000 t\nq Q0 x 3 -2.000000 t\n"},
    }));
    CHECK(written(Run{{{"q", entries}}, "t"}) == expected);
}

TEST_CASE("scores are written with a decimal point whatever the locale", "[eval][run]") {
    // A German global locale would print "10,5" through iostreams or printf; the run must not change.
    std::locale previous;
    try {
        std::locale::global(std::locale("de_DE.UTF-8"));
    } catch (const std::runtime_error&) {
        // Not installed here: the check below still holds with the classic locale.
    }
    std::setlocale(LC_NUMERIC, "de_DE.UTF-8");
    const std::string text = written(Run{{{"q", {{"d", 10.5}, {"e", 1234567.0}}}}, "t"});
    std::locale::global(previous);
    std::setlocale(LC_NUMERIC, "C");
    CHECK(text == "q Q0 e 1 1234567.000000 t\nq Q0 d 2 10.500000 t\n");
}

TEST_CASE("a written run reads back to the same evaluation", "[eval][run]") {
    const Run run{{{"1", {{"a", 0.30000000001}, {"b", 0.3}, {"c", 0.1}}}, {"2", {{"x", 2.0}, {"y", 5.0}}}}, "mine"};
    const Run reread = parse_run(written(run), "written.run");
    REQUIRE(reread.topics.size() == 2);
    CHECK(reread.tag == "mine");
    const Qrels qrels = parse_qrels("1 0 a 1\n1 0 b 0\n2 0 x 1\n", "q");
    // In memory "a" outscores "b" by 1e-11; in the file they tie and "b" ranks first: evaluating the rounded
    // run is what trec_eval sees.
    Run rounded = run;
    for (TopicRun& topic : rounded.topics)
        for (RunEntry& entry : topic.entries) entry.score = round_score(entry.score);
    const Evaluation expected = evaluate(qrels, rounded, {});
    const Evaluation actual = evaluate(qrels, reread, {});
    CHECK(actual.means == expected.means);
    CHECK(ranked_entries(reread.topics[0].entries)[0]->doc_id == "b");
}

TEST_CASE("a run read with more decimals than it is written with is ranked by the scores it is written with", "[eval][run]") {
    // From run_fuzzer: 2.9060122 outranks the two 2.906012s as read, but ties them in the written file, where
    // the tie goes by document id descending; reading the file back gives the written order.
    const Run run = parse_run("q Q0 MED-2650 1 2.9060122 t\nq Q0 MED-4934 2 2.906012 t\nq Q0 MED-2917 3 2.906012 t\n", "read.run");
    CHECK(ranked_entries(run.topics[0].entries)[0]->doc_id == "MED-2650");
    const std::string text = written(run);
    CHECK(text == "q Q0 MED-4934 1 2.906012 t\nq Q0 MED-2917 2 2.906012 t\nq Q0 MED-2650 3 2.906012 t\n");
    const Run reread = parse_run(text, "written.run");
    const std::vector<const RunEntry*> ranked = ranked_entries(reread.topics[0].entries);
    REQUIRE(ranked.size() == 3);
    CHECK(ranked[0]->doc_id == "MED-4934");
    CHECK(ranked[2]->doc_id == "MED-2650");
}

TEST_CASE("ids or tags with whitespace or control characters cannot be written", "[eval][run]") {
    const auto [topic, doc, tag] = GENERATE(table<std::string, std::string, std::string>({
        {"q 1", "d", "t"},
        {"q", "d\t1", "t"},
        {"q", "d", "my tag"},
        {"q", "", "t"},
        {"q", "d", ""},
        {"\vq", "d", "t"},
        {"q", "d\x1b", "t"},
    }));
    CHECK_THROWS_AS(written(Run{{{topic, {{doc, 1.0}}}}, tag}), Error);
}

}  // namespace
}  // namespace medsearch::eval
