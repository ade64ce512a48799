#include "indexer/document_builder.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "analysis/char_ngrams.h"
#include "analysis/word_pairs.h"
#include "common/errors.h"
#include "indexer/schema.h"

namespace medsearch {

namespace {

// Positions of successive texts in one field are kept this far apart, so a phrase never spans two
// passages or two synonyms.
constexpr std::uint32_t kPositionGap = 100;

// The analysed fields an article shares with all its passages.
struct ArticleFields {
    std::vector<Token> title;  // the title, then each synonym, positions gapped
};

// Xapian refuses terms over 245 bytes, and ids and sources become terms ("Q<id>#<ordinal>", "XA<id>",
// "XO<source>"): longer ones are input errors, reported like any other.
constexpr std::size_t kMaxKeyBytes = 200;

// Throws ParseError when the article's id or source cannot be indexed. The line is where the article's
// first passage starts (a JSON Lines record's line), 0 when it has none.
void check_keys(const Article& article) {
    const std::size_t line = article.passages.empty() ? 0 : article.passages.front().line;
    if (article.id.empty()) throw ParseError(article.origin, line, "article has no id");
    if (article.id.size() > kMaxKeyBytes)
        throw ParseError(article.origin, line, "article id longer than " + std::to_string(kMaxKeyBytes) + " bytes");
    if (article.source.size() > kMaxKeyBytes)
        throw ParseError(article.origin, line, "source longer than " + std::to_string(kMaxKeyBytes) + " bytes");
    // "a#1" is the id of article a's first passage: an article of that id would overwrite it.
    const std::size_t hash = article.id.rfind('#');
    if (hash != std::string::npos && hash + 1 < article.id.size() &&
        std::all_of(article.id.begin() + static_cast<std::ptrdiff_t>(hash) + 1, article.id.end(),
                    [](char c) { return c >= '0' && c <= '9'; }))
        throw ParseError(article.origin, line, "article id '" + article.id + "' ends like a passage id (#<number>)");
}

// Adds the tokens' terms with positions (shifted by base) under the prefix; returns the last position.
std::uint32_t add_postings(Xapian::Document& document, const std::vector<Token>& tokens, std::string_view prefix,
                           std::uint32_t base) {
    std::uint32_t last = base;
    for (const Token& token : tokens) {
        last = std::max(last, base + token.position + token.parts - 1);
        if (token.stopword || token.term.empty()) continue;
        document.add_posting(std::string(prefix) + token.term, base + token.position);
    }
    return last;
}

// The character n-grams of the tokens' words, as non-positional terms (each occurrence adds to the wdf).
// Xapian counts their wdf in the document's length, as it does every term's: BM25's length
// normalisation then sees several times the word count, in every article alike; the weights were
// measured so.
void add_ngrams(Xapian::Document& document, const std::vector<Token>& tokens) {
    for (const Token& token : tokens) {
        if (token.stopword || token.term.empty()) continue;
        for (const std::string& gram : character_ngrams(token.word)) document.add_term(std::string(schema::ngram) + gram);
    }
}

// Each two neighbouring words of one text as one non-positional term.
void add_pairs(Xapian::Document& document, const std::vector<Token>& tokens) {
    std::vector<PositionedTerm> words;
    for (const Token& token : tokens)
        if (token.role == Token::Role::word && !token.stopword && !token.term.empty()) words.push_back({token.term, token.position});
    for (const std::string& pair : adjacent_pairs(words)) document.add_term(std::string(schema::word_pair) + pair);
}

// Words worth offering as spelling corrections: alphabetic, at least three letters, not stopwords.
void collect_vocabulary(const std::vector<Token>& tokens, std::set<std::string>& vocabulary) {
    for (const Token& token : tokens) {
        if (token.role != Token::Role::word || token.stopword || token.word.size() < 3) continue;
        if (std::all_of(token.word.begin(), token.word.end(), [](char c) {
                return static_cast<unsigned char>(c) >= 0x80 || std::isalpha(static_cast<unsigned char>(c));
            }))
            vocabulary.insert(token.word);
    }
}

std::size_t count_words(const std::vector<Token>& tokens) {
    return static_cast<std::size_t>(std::count_if(tokens.begin(), tokens.end(), [](const Token& token) {
        return token.role == Token::Role::word && !token.stopword && !token.term.empty();
    }));
}

void add_boolean_terms(Xapian::Document& document, const Article& article, std::string_view kind) {
    document.add_boolean_term(std::string(schema::article) + article.id);
    document.add_boolean_term(std::string(schema::kind) + std::string(kind));
    if (!article.source.empty()) {
        std::string source = article.source;
        std::transform(source.begin(), source.end(), source.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        document.add_boolean_term(std::string(schema::source) + source);
    }
    document.add_value(schema::article_slot, article.id);
    document.add_value(schema::source_slot, article.source);
}

nlohmann::json reference_json(const Reference& reference) {
    return {{"number", reference.number}, {"text", reference.text}, {"pmid", reference.pmid},
            {"doi", reference.doi},       {"url", reference.url}};
}

// The analysed text of one passage, field by field.
struct PassageFields {
    std::vector<Token> body;
    std::vector<Token> heading;
    std::vector<Token> section;
};

IndexedDocument build_passage(const Article& article, const ArticleFields& shared, const Passage& passage,
                              std::size_t ordinal, const PassageFields& fields) {
    const auto& [body, heading, section] = fields;
    Xapian::Document document;
    const std::string id = schema::passage_id(article.id, ordinal);
    document.add_boolean_term(std::string(schema::unique_id) + id);
    add_boolean_terms(document, article, schema::kind_passage);

    // Free-text fields, each under its own prefix.
    add_postings(document, body, schema::body, 0);
    add_postings(document, shared.title, schema::title, 0);
    add_postings(document, heading, schema::heading, 0);
    add_postings(document, section, schema::section, 0);

    // Filters and values.
    const std::string key = schema::section_key(passage.section);
    document.add_boolean_term(std::string(schema::section_filter) + key);
    for (const int number : passage.citations) document.add_boolean_term(std::string(schema::cites) + std::to_string(number));
    document.add_value(schema::section_slot, key);
    document.add_value(schema::ordinal_slot, Xapian::sortable_serialise(static_cast<double>(ordinal)));
    document.add_value(schema::body_length_slot, Xapian::sortable_serialise(static_cast<double>(count_words(body))));

    // Stored data: what a hit shows.
    nlohmann::json references = nlohmann::json::array();
    for (const Reference& reference : article.references)
        if (std::find(passage.citations.begin(), passage.citations.end(), reference.number) != passage.citations.end())
            references.push_back(reference_json(reference));
    const nlohmann::json data = {
        {schema::field::article, article.id},   {schema::field::title, article.title},
        {schema::field::url, article.url},       {schema::field::source, article.source},
        {schema::field::updated, article.updated}, {schema::field::section, passage.section},
        {schema::field::heading, passage.heading},
        {schema::field::kind, passage.kind == PassageKind::bullet ? "bullet" : "paragraph"},
        {schema::field::text, passage.text},     {schema::field::citations, passage.citations},
        {schema::field::references, references}, {schema::field::ordinal, ordinal},
        {schema::field::group, passage.group},
    };
    document.set_data(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return {id, std::move(document)};
}

}  // namespace

BuiltArticle DocumentBuilder::build(const Article& article) const {
    check_keys(article);
    BuiltArticle built;
    std::set<std::string> vocabulary;

    // Analyse what every passage shares: the title and the focus's other names.
    ArticleFields shared;
    std::vector<std::string_view> names{article.title};
    names.insert(names.end(), article.synonyms.begin(), article.synonyms.end());
    std::uint32_t base = 0;
    for (const std::string_view name : names) {
        std::vector<Token> tokens = analyzer_.analyze(name);
        if (tokens.empty()) continue;
        collect_vocabulary(tokens, vocabulary);
        for (Token& token : tokens) token.position += base;
        base = tokens.back().position + kPositionGap;
        shared.title.insert(shared.title.end(), tokens.begin(), tokens.end());
    }

    // The article document: every passage's words, with headings and sections in their own fields. The
    // title also opens the body, as one text with the article's words (an abstract's title is its most
    // telling sentence), and every word adds its character n-grams and every two neighbours a pair.
    Xapian::Document whole;
    whole.add_boolean_term(std::string(schema::unique_id) + article.id);
    add_boolean_terms(whole, article, schema::kind_article);
    add_postings(whole, shared.title, schema::title, 0);
    std::uint32_t body_base = shared.title.empty() ? 0 : add_postings(whole, shared.title, schema::body, 0) + kPositionGap;
    add_ngrams(whole, shared.title);
    add_pairs(whole, shared.title);
    built.documents.push_back({article.id, Xapian::Document()});

    std::uint32_t heading_base = 0, section_base = 0;
    std::size_t body_words = 0;
    const std::string* previous_heading = nullptr;
    const std::string* previous_section = nullptr;
    for (std::size_t ordinal = 0; ordinal < article.passages.size(); ++ordinal) {
        const Passage& passage = article.passages[ordinal];
        const PassageFields fields{analyzer_.analyze(passage.text), analyzer_.analyze(passage.heading),
                                   analyzer_.analyze(passage.section)};
        const auto& [body, heading, section] = fields;
        collect_vocabulary(body, vocabulary);
        built.documents.push_back(build_passage(article, shared, passage, ordinal + 1, fields));

        body_base = add_postings(whole, body, schema::body, body_base) + kPositionGap;
        add_ngrams(whole, body);
        add_pairs(whole, body);
        body_words += count_words(body);
        if (previous_heading == nullptr || *previous_heading != passage.heading)
            heading_base = add_postings(whole, heading, schema::heading, heading_base) + kPositionGap;
        if (previous_section == nullptr || *previous_section != passage.section) {
            section_base = add_postings(whole, section, schema::section, section_base) + kPositionGap;
            whole.add_boolean_term(std::string(schema::section_filter) + schema::section_key(passage.section));
        }
        previous_heading = &passage.heading;
        previous_section = &passage.section;
    }
    whole.add_value(schema::ordinal_slot, Xapian::sortable_serialise(0.0));
    whole.add_value(schema::body_length_slot, Xapian::sortable_serialise(static_cast<double>(body_words)));
    const nlohmann::json data = {
        {schema::field::article, article.id}, {schema::field::title, article.title},
        {schema::field::url, article.url},     {schema::field::source, article.source},
        {schema::field::updated, article.updated},
        {schema::field::passages, article.passages.size()},
    };
    whole.set_data(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    built.documents.front().document = std::move(whole);

    built.vocabulary.assign(vocabulary.begin(), vocabulary.end());
    return built;
}

}  // namespace medsearch
