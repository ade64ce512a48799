// What each API call asks of the engine, in one place: the only file of the server that calls Engine,
// Searcher, Conversation and the index itself, each function with an engine of the request's own
// (server/engine_pool.h). Answers are JSON documents (output/results_json.h).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "conversation/conversation.h"
#include "query/engine.h"
#include "server/api_request.h"

namespace medsearch::server {

// /api/search: results_json of the answer, with the request's k and offset.
nlohmann::json search(const Engine& engine, const SearchRequest& request);

// /api/ask: one turn of the conversation in `state` (which records it), as results_json with "context".
nlohmann::json ask(const Engine& engine, ConversationState& state, const SearchRequest& request);

// /api/articles/ID: the article with its sections in order, each with its passages (heading, kind, text,
// lead-in, citations), and the article's references; nullopt when the index has no such article.
std::optional<nlohmann::json> article(const Engine& engine, const std::string& article_id);

// /api/stats: what `medsearch stats` prints, as JSON.
nlohmann::json stats(const std::vector<std::filesystem::path>& databases);

}  // namespace medsearch::server
