#include "server/api_request.h"

#include <array>
#include <charconv>

#include <nlohmann/json.hpp>

#include "conversation/session_store.h"
#include "query/filters.h"
#include "server/api_error.h"

namespace medsearch::server {

namespace {

// Every option of a question, by the name the query string and the JSON body give it.
constexpr std::array kOptionNames{"k", "offset", "per_article", "section", "cite", "article", "source", "mesh", "facets", "explain", "answer"};
constexpr std::array kRepeatable{"section", "cite", "article", "source", "mesh"};

ApiError bad_parameter(const std::string& name, const std::string& why) {
    return ApiError(400, "bad_parameter", "parameter '" + name + "': " + why);
}

bool is_one_of(const std::string& name, const auto& names) {
    for (const char* known : names)
        if (name == known) return true;
    return false;
}

std::size_t whole_number(const std::string& name, const std::string& text, std::size_t low, std::size_t high) {
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size() || value < low || value > high)
        throw bad_parameter(name, "must be a whole number from " + std::to_string(low) + " to " + std::to_string(high));
    return value;
}

bool flag(const std::string& name, const std::string& text) {
    if (text.empty() || text == "1" || text == "true" || text == "yes" || text == "on") return true;
    if (text == "0" || text == "false" || text == "no" || text == "off") return false;
    throw bad_parameter(name, "must be true or false");
}

// The one value of a parameter that is not repeatable; empty when absent.
std::string single(const Parameters& parameters, const std::string& name) {
    const auto [first, last] = parameters.equal_range(name);
    if (first == last) return {};
    if (std::next(first) != last) throw bad_parameter(name, "is given more than once");
    return first->second;
}

std::vector<std::string> all_values(const Parameters& parameters, const std::string& name, const ServerLimits& limits) {
    std::vector<std::string> values;
    const auto [first, last] = parameters.equal_range(name);
    for (auto it = first; it != last; ++it) {
        if (it->second.empty()) throw bad_parameter(name, "cannot be empty");
        values.push_back(it->second);
    }
    if (values.size() > limits.max_filter_values)
        throw bad_parameter(name, "takes at most " + std::to_string(limits.max_filter_values) + " values");
    return values;
}

std::string checked_question(const std::string& name, const std::string& text, const ServerLimits& limits) {
    if (text.size() > limits.max_question_bytes)
        throw ApiError(413, "question_too_long",
                       "the question is " + std::to_string(text.size()) + " bytes; at most " + std::to_string(limits.max_question_bytes) + " are taken");
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) throw bad_parameter(name, "a question is needed");
    return text;
}

// The options every question may carry, from whichever parameters are there.
SearchRequest read_options(const Parameters& parameters, const ServerLimits& limits) {
    SearchRequest request;
    SearchOptions& options = request.options;
    if (const std::string k = single(parameters, "k"); !k.empty()) options.limit = whole_number("k", k, 1, limits.max_k);
    if (const std::string offset = single(parameters, "offset"); !offset.empty())
        options.offset = whole_number("offset", offset, 0, limits.max_offset);
    if (const std::string per_article = single(parameters, "per_article"); !per_article.empty())
        options.per_article = whole_number("per_article", per_article, 1, limits.max_k);
    options.filters.sections = all_values(parameters, "section", limits);
    for (const std::string& cite : all_values(parameters, "cite", limits))
        options.filters.cites.push_back(static_cast<int>(whole_number("cite", cite, 1, 100'000)));
    options.filters.articles = all_values(parameters, "article", limits);
    options.filters.sources = all_values(parameters, "source", limits);
    options.filters.mesh = all_values(parameters, "mesh", limits);
    for (const std::string& heading : options.filters.mesh)
        if (mesh_filter_keys(heading).empty()) throw bad_parameter("mesh", "'" + heading + "' names no MeSH heading or keyword");
    options.facets = parameters.contains("facets") && flag("facets", single(parameters, "facets"));
    request.parts.facets = options.facets;
    request.parts.explain = parameters.contains("explain") && flag("explain", single(parameters, "explain"));
    request.parts.answer = parameters.contains("answer") && flag("answer", single(parameters, "answer"));
    request.parts.card_passages = options.limit;
    if (request.parts.answer) options = with_card_candidates(options);
    return request;
}

void refuse_unknown(const Parameters& parameters, const std::string& question_name, const std::string& other = {}) {
    for (const auto& [name, value] : parameters)
        if (name != question_name && name != other && !is_one_of(name, kOptionNames))
            throw ApiError(400, "unknown_parameter", "unknown parameter '" + name + "'");
}

// A JSON body's fields as parameters: strings and numbers as written, booleans as true/false, arrays as
// one parameter per element.
Parameters body_parameters(const nlohmann::json& body) {
    Parameters parameters;
    for (const auto& [name, value] : body.items()) {
        const bool many = value.is_array();
        if (many && !is_one_of(name, kRepeatable)) throw bad_parameter(name, "takes one value, not a list");
        for (const nlohmann::json& element : many ? value : nlohmann::json::array({value})) {
            if (element.is_string())
                parameters.emplace(name, element.get<std::string>());
            else if (element.is_boolean())
                parameters.emplace(name, element.get<bool>() ? "true" : "false");
            else if (element.is_number_unsigned())
                parameters.emplace(name, std::to_string(element.get<std::uint64_t>()));
            else
                throw bad_parameter(name, "must be a string, a whole number or true/false");
        }
    }
    return parameters;
}

}  // namespace

SearchRequest parse_search_request(const Parameters& parameters, const ServerLimits& limits) {
    refuse_unknown(parameters, "q");
    SearchRequest request = read_options(parameters, limits);
    if (!parameters.contains("q")) throw bad_parameter("q", "a question is needed");
    request.question = checked_question("q", single(parameters, "q"), limits);
    return request;
}

AskRequest parse_ask_request(const std::string& body, const ServerLimits& limits) {
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(body);
    } catch (const nlohmann::json::exception& error) {
        throw ApiError(400, "bad_json", std::string("the body is not JSON: ") + error.what());
    }
    if (!json.is_object()) throw ApiError(400, "bad_json", "the body must be a JSON object");
    for (const char* text_field : {"question", "session"})
        if (json.contains(text_field) && !json[text_field].is_string()) throw bad_parameter(text_field, "must be a string");
    const Parameters parameters = body_parameters(json);
    refuse_unknown(parameters, "question", "session");
    AskRequest request;
    request.search = read_options(parameters, limits);
    if (!parameters.contains("question")) throw bad_parameter("question", "a question is needed");
    request.search.question = checked_question("question", single(parameters, "question"), limits);
    request.session = single(parameters, "session");
    if (parameters.contains("session"))
        if (const std::string problem = session_name_problem(request.session); !problem.empty()) throw bad_parameter("session", problem);
    return request;
}

}  // namespace medsearch::server
