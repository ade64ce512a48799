// `medsearch ask`: a conversation. On a terminal, a prompt with line editing and history (libedit); from
// a pipe, one question per line. Each answer is shown as `search` shows it, and each question is a turn of
// the conversation, so "How is it treated?" is about what was asked before. With --session the
// conversation is loaded at the start and saved after every turn.
#include <unistd.h>

#include <editline/readline.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/command.h"
#include "cli/engine_flags.h"
#include "cli/number_checks.h"
#include "cli/results_output.h"
#include "cli/session_flags.h"
#include "common/errors.h"
#include "common/text.h"
#include "conversation/answer_turn.h"

namespace medsearch::cli {

namespace {

struct AskArguments {
    std::vector<std::string> db;
    SessionFlags sessions;
    SearchOptions options;
    ResultsDisplay display;
    std::string colour = "auto";
    EngineFlags engine;
};

constexpr int kHistoryLines = 1000;
constexpr const char* kHelp =
    "Type a question and press Enter. Follow-up questions (\"How is it treated?\") are about the current subject.\n"
    "  :new            start a fresh conversation (the session's earlier turns are forgotten)\n"
    "  :explain on|off show or hide how each question was understood and what the context added\n"
    "  :quit, :exit    end (so does Ctrl-D)\n";

// Lines typed at a terminal: libedit's prompt, editing and history. The history file lives beside the
// session files; without a session folder there is history for this run only.
class TerminalInput {
public:
    TerminalInput(std::string prompt, std::optional<std::filesystem::path> history_file)
        : prompt_(std::move(prompt)), history_file_(std::move(history_file)) {
        rl_readline_name = "medsearch";
        using_history();
        stifle_history(kHistoryLines);
        if (history_file_ && std::filesystem::exists(*history_file_)) read_history(history_file_->c_str());
    }

    std::optional<std::string> next() {
        std::unique_ptr<char, decltype(&std::free)> line(readline(prompt_.c_str()), &std::free);
        if (!line) return std::nullopt;  // Ctrl-D
        std::string text = line.get();
        if (!trim(text).empty()) remember(text);
        return text;
    }

private:
    void remember(const std::string& line) {
        add_history(line.c_str());
        if (!history_file_) return;
        // Written after every line, so an interrupted run keeps it; questions are private (owner only).
        std::error_code error;
        std::filesystem::create_directories(history_file_->parent_path(), error);
        if (!error && write_history(history_file_->c_str()) == 0) ::chmod(history_file_->c_str(), S_IRUSR | S_IWUSR);
    }

    std::string prompt_;
    std::optional<std::filesystem::path> history_file_;
};

// The history file: beside the session files, or none when there is no session folder.
std::optional<std::filesystem::path> history_file(const SessionFlags& flags) {
    try {
        return flags.store().folder() / ".ask_history";
    } catch (const UsageError&) {
        return std::nullopt;  // no HOME and no folder given: history for this run only
    }
}

// One ask run: the conversation, where it is kept, and how answers are shown.
class AskLoop {
public:
    explicit AskLoop(const AskArguments& args)
        : args_(args), engine_(as_paths(args.db), args.engine.options()), searcher_(engine_), display_(args.display) {
        display_.colour = use_colour(args.colour);
        display_.card_passages = args.options.limit;
        if (!args.sessions.session.empty()) store_.emplace(args.sessions.store());
        conversation_.emplace(engine_, store_ ? store_->load(args.sessions.session) : ConversationState{});
    }

    std::size_t earlier_turns() const { return conversation_->state().turns.size(); }

    // Handles one line; false when the user asked to end.
    bool handle(const std::string& line, bool terminal) {
        const std::string text(trim(line));
        if (text.empty()) return true;
        if (text.front() == ':') return command(text);
        const AnsweredTurn turn = answer(text);
        if (!terminal && !display_.json) std::cout << "Q: " << text << "\n\n";
        print_results(std::cout, turn.results, display_, &turn.resolution);
        if (!display_.json) std::cout << "\n";
        std::cout.flush();
        return true;
    }

private:
    // One turn. With a session it is answered under the session's lock, after the turns other processes
    // saved since the last one (they are part of the conversation), and saved before the lock is let go.
    AnsweredTurn answer(const std::string& question) {
        const SearchOptions options = options_for_display(args_.options, display_);
        if (!store_) return answer_turn(*conversation_, engine_, searcher_, question, options);
        const SessionLock lock = store_->lock(args_.sessions.session);
        conversation_.emplace(engine_, store_->load(args_.sessions.session));
        AnsweredTurn turn = answer_turn(*conversation_, engine_, searcher_, question, options);
        store_->save(args_.sessions.session, conversation_->state());
        return turn;
    }

    bool command(const std::string& text) {
        // Messages for people stay out of JSON output.
        std::ostream& info = display_.json ? std::cerr : std::cout;
        if (text == ":quit" || text == ":exit") return false;
        if (text == ":new") {
            conversation_.emplace(engine_);
            if (store_) {
                const SessionLock lock = store_->lock(args_.sessions.session);
                store_->save(args_.sessions.session, conversation_->state());
            }
            info << "Started a new conversation.\n";
        } else if (text == ":explain on" || text == ":explain off") {
            display_.explain = text == ":explain on";
        } else if (text == ":help") {
            info << kHelp;
        } else {
            std::cerr << "medsearch: unknown command " << text << " (:help lists them)\n";
        }
        std::cout.flush();
        return true;
    }

    const AskArguments& args_;
    const Engine engine_;
    const Searcher searcher_;
    ResultsDisplay display_;
    std::optional<SessionStore> store_;
    std::optional<Conversation> conversation_;  // replaced by :new
};

int run_ask(const AskArguments& args) {
    AskLoop loop(args);
    const bool terminal = isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0;
    if (!terminal) {
        // A pipe or a file: one question per line, no prompt.
        for (std::string line; std::getline(std::cin, line);)
            if (!loop.handle(line, false)) break;
    } else {
        const std::string& session = args.sessions.session;
        std::cout << (session.empty() ? "A new conversation" : "Session \"" + session + "\"") << " (" << loop.earlier_turns()
                  << " earlier turns). :help for commands, Ctrl-D to end.\n";
        TerminalInput input((session.empty() ? std::string("ask") : session) + "> ", history_file(args.sessions));
        while (const std::optional<std::string> line = input.next())
            if (!loop.handle(*line, true)) break;
        std::cout << "\n";
    }
    std::cout.flush();
    return std::cout ? exit_code::ok : exit_code::failure;
}

}  // namespace

void add_ask_command(CLI::App& app, Action& action) {
    auto args = std::make_shared<AskArguments>();
    CLI::App* command = app.add_subcommand("ask", "Ask questions one after another; follow-ups are understood in context");
    command->footer(
        "On a terminal: a prompt with line editing and history; :new starts afresh, :explain on|off, :quit or Ctrl-D\n"
        "ends. From a pipe: one question per line, answers one after another. Without --session the conversation\n"
        "lasts for this run; with it, it is loaded at the start and saved after every turn (see `sessions`).");
    add_index_option(*command, args->db, "The index")->required();
    add_session_flags(*command, args->sessions);
    command->add_option("-k,--limit", args->options.limit, "Passages to show per answer")->check(whole_number(1, max_passages_shown))->capture_default_str();
    command->add_flag("--json", args->display.json, "One JSON object per hit per line; each answer ends with a context line");
    command->add_flag("--answer", args->display.answer, "Show each answer as an answer card (as search --answer)");
    command->add_flag("--explain", args->display.explain, "Show how each question was understood and what the context added");
    command->add_option("--color", args->colour, "Highlight in colour")->check(CLI::IsMember({"auto", "always", "never"}))->capture_default_str();
    add_engine_flags(*command, args->engine);
    command->callback([args, &action] { action = [args] { return run_ask(*args); }; });
}

}  // namespace medsearch::cli
