#include "analysis/analyzer.h"

#include <algorithm>
#include <cctype>
#include <iterator>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include "analysis/stopwords.h"
#include "analysis/word_folding.h"
#include "common/errors.h"

namespace medsearch {

namespace {

// A run of the text that ICU calls a word (letters, numbers, ideographs), as byte offsets.
struct Segment {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// Compounds join at most this many words; longer hyphen chains are prose, not names.
constexpr std::size_t kMaxCompoundParts = 6;

// The characters that join the parts of a compound: hyphen-minus, slash, Unicode hyphen, non-breaking
// hyphen, en dash (ranges like "5–10"), and the full-width hyphen and slash.
bool is_connector(std::string_view gap) {
    return gap == "-" || gap == "/" || gap == "\u2010" || gap == "\u2011" || gap == "\u2013" ||
           gap == "\uFF0D" || gap == "\uFF0F";
}

bool is_slash(std::string_view connector) { return connector == "/" || connector == "\uFF0F"; }

bool is_number(std::string_view word) {
    return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
               return std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == ',';
           });
}

bool has_letter(std::string_view word) {
    // Any byte that is not a digit or punctuation is (part of) a letter: non-ASCII bytes count as letters.
    return std::any_of(word.begin(), word.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte >= 0x80 || std::isalpha(byte);
    });
}

std::vector<Segment> segment_words(icu::BreakIterator& words, std::string_view text) {
    std::vector<Segment> segments;
    UErrorCode status = U_ZERO_ERROR;
    UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status)) throw Error(std::string("ICU cannot read the text: ") + u_errorName(status));
    words.setText(utext, status);
    if (U_FAILURE(status)) {
        utext_close(utext);
        throw Error(std::string("ICU word segmentation failed: ") + u_errorName(status));
    }
    int32_t begin = words.first();
    for (int32_t end = words.next(); end != icu::BreakIterator::DONE; begin = end, end = words.next()) {
        const int32_t rule = words.getRuleStatus();
        if (rule >= UBRK_WORD_NONE && rule < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
        segments.push_back({static_cast<std::size_t>(begin), static_cast<std::size_t>(end)});
    }
    utext_close(utext);
    return segments;
}

}  // namespace

Analyzer::Analyzer(AnalyzerOptions options) : options_(options), stemmer_("english") {
    UErrorCode status = U_ZERO_ERROR;
    words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) throw Error(std::string("ICU word break iterator unavailable: ") + u_errorName(status));
}

Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

std::string Analyzer::term_for(std::string_view folded_word) const {
    if (!options_.stem || !has_letter(folded_word)) return std::string(folded_word);
    return stemmer_(std::string(folded_word));
}

std::vector<Token> Analyzer::analyze(std::string_view text) const {
    const std::vector<Segment> segments = segment_words(*words_, text);
    std::vector<Token> tokens;
    tokens.reserve(segments.size() + segments.size() / 4);

    auto make_token = [&](std::string word, std::size_t begin, std::size_t end, std::uint32_t position) {
        Token token;
        token.term = word.size() > options_.max_term_bytes ? std::string() : term_for(word);
        token.word = std::move(word);
        token.position = position;
        token.begin = begin;
        token.end = end;
        return token;
    };

    std::uint32_t position = 0;
    for (std::size_t first = 0; first < segments.size();) {
        // Group the words joined by connectors into one compound.
        std::size_t last = first;
        while (last + 1 < segments.size() && last + 1 - first < kMaxCompoundParts &&
               is_connector(text.substr(segments[last].end, segments[last + 1].begin - segments[last].end)))
            ++last;

        // The parts, each a word of its own, and their concatenation.
        std::vector<Token> parts;
        std::string joined;
        for (std::size_t i = first; i <= last; ++i) {
            const Segment& part = segments[i];
            std::string word = fold_word(text.substr(part.begin, part.end - part.begin));
            // Between two numbers the connector means something ("5-10", "1/2000"); elsewhere it doesn't.
            if (i > first && is_number(word) && !joined.empty() && std::isdigit(static_cast<unsigned char>(joined.back())))
                joined += is_slash(text.substr(segments[i - 1].end, part.begin - segments[i - 1].end)) ? '/' : '-';
            joined += word;
            Token token = make_token(std::move(word), part.begin, part.end, ++position);
            token.stopword = is_stopword(token.word);
            if (!token.term.empty() || token.stopword) parts.push_back(std::move(token));
        }

        // The whole compound, written without connectors, comes first, at the first part's position. A
        // percentage counts as a compound of its number and the sign, so "3.2%" is searchable as written.
        std::size_t joined_end = segments[last].end;
        if (is_number(joined) && joined_end < text.size() && text[joined_end] == '%') {
            joined += '%';
            ++joined_end;
        }
        if (last > first || joined_end > segments[last].end) {
            Token token = make_token(std::move(joined), segments[first].begin, joined_end,
                                     position - static_cast<std::uint32_t>(last - first));
            token.role = Token::Role::joined;
            token.parts = static_cast<std::uint32_t>(last - first + 1);
            if (!token.term.empty()) tokens.push_back(std::move(token));
        }
        std::move(parts.begin(), parts.end(), std::back_inserter(tokens));
        first = last + 1;
    }
    return tokens;
}

}  // namespace medsearch
