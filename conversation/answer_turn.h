// One turn of a conversation, the same for `search --session` and each question of `ask`: the earlier
// turns decide what context the question gets, the search runs with it, and the turn is remembered with
// the articles that answered it. Sessions (conversation/session_store.h) keep the conversation between runs.
#pragma once

#include <string_view>

#include "conversation/conversation.h"
#include "query/searcher.h"

namespace medsearch {

struct AnsweredTurn {
    ContextResolution resolution;  // what the earlier turns added, and why
    SearchResults results;
};

// Resolves the question against the conversation, searches with the context it adds and records the turn.
AnsweredTurn answer_turn(Conversation& conversation, const Engine& engine, const Searcher& searcher, std::string_view question,
                         const SearchOptions& options);

}  // namespace medsearch
