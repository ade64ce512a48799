#include "cli/conversation_turn.h"

#include <algorithm>

namespace medsearch::cli {

namespace {
// How many of a turn's best articles the conversation remembers (as conversational evaluation does).
constexpr std::size_t kRememberedAnswers = 3;
}  // namespace

AnsweredTurn answer_turn(Conversation& conversation, const Engine& engine, const Searcher& searcher, std::string_view question,
                         const SearchOptions& options) {
    AnsweredTurn turn;
    Question parsed = engine.parse(question);
    turn.resolution = conversation.resolve(parsed);
    turn.results = searcher.search(std::move(parsed), options, turn.resolution.context);

    // The articles of the best passages, best first, each once.
    std::vector<std::string> answered_by;
    for (const Hit& hit : turn.results.hits) {
        if (answered_by.size() == kRememberedAnswers) break;
        if (std::find(answered_by.begin(), answered_by.end(), hit.article_id) == answered_by.end()) answered_by.push_back(hit.article_id);
    }
    const std::string best_title = turn.results.hits.empty() ? std::string() : turn.results.hits.front().title;
    conversation.record(turn.results.question, turn.resolution, std::move(answered_by), best_title);
    return turn;
}

}  // namespace medsearch::cli
