#include "conversation/answer_turn.h"

#include <algorithm>

namespace medsearch {

AnsweredTurn answer_turn(Conversation& conversation, const Engine& engine, const Searcher& searcher, std::string_view question,
                         const SearchOptions& options) {
    AnsweredTurn turn;
    Question parsed = engine.parse(question);
    turn.resolution = conversation.resolve(parsed);
    turn.results = searcher.search(std::move(parsed), options, turn.resolution.context);

    // Remember which articles answered it.
    std::vector<std::string> ranked_articles;
    for (const Hit& hit : turn.results.hits) ranked_articles.push_back(hit.article_id);
    conversation.record(turn.results.question, turn.resolution, ranked_articles);
    return turn;
}

}  // namespace medsearch
