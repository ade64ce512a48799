// Conversations through the program, as a person uses them: `search --session` turns in separate
// processes (so every turn survives a restart), `ask` from a pipe and on a terminal, `sessions`, and a
// broken session file, which stops the command with one line and is left as it was. The index is the
// conversation fixture (leukopenia, iron deficiency anemia, filgrastim, migraine) in the MedQuAD sample.
#include <algorithm>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "tests/sessions/session_test_support.h"

namespace medsearch::test {
namespace {

namespace fs = std::filesystem;

// A scratch session folder and the commands that use it.
class Sessions {
public:
    const fs::path& folder() const { return scratch_.path(); }
    fs::path file(const std::string& name) const { return folder() / (name + ".json"); }

    // `medsearch search --session NAME ... QUESTION` (JSON lines, with --explain).
    ProgramRun search(const std::string& name, const std::string& question) const {
        return run_medsearch({"search", "--db", conversation_index().string(), "--session", name, "--sessions-dir", folder().string(),
                              "--no-bundled-synonyms", "--json", "--explain", "-k", "3", question},
                             "", folder());
    }
    ProgramRun ask(const std::vector<std::string>& extra, const std::string& input) const {
        std::vector<std::string> args{"ask", "--db", conversation_index().string(), "--sessions-dir", folder().string(),
                                      "--no-bundled-synonyms", "-k", "3"};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_medsearch(args, input, folder());
    }
    ProgramRun sessions(const std::vector<std::string>& args) const {
        std::vector<std::string> all{"sessions", "--sessions-dir", folder().string()};
        all.insert(all.end(), args.begin(), args.end());
        return run_medsearch(all, "", folder());
    }

private:
    ScratchDir scratch_;
};

// The one context line of a search --session answer.
nlohmann::json context_of(const ProgramRun& run) {
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const std::vector<nlohmann::json> contexts = typed_lines(run.out, "context");
    REQUIRE(contexts.size() == 1);
    return contexts.front();
}

std::vector<std::string> added_expressions(const nlohmann::json& context) {
    std::vector<std::string> expressions;
    for (const nlohmann::json& added : context.at("added")) {
        CHECK(added.at("weight").get<double>() > 0);
        CHECK_FALSE(added.at("reason").get<std::string>().empty());
        expressions.push_back(added.at("expression"));
    }
    return expressions;
}

// The run succeeded and its output shows each of the parts.
void check_shows(const ProgramRun& run, const std::vector<std::string>& parts) {
    INFO(run.out << run.err);
    CHECK(run.exit_code == 0);
    for (const std::string& part : parts) CHECK_THAT(run.out, Catch::Contains(part));
}

bool mentions(const std::vector<std::string>& expressions, const std::string& word) {
    return std::any_of(expressions.begin(), expressions.end(), [&](const std::string& e) { return e.find(word) != std::string::npos; });
}

TEST_CASE("a pronoun carries the subject of the earlier turn into the next process", "[sessions][cli]") {
    const Sessions sessions;
    const nlohmann::json first = context_of(sessions.search("ward", "What causes leukopenia?"));
    CHECK(first.at("kind") == "first");
    CHECK(first.at("subject") == "leukopenia");
    CHECK(first.at("added").empty());

    const ProgramRun follow_up = sessions.search("ward", "How is it treated?");
    const nlohmann::json second = context_of(follow_up);
    CHECK(second.at("kind") == "carried");
    CHECK(second.at("subject") == "leukopenia");
    CHECK(second.at("subject_title") == "What is leukopenia?");
    CHECK_THAT(second.at("reason").get<std::string>(), Catch::Contains("points back"));
    CHECK(mentions(added_expressions(second), "leukopenia"));
    const std::vector<nlohmann::json> hits = hits_of_answer(follow_up.out, 0);
    REQUIRE_FALSE(hits.empty());
    CHECK(hits.front().at("article") == "leukopenia");
    CHECK(hits.front().at("section") == "Treatment");

    // Without the session the same question has no context, and the leukopenia passage is not first.
    const ProgramRun alone = run_medsearch({"search", "--db", conversation_index().string(), "--no-bundled-synonyms", "--json",
                                            "-k", "3", "How is it treated?"},
                                           "", sessions.folder());
    CHECK(typed_lines(alone.out, "context").empty());
    CHECK(hits_of_answer(alone.out, 0).front().at("article") != "leukopenia");
}

TEST_CASE("on the bundled corpus the follow-up about treatment is answered from the seed's treatment passages", "[sessions][cli]") {
    // The seed says "Treatment" and "treatment" where the question says "treated": the stemmer keeps the
    // two apart, the derivational variant joins them; the carried subject keeps Marine Toxins' and
    // Botulism's "How can ... be treated?" passages below the leukopenia article's own.
    const Sessions sessions;
    const auto turn = [&](const std::string& question) {
        return run_medsearch({"search", "--db", bundled_index().string(), "--session", "demo", "--sessions-dir", sessions.folder().string(),
                              "--json", "-k", "3", question},
                             "", sessions.folder());
    };
    REQUIRE(turn("What is the cause of leukopenia?").exit_code == 0);
    const ProgramRun follow_up = turn("How is it treated?");
    INFO(follow_up.out << follow_up.err);
    const std::vector<nlohmann::json> hits = hits_of_answer(follow_up.out, 0);
    REQUIRE(hits.size() == 3);
    // Every hit is the leukopenia article's, the first speaks of treating it, and the passages under
    // "Management and Treatment" are reached through the derivational variant.
    bool treatment_heading = false;
    for (const nlohmann::json& hit : hits) {
        CHECK(hit.at("article") == "leukopenia");
        treatment_heading = treatment_heading || hit.at("heading").get<std::string>().find("Treatment") != std::string::npos;
    }
    const std::string first = hits.front().at("heading").get<std::string>() + " " + hits.front().at("text").get<std::string>();
    CHECK_THAT(first, Catch::Contains("treat", Catch::CaseSensitive::No));
    CHECK(treatment_heading);
}

TEST_CASE("explain in text shows the resolution, the subject and each added clause with its weight", "[sessions][cli]") {
    const Sessions sessions;
    REQUIRE(sessions.search("ward", "What causes leukopenia?").exit_code == 0);
    const ProgramRun run = run_medsearch({"search", "--db", conversation_index().string(), "--session", "ward", "--sessions-dir",
                                          sessions.folder().string(), "--no-bundled-synonyms", "--explain", "--color", "never",
                                          "How is it treated?"},
                                         "", sessions.folder());
    check_shows(run, {"Context: carried: the question points back to the current subject",
                      "subject: leukopenia (answered by \"What is leukopenia?\")",
                      "added \"leukopenia\" weight 0.25: subject carried from earlier turns",
                      "added \"leukopenia\" weight 0.35: subject carried from earlier turns, in the article title",
                      "added \"leukopenia\" weight 0.25: passages matching none of the subject's words keep this share"});
}

TEST_CASE("a question naming another subject starts afresh: nothing of leukopenia is added", "[sessions][cli]") {
    const Sessions sessions;
    REQUIRE(sessions.search("ward", "What causes leukopenia?").exit_code == 0);
    REQUIRE(context_of(sessions.search("ward", "How is it treated?")).at("kind") == "carried");

    const ProgramRun switched = sessions.search("ward", "What is (are) iron deficiency anemia?");
    const nlohmann::json context = context_of(switched);
    CHECK(context.at("kind") == "new subject");
    CHECK(context.at("subject") == "iron deficiency anemia");
    CHECK(context.at("added").empty());
    for (const nlohmann::json& explain : typed_lines(switched.out, "explain")) CHECK_FALSE(mentions(added_expressions(explain), "leukopenia"));
    CHECK(hits_of_answer(switched.out, 0).front().at("article") == "iron-deficiency-anemia");

    // The new subject is the one carried now.
    const ProgramRun follow_up = sessions.search("ward", "How is it treated?");
    CHECK(context_of(follow_up).at("subject") == "iron deficiency anemia");
    CHECK(hits_of_answer(follow_up.out, 0).front().at("article") == "iron-deficiency-anemia");
    CHECK(hits_of_answer(follow_up.out, 0).front().at("section") == "Treatment");
}

TEST_CASE("a session survives restarts: every turn is in its file and `sessions show` lists them", "[sessions][cli]") {
    const Sessions sessions;
    REQUIRE(sessions.search("night-shift", "What causes leukopenia?").exit_code == 0);
    REQUIRE(sessions.search("night-shift", "How is it treated?").exit_code == 0);

    const nlohmann::json document = nlohmann::json::parse(file_bytes(sessions.file("night-shift")));
    REQUIRE(document.at("turns").size() == 2);
    CHECK(document.at("turns").at(1).at("question") == "How is it treated?");
    CHECK(document.at("turns").at(1).at("subject") == "leukopenia");
    CHECK(document.at("turns").at(1).at("answered_by").at(0) == "leukopenia");

    check_shows(sessions.sessions({"show", "night-shift"}),
                {"night-shift: 2 turns", "2. How is it treated?", "subject: leukopenia", "answered by: leukopenia"});
}

TEST_CASE("ask from a pipe answers every line in order, each in the context of the ones before", "[sessions][cli]") {
    const Sessions sessions;
    const ProgramRun run = sessions.ask({"--json"}, "What causes leukopenia?\n\n   \nHow is it treated?\n");
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.err.empty());
    const std::vector<nlohmann::json> contexts = typed_lines(run.out, "context");
    REQUIRE(contexts.size() == 2);  // blank lines are not questions
    CHECK(contexts[0].at("question") == "What causes leukopenia?");
    CHECK(contexts[0].at("kind") == "first");
    CHECK(contexts[1].at("question") == "How is it treated?");
    CHECK(contexts[1].at("kind") == "carried");
    CHECK(contexts[1].at("subject") == "leukopenia");
    CHECK(hits_of_answer(run.out, 0).front().at("section") == "Causes");
    CHECK(hits_of_answer(run.out, 1).front().at("article") == "leukopenia");
    CHECK(hits_of_answer(run.out, 1).front().at("section") == "Treatment");
    CHECK(fs::is_empty(sessions.folder()));  // without --session nothing is kept

    // Text output: the answers one after another, each under its question.
    const ProgramRun text = sessions.ask({"--color", "never"}, "What causes leukopenia?\nHow is it treated?\n");
    const std::size_t first = text.out.find("Q: What causes leukopenia?"), second = text.out.find("Q: How is it treated?");
    REQUIRE(first != std::string::npos);
    REQUIRE(second != std::string::npos);
    CHECK(first < second);
    CHECK(text.out.find("Treatment", second) != std::string::npos);
}

TEST_CASE("ask --session continues a saved conversation, saves every turn, and :new starts afresh", "[sessions][cli]") {
    const Sessions sessions;
    REQUIRE(sessions.search("clinic", "What causes leukopenia?").exit_code == 0);
    const ProgramRun run = sessions.ask({"--session", "clinic", "--json"}, "How is it treated?\n:new\nWhat is migraine?\n:quit\nWhat is filgrastim?\n");
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    const std::vector<nlohmann::json> contexts = typed_lines(run.out, "context");
    REQUIRE(contexts.size() == 2);  // nothing after :quit
    CHECK(contexts[0].at("kind") == "carried");
    CHECK(contexts[0].at("subject") == "leukopenia");
    CHECK(contexts[1].at("kind") == "first");
    CHECK_THAT(run.err, Catch::Contains("Started a new conversation"));  // messages stay out of JSON output

    const nlohmann::json document = nlohmann::json::parse(file_bytes(sessions.file("clinic")));
    REQUIRE(document.at("turns").size() == 1);
    CHECK(document.at("turns").at(0).at("question") == "What is migraine?");
}

TEST_CASE("a broken session file stops search and ask with one line naming it, and is left as it was", "[sessions][cli]") {
    const BrokenSession broken = GENERATE(from_range(broken_sessions()));
    INFO(broken.label);
    const Sessions sessions;
    const fs::path file = sessions.file("broken");
    {
        std::ofstream out(file, std::ios::binary);
        out << broken.bytes;
    }
    for (const ProgramRun& run : {sessions.search("broken", "How is it treated?"), sessions.ask({"--session", "broken"}, "How is it treated?\n")}) {
        INFO(run.err);
        CHECK(run.exit_code == 1);
        CHECK(run.out.empty());
        CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
        CHECK_THAT(run.err, Catch::StartsWith("medsearch: " + file.string() + ": "));
        CHECK_THAT(run.err, Catch::Contains(broken.reason_part));
        CHECK(file_bytes(file) == broken.bytes);
    }
    const ProgramRun listed = sessions.sessions({"list"});
    CHECK(listed.exit_code == 3);
    CHECK_THAT(listed.out, Catch::Contains("unreadable: " + file.string()));
}

TEST_CASE("sessions list, show and clear", "[sessions][cli]") {
    const Sessions sessions;
    const ProgramRun none = sessions.sessions({"list"});
    CHECK(none.exit_code == 0);
    CHECK_THAT(none.out, Catch::StartsWith("No sessions in "));

    REQUIRE(sessions.search("alpha", "What causes leukopenia?").exit_code == 0);
    REQUIRE(sessions.search("alpha", "How is it treated?").exit_code == 0);
    REQUIRE(sessions.search("beta.2", "What is migraine?").exit_code == 0);
    const ProgramRun listed = sessions.sessions({"list"});
    INFO(listed.out);
    CHECK(listed.exit_code == 0);
    const std::vector<std::string> lines = [&] {
        std::vector<std::string> result;
        std::istringstream in(listed.out);
        for (std::string line; std::getline(in, line);) result.push_back(line);
        return result;
    }();
    REQUIRE(lines.size() == 4);
    CHECK_THAT(lines[0], Catch::Matches("NAME +TURNS +LAST MODIFIED"));
    CHECK_THAT(lines[1], Catch::Matches(R"(alpha +2 +\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"));
    CHECK_THAT(lines[2], Catch::Matches(R"(beta\.2 +1 +\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"));

    // --sessions-dir may also follow the subcommand.
    const ProgramRun cleared = run_medsearch({"sessions", "clear", "alpha", "--sessions-dir", sessions.folder().string()}, "", sessions.folder());
    CHECK(cleared.exit_code == 0);
    CHECK_FALSE(fs::exists(sessions.file("alpha")));
    CHECK(fs::exists(sessions.file("beta.2")));

    const ProgramRun again = sessions.sessions({"clear", "alpha"});
    CHECK(again.exit_code == 1);
    CHECK_THAT(again.err, Catch::Contains("no session named \"alpha\""));
    CHECK(sessions.sessions({"show", "alpha"}).exit_code == 1);
}

TEST_CASE("session options are checked where they are declared", "[sessions][cli]") {
    const Sessions sessions;
    const std::string db = conversation_index().string();
    const auto [label, args] = GENERATE_COPY(table<std::string, std::vector<std::string>>({
        {"search: a name with a path", {"search", "--db", db, "--session", "../elsewhere", "question"}},
        {"search: --sessions-dir without --session", {"search", "--db", db, "--sessions-dir", "/tmp", "question"}},
        {"ask: an empty name", {"ask", "--db", db, "--session", ""}},
        {"ask: no index", {"ask", "--session", "s"}},
        {"ask: --sessions-dir is a file", {"ask", "--db", db, "--sessions-dir", (fixture("conversation") / "leukopenia.md").string()}},
        {"sessions: no subcommand", {"sessions"}},
        {"sessions: show without a name", {"sessions", "show"}},
        {"sessions: clear a hidden name", {"sessions", "clear", ".history"}},
        {"sessions: an unknown subcommand", {"sessions", "rename", "a", "b"}},
    }));
    INFO(label);
    const ProgramRun run = run_medsearch(args, "", sessions.folder());
    CHECK(run.exit_code == 2);
    CHECK(fs::is_empty(sessions.folder()));
}

TEST_CASE("ask, sessions and search --session have complete help", "[sessions][cli]") {
    const auto [args, words] = GENERATE(table<std::vector<std::string>, std::vector<std::string>>({
        {{"ask", "--help"}, {"--db", "--session", "--sessions-dir", "--limit", "--json", "--explain", "--answer", "--color", ":new", ":quit"}},
        {{"sessions", "--help"}, {"--sessions-dir", "list", "show", "clear"}},
        {{"sessions", "show", "--help"}, {"name"}},
        {{"search", "--help"}, {"--session", "--sessions-dir"}},
    }));
    const Sessions sessions;
    check_shows(run_medsearch(args, "", sessions.folder()), words);
}

TEST_CASE("ask on a terminal: a prompt, answers in context, history beside the sessions, :quit and Ctrl-D", "[sessions][cli][terminal]") {
    const Sessions sessions;
    const std::vector<std::string> args{"ask", "--db", conversation_index().string(), "--session", "desk", "--no-bundled-synonyms",
                                        "-k", "2", "--color", "never"};
    const ProgramRun typed = run_medsearch_on_terminal(args, {"What causes leukopenia?", ":explain on", "How is it treated?", ":quit"}, sessions.folder());
    check_shows(typed, {"Session \"desk\" (0 earlier turns)", "desk> ", "What is leukopenia?", "Context: carried"});
    const nlohmann::json document = nlohmann::json::parse(file_bytes(sessions.file("desk")));
    CHECK(document.at("turns").size() == 2);
    CHECK_THAT(file_bytes(sessions.folder() / ".ask_history"), Catch::Contains("leukopenia"));

    // The next run continues the session; Ctrl-D ends it.
    const ProgramRun resumed = run_medsearch_on_terminal(args, {"\x04"}, sessions.folder());
    check_shows(resumed, {"Session \"desk\" (2 earlier turns)"});
}

}  // namespace
}  // namespace medsearch::test
