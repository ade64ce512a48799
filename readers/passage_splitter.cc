#include "readers/passage_splitter.h"

#include <algorithm>
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "common/errors.h"
#include "readers/text.h"

namespace medsearch {

namespace {

// One iterator per thread: creating it loads ICU's rules, which costs far more than using it.
icu::BreakIterator& sentence_iterator() {
    thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
        UErrorCode status = U_ZERO_ERROR;
        // "ss=standard" asks for the abbreviation suppressions ("Dr.", "e.g."); ICU builds whose data lack
        // them (Debian's ICU 72) fall back to the plain rules, which break after such abbreviations.
        std::unique_ptr<icu::BreakIterator> created(
            icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
        if (U_FAILURE(status) || !created) throw Error("ICU sentence break iterator unavailable");
        return created;
    }();
    return *iterator;
}

// Cuts one over-long sentence into runs of at most max_words words.
void append_word_runs(const std::string& sentence, std::size_t max_words, std::vector<std::string>& out) {
    std::string run;
    std::size_t words = 0;
    std::size_t i = 0;
    while (i < sentence.size()) {
        std::size_t end = sentence.find(' ', i);
        if (end == std::string::npos) end = sentence.size();
        if (words == max_words) {
            out.push_back(std::move(run));
            run.clear();
            words = 0;
        }
        if (!run.empty()) run += ' ';
        run.append(sentence, i, end - i);
        ++words;
        i = end + 1;
    }
    if (!run.empty()) out.push_back(std::move(run));
}

}  // namespace

std::vector<std::string> split_sentences(std::string_view text) {
    std::vector<std::string> sentences;
    const icu::UnicodeString unicode =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    icu::BreakIterator& iterator = sentence_iterator();
    iterator.setText(unicode);
    int32_t start = iterator.first();
    for (int32_t end = iterator.next(); end != icu::BreakIterator::DONE; start = end, end = iterator.next()) {
        std::string utf8;
        unicode.tempSubStringBetween(start, end).toUTF8String(utf8);
        std::string sentence = collapse_whitespace(utf8);
        if (!sentence.empty()) sentences.push_back(std::move(sentence));
    }
    return sentences;
}

std::vector<std::string> split_into_chunks(std::string_view text, const ChunkOptions& options) {
    std::string collapsed = collapse_whitespace(text);
    if (collapsed.empty()) return {};
    if (count_words(collapsed) <= options.max_words) return {std::move(collapsed)};

    std::vector<std::string> pieces;  // sentences, over-long ones cut into word runs
    for (std::string& sentence : split_sentences(collapsed)) {
        if (count_words(sentence) > options.max_words)
            append_word_runs(sentence, options.max_words, pieces);
        else
            pieces.push_back(std::move(sentence));
    }

    std::vector<std::string> chunks;
    std::string chunk;
    std::size_t chunk_words = 0;
    for (std::string& piece : pieces) {
        const std::size_t piece_words = count_words(piece);
        if (!chunk.empty() && chunk_words >= options.min_words && chunk_words + piece_words > options.max_words) {
            chunks.push_back(std::move(chunk));
            chunk.clear();
            chunk_words = 0;
        }
        if (!chunk.empty()) chunk += ' ';
        chunk += piece;
        chunk_words += piece_words;
    }
    if (!chunk.empty()) {
        if (!chunks.empty() && chunk_words < options.min_words / 2)
            chunks.back() += ' ' + chunk;
        else
            chunks.push_back(std::move(chunk));
    }
    return chunks;
}

void cut_long_passages(std::vector<Passage>& passages, std::size_t longest_words, const ChunkOptions& size) {
    const bool any_long = std::any_of(passages.begin(), passages.end(),
                                      [&](const Passage& passage) { return count_words(passage.text) > longest_words; });
    if (!any_long) return;
    std::vector<Passage> cut;
    for (Passage& passage : passages) {
        if (count_words(passage.text) <= longest_words) {
            cut.push_back(std::move(passage));
            continue;
        }
        std::vector<std::string> chunks = split_into_chunks(passage.text, size);
        passage.text.clear();
        passage.text.shrink_to_fit();
        for (std::string& chunk : chunks) {
            Passage piece = passage;
            piece.text = std::move(chunk);
            cut.push_back(std::move(piece));
        }
    }
    passages = std::move(cut);
}

}  // namespace medsearch
