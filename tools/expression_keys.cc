#include "tools/expression_keys.h"

#include <algorithm>

#include "query/question.h"
#include "query/synonyms.h"

namespace medsearch {

std::string ExpressionKeys::key(std::string_view expression, bool* only_question_words) const {
    const Question parsed = parse_question(expression, analyzer_);
    std::string joined;
    if (only_question_words != nullptr) *only_question_words = true;
    for (const Concept& concept_ : parsed.concepts) {
        if (concept_.excluded) continue;
        if (only_question_words != nullptr && !concept_.frame) *only_question_words = false;
        if (!joined.empty()) joined += '|';
        joined += concept_key(concept_);
    }
    return joined;
}

std::size_t ExpressionKeys::length(std::string_view key) {
    return key.empty() ? 0 : 1 + static_cast<std::size_t>(std::count(key.begin(), key.end(), '|'));
}

std::vector<TextUnit> ExpressionKeys::units(std::string_view text) const {
    const std::vector<Token> tokens = analyzer_.analyze(text);
    std::vector<TextUnit> units;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& token = tokens[i];
        if (token.role == Token::Role::joined) {
            units.push_back({token.term, token.term, false});
            const std::uint32_t end = token.position + token.parts;
            while (i + 1 < tokens.size() && tokens[i + 1].role == Token::Role::word && tokens[i + 1].position < end) ++i;
            continue;
        }
        if (token.stopword || token.term.empty()) continue;
        const std::string_view written = text.substr(token.begin, token.end - token.begin);
        const bool lower_case = std::all_of(written.begin(), written.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        units.push_back({token.term, token.word, lower_case});
    }
    return units;
}

CorpusUsage::CorpusUsage(std::unordered_set<std::string> wanted) : wanted_(std::move(wanted)) {
    for (const std::string& key : wanted_) longest_ = std::max(longest_, ExpressionKeys::length(key));
}

void CorpusUsage::add_document(const std::vector<std::vector<TextUnit>>& passages) {
    ++documents_;
    std::unordered_set<std::string> seen, lower_seen;
    for (const std::vector<TextUnit>& units : passages) {
        for (std::size_t first = 0; first < units.size(); ++first) {
            if (units[first].lower_case) lower_seen.insert(units[first].word);
            std::string key = units[first].key;
            seen.insert(key);
            for (std::size_t length = 2; length <= longest_ && first + length <= units.size(); ++length) {
                key += '|';
                key += units[first + length - 1].key;
                if (wanted_.contains(key)) seen.insert(key);
            }
        }
    }
    for (const std::string& key : seen) ++frequency_[key];
    for (const std::string& word : lower_seen) ++lower_case_[word];
}

std::size_t CorpusUsage::document_frequency(const std::string& key) const {
    const auto found = frequency_.find(key);
    return found == frequency_.end() ? 0 : found->second;
}

std::size_t CorpusUsage::lower_case_documents(const std::string& folded_word) const {
    const auto found = lower_case_.find(folded_word);
    return found == lower_case_.end() ? 0 : found->second;
}

}  // namespace medsearch
