// `medsearch sessions list|show NAME|clear NAME`: the saved conversations of `ask --session` and
// `search --session`. A session file that cannot be read is listed with the reason, never skipped.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/session_flags.h"

namespace medsearch::cli {

namespace {

struct SessionsArguments {
    SessionFlags flags;  // flags.session is the NAME of show and clear
};

int list_sessions(const SessionStore& store) {
    const std::vector<SessionSummary> sessions = store.list();
    if (sessions.empty()) {
        std::cout << "No sessions in " << store.folder().string() << "\n";
        return exit_code::ok;
    }
    std::size_t width = 4;
    for (const SessionSummary& session : sessions) width = std::max(width, session.name.size());
    std::printf("%-*s  %5s  %s\n", static_cast<int>(width), "NAME", "TURNS", "LAST MODIFIED");
    bool unreadable = false;
    for (const SessionSummary& session : sessions) {
        const std::string turns = session.problem.empty() ? std::to_string(session.turns) : "?";
        std::printf("%-*s  %5s  %s", static_cast<int>(width), session.name.c_str(), turns.c_str(), utc_timestamp(session.modified).c_str());
        if (!session.problem.empty()) std::printf("  unreadable: %s", session.problem.c_str());
        std::printf("\n");
        unreadable = unreadable || !session.problem.empty();
    }
    std::printf("(%zu in %s)\n", sessions.size(), store.folder().c_str());
    std::fflush(stdout);
    return unreadable ? exit_code::partial : exit_code::ok;
}

int show_session(const SessionStore& store, const std::string& name) {
    const StoredSession session = store.read(name);
    std::cout << "Session " << name << ": " << session.state.turns.size() << " turns, created " << session.created << ", updated "
              << session.updated << "\n  " << store.file(name).string() << "\n";
    std::size_t number = 0;
    for (const ConversationTurn& turn : session.state.turns) {
        std::cout << ++number << ". " << turn.question << "\n";
        if (!turn.subject.empty()) {
            std::cout << "   subject: " << turn.subject;
            if (!turn.subject_title.empty()) std::cout << " (\"" << turn.subject_title << "\")";
            std::cout << "\n";
        }
        std::cout << "   answered by:";
        if (turn.answered_by.empty()) std::cout << " nothing";
        for (const std::string& article : turn.answered_by) std::cout << " " << article;
        std::cout << "\n";
    }
    return std::cout.flush() ? exit_code::ok : exit_code::failure;
}

int clear_session(const SessionStore& store, const std::string& name) {
    if (!store.exists(name)) store.clear(name);  // says there is no such session
    // Under the session's lock, so a turn being answered now is not saved back after the clear.
    const SessionLock lock = store.lock(name);
    store.clear(name);
    std::cout << "Cleared session " << name << " (deleted " << store.file(name).string() << ")\n";
    return std::cout.flush() ? exit_code::ok : exit_code::failure;
}

}  // namespace

void add_sessions_command(CLI::App& app, Action& action) {
    auto args = std::make_shared<SessionsArguments>();
    CLI::App* command = app.add_subcommand("sessions", "List, show or clear the saved conversations of ask/search --session");
    command->footer("A session is one JSON file, <NAME>.json, in the sessions folder (README: Conversations).");
    command->require_subcommand(1, 1);
    add_sessions_dir_option(*command, args->flags.sessions_dir);

    CLI::App* list = command->add_subcommand("list", "Every session: name, turns, last modified (exit 3 if a file is unreadable)");
    CLI::App* show = command->add_subcommand("show", "The turns of a session: question, subject, answering articles");
    CLI::App* clear = command->add_subcommand("clear", "Delete a session's file");
    for (CLI::App* sub : {show, clear})
        sub->add_option("name", args->flags.session, "The session's name")->required()->check(session_name_check());
    for (CLI::App* sub : {list, show, clear}) sub->fallthrough();  // --sessions-dir may also follow the subcommand

    list->callback([args, &action] { action = [args] { return list_sessions(args->flags.store()); }; });
    show->callback([args, &action] { action = [args] { return show_session(args->flags.store(), args->flags.session); }; });
    clear->callback([args, &action] { action = [args] { return clear_session(args->flags.store(), args->flags.session); }; });
}

}  // namespace medsearch::cli
