#include "readers/lead_in.h"

#include <vector>

#include "readers/passage_splitter.h"
#include "readers/text.h"

namespace medsearch {

std::string last_sentence(std::string_view text) {
    std::vector<std::string> sentences = split_sentences(text);
    return sentences.empty() ? std::string() : std::move(sentences.back());
}

std::string list_lead_in(const Article& article, std::string_view section, std::string_view heading) {
    if (article.passages.empty()) return {};
    const Passage& previous = article.passages.back();
    if (previous.kind != PassageKind::paragraph || previous.section != collapse_whitespace(section) ||
        previous.heading != collapse_whitespace(heading))
        return {};
    std::string sentence = last_sentence(previous.text);
    return trim(sentence).ends_with(':') ? sentence : std::string();
}

}  // namespace medsearch
