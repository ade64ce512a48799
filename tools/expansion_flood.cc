#include "tools/expansion_flood.h"

#include <algorithm>

#include "query/question.h"

namespace medsearch {

namespace {

std::string words_of(const std::vector<Concept>& concepts, std::size_t first, std::size_t length) {
    std::string text;
    for (std::size_t i = first; i < first + length; ++i)
        for (const std::string& word : concepts[i].words.empty() ? std::vector<std::string>{concepts[i].joined} : concepts[i].words)
            text += (text.empty() ? "" : " ") + word;
    return text;
}

}  // namespace

ExpansionFlood measure_expansions(const std::vector<std::string>& questions, const SynonymDictionary& dictionary,
                                  const Analyzer& analyzer, std::size_t max_expansions, std::size_t examples) {
    ExpansionFlood flood;
    for (const std::string& text : questions) {
        const Question question = parse_question(text, analyzer);
        const std::vector<SynonymMatch> matches = dictionary.find(question.concepts, max_expansions);
        ++flood.questions;
        std::size_t added = 0;
        std::string example;
        for (const SynonymMatch& match : matches) {
            added += match.alternatives.size();
            example += "; " + words_of(question.concepts, match.first, match.length) + " ->";
            for (const std::vector<Concept>* alternative : match.alternatives)
                example += " [" + words_of(*alternative, 0, alternative->size()) + "]";
        }
        if (!matches.empty()) ++flood.questions_expanded;
        flood.matches += matches.size();
        flood.expansions += added;
        flood.most_expansions = std::max(flood.most_expansions, added);
        if (!matches.empty() && flood.examples.size() < examples) flood.examples.push_back(text + " =>" + example.substr(1));
    }
    return flood;
}

}  // namespace medsearch
