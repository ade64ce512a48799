// What a request asks, checked against the limits before anything is searched: /api/search's query
// parameters and /api/ask's JSON body become the same SearchRequest (the body's fields are the query
// parameters' names). Every problem is an ApiError 400 naming the parameter (413 for a question over
// the size limit), so no request reaches the engine half-understood.
#pragma once

#include <map>
#include <string>

#include "output/results_json.h"
#include "query/searcher.h"
#include "server/server_options.h"

namespace medsearch::server {

// Parameter name -> value, a name repeated for each value of a repeatable one (httplib's Params).
using Parameters = std::multimap<std::string, std::string>;

struct SearchRequest {
    std::string question;
    SearchOptions options;
    ResultsJsonParts parts;
};

struct AskRequest {
    std::string session;  // empty: the server names a new session
    SearchRequest search;
};

// GET /api/search?q=...&k=...: q, k, offset, per_article, section, cite, article, source (the last four
// repeatable), facets, explain, answer. Unknown parameters are refused.
SearchRequest parse_search_request(const Parameters& parameters, const ServerLimits& limits);

// POST /api/ask {"session": ..., "question": ..., "k": ...}: question (required), session, and the options
// of /api/search as JSON values (arrays for the repeatable ones, booleans for the flags).
AskRequest parse_ask_request(const std::string& body, const ServerLimits& limits);

}  // namespace medsearch::server
