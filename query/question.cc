#include "query/question.h"

#include <algorithm>
#include <array>

#include "common/utf8.h"

namespace medsearch {

namespace {

// Words that frame a question or a request in English; sorted for binary search. They are matched after
// folding, before stemming, so "does" and "do" are listed separately.
constexpr std::array<std::string_view, 52> kQuestionWords = {
    "about",  "am",      "any",    "anything", "can",   "could", "describe", "did",   "do",    "does",
    "doing",  "explain", "get",    "give",     "had",   "has",   "have",     "how",   "i",     "im",
    "info",   "information", "know", "learn",  "me",    "might", "more",     "much",  "must",  "my",
    "need",   "please",  "shall",  "should",   "some",  "tell",  "there's",  "want",  "we",    "were",
    "what",   "what's",  "when",   "where",    "which", "who",   "whom",     "whose", "why",   "would",
    "you",    "your",
};
static_assert(std::is_sorted(kQuestionWords.begin(), kQuestionWords.end()));

// Pronouns and demonstratives; sorted. "this", "that", "these", "those" also make the next word a referent.
constexpr std::array<std::string_view, 15> kAnaphors = {
    "he", "her", "him", "his", "it", "its", "itself", "she", "that", "them", "thereof", "these", "they", "this", "those",
};
static_assert(std::is_sorted(kAnaphors.begin(), kAnaphors.end()));

bool is_demonstrative(std::string_view word) {
    return word == "this" || word == "that" || word == "these" || word == "those";
}

// Splits the text into pieces: quoted phrases, excluded words and plain runs.
struct Piece {
    std::string_view text;
    bool phrase = false;
    bool excluded = false;
    bool prefix = false;  // "leuko*": text is the word without the '*'
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

std::vector<Piece> split_pieces(std::string_view text) {
    std::vector<Piece> pieces;
    std::size_t plain_start = 0;
    auto flush_plain = [&](std::size_t end) {
        if (end > plain_start) pieces.push_back({text.substr(plain_start, end - plain_start)});
    };
    // The phrase whose words start at `from`, up to the closing quote or the end; returns where it ends.
    auto take_phrase = [&](std::size_t from, bool excluded) {
        const std::size_t close = text.find('"', from);
        const std::size_t end = close == std::string_view::npos ? text.size() : close;
        pieces.push_back({text.substr(from, end - from), true, excluded});
        plain_start = end + 1;
        return end;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool at_word_start = i == 0 || is_space(text[i - 1]);
        // A word ending in '*' (after an optional '-'): a prefix.
        if (at_word_start && text[i] != '"') {
            const std::size_t start = text[i] == '-' ? i + 1 : i;
            std::size_t end = start;
            while (end < text.size() && !is_space(text[end]) && text[end] != '"') ++end;
            if (end > start + 1 && text[end - 1] == '*' && text.substr(start, end - start - 1).find('*') == std::string_view::npos) {
                flush_plain(i);
                pieces.push_back({text.substr(start, end - start - 1), false, start > i, true});
                i = end - 1;
                plain_start = end;
                continue;
            }
        }
        if (text[i] == '"') {
            flush_plain(i);
            i = take_phrase(i + 1, false);
        } else if (text[i] == '-' && at_word_start && i + 1 < text.size() && text[i + 1] == '"') {
            flush_plain(i);  // -"quoted words": the phrase is excluded
            i = take_phrase(i + 2, true);
        } else if (text[i] == '-' && at_word_start && i + 1 < text.size() && text[i + 1] != ' ' && text[i + 1] != '-') {
            flush_plain(i);
            std::size_t end = text.find_first_of(" \t\n\"", i + 1);
            if (end == std::string_view::npos) end = text.size();
            pieces.push_back({text.substr(i + 1, end - i - 1), false, true});
            i = end - 1;
            plain_start = end;
        }
    }
    flush_plain(text.size());
    return pieces;
}

// Turns analysed tokens into concepts. The analyzer puts a compound's joined token just before its parts,
// so a compound is the joined token and the words within its positions.
void add_concepts(const std::vector<Token>& tokens, const Piece& piece, std::uint32_t position_base,
                  Question& question) {
    // Token offsets are into the piece; concepts keep offsets into the whole question text.
    const auto piece_offset = static_cast<std::size_t>(piece.text.data() - question.text.data());
    std::vector<Concept>& concepts = question.concepts;
    Concept phrase;  // a quoted piece is one concept of all its words
    phrase.phrase = true;
    phrase.quoted = true;
    phrase.excluded = piece.excluded;
    bool after_demonstrative = false;
    bool after_content_word = false;  // "drugs that cause ...": after a noun, "that" is a relative pronoun
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& token = tokens[i];
        if (token.role == Token::Role::word) {
            const bool pointing = is_anaphor(token.word) && !(is_demonstrative(token.word) && after_content_word);
            if (pointing && !piece.excluded) question.refers_back = true;
        }
        const bool referent = after_demonstrative && token.role == Token::Role::word && !is_anaphor(token.word);
        if (token.role == Token::Role::word) {
            after_demonstrative = is_demonstrative(token.word) && !after_content_word;
            after_content_word = !token.stopword && !is_question_word(token.word) && !is_anaphor(token.word);
        }
        if (piece.phrase) {
            if (token.role != Token::Role::word || token.stopword || token.term.empty()) continue;
            if (phrase.terms.empty()) {
                phrase.position = position_base + token.position;
                phrase.begin = piece_offset + token.begin;
            }
            phrase.end = piece_offset + token.end;
            phrase.terms.push_back(token.term);
            phrase.words.push_back(token.word);
            continue;
        }
        Concept concept_;
        if (piece.prefix && token.role == Token::Role::word && token.word.size() >= min_prefix_bytes && tokens.size() == 1) {
            // One word before the '*': its folded form is the prefix, matched against the index's terms.
            concept_.prefix = token.word;
            concept_.words = {token.word};
            concept_.position = position_base + token.position;
            concept_.excluded = piece.excluded;
            concept_.begin = piece_offset + token.begin;
            concept_.end = piece_offset + token.end;
            concepts.push_back(std::move(concept_));
            continue;
        }
        concept_.position = position_base + token.position;
        concept_.excluded = piece.excluded;
        concept_.begin = piece_offset + token.begin;
        concept_.end = piece_offset + token.end;
        if (token.role == Token::Role::joined) {
            concept_.joined = token.term;
            concept_.phrase = true;
            const std::uint32_t end = token.position + token.parts;
            for (; i + 1 < tokens.size() && tokens[i + 1].role == Token::Role::word && tokens[i + 1].position < end; ++i) {
                concept_.terms.push_back(tokens[i + 1].term);
                concept_.words.push_back(tokens[i + 1].word);
            }
        } else {
            if (token.stopword || token.term.empty()) continue;
            concept_.terms = {token.term};
            concept_.words = {token.word};
            concept_.frame = is_question_word(token.word);
            concept_.referent = referent && !concept_.frame;
        }
        concepts.push_back(std::move(concept_));
    }
    if (!phrase.terms.empty()) concepts.push_back(std::move(phrase));
}

}  // namespace

bool is_anaphor(std::string_view folded_word) {
    return std::binary_search(kAnaphors.begin(), kAnaphors.end(), folded_word);
}

bool is_question_word(std::string_view folded_word) {
    return std::binary_search(kQuestionWords.begin(), kQuestionWords.end(), folded_word);
}

bool is_content(const Concept& concept_) { return !concept_.excluded && !concept_.frame && !concept_.referent; }

std::size_t Question::content_count() const {
    return static_cast<std::size_t>(std::count_if(concepts.begin(), concepts.end(), is_content));
}

Question parse_question(std::string_view raw, const Analyzer& analyzer, const QuestionOptions& options) {
    Question question;
    // An enormous question is cut (at a character boundary) before any work is spent on it.
    if (raw.size() > options.max_bytes) {
        std::size_t cut = options.max_bytes;
        while (cut > 0 && (static_cast<unsigned char>(raw[cut]) & 0xC0) == 0x80) --cut;
        question.cut.dropped_bytes = raw.size() - cut;
        raw = raw.substr(0, cut);
        question.truncated = true;
    }
    question.cut.read_bytes = raw.size();
    question.text = sanitize_utf8(raw);

    // Pieces keep their own positions, far apart, so proximity never joins words across quotes.
    std::uint32_t position_base = 0;
    for (const Piece& piece : split_pieces(question.text)) {
        const std::vector<Token> tokens = analyzer.analyze(piece.text);
        add_concepts(tokens, piece, position_base, question);
        position_base += (tokens.empty() ? 0 : tokens.back().position) + 10;
    }

    if (question.concepts.size() > options.max_concepts) {
        for (auto dropped = question.concepts.begin() + static_cast<std::ptrdiff_t>(options.max_concepts);
             dropped != question.concepts.end(); ++dropped)
            question.cut.dropped_concepts.push_back(question.text.substr(dropped->begin, dropped->end - dropped->begin));
        question.concepts.resize(options.max_concepts);
        question.truncated = true;
    }
    return question;
}

}  // namespace medsearch
