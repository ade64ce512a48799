#include "indexer/document_builder.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "analysis/char_ngrams.h"
#include "analysis/word_pairs.h"
#include "common/errors.h"
#include "common/text.h"
#include "indexer/article_codec.h"
#include "indexer/schema.h"

namespace medsearch {

namespace {

// Positions of successive texts in one field are kept this far apart, so a phrase never spans two
// passages or two synonyms.
constexpr std::uint32_t kPositionGap = 100;

// The analysed fields an article shares with all its passages.
struct ArticleFields {
    std::vector<Token> title;  // the title, then each synonym, positions gapped
    std::vector<Token> mesh;   // each MeSH heading and keyword, positions gapped
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

// The boolean terms and values every document of the article carries, in either database.
void add_article_keys(Xapian::Document& document, const Article& article) {
    document.add_boolean_term(std::string(schema::article) + article.id);
    if (!article.source.empty()) document.add_boolean_term(std::string(schema::source) + ascii_lower(article.source));
    std::set<std::string> mesh_keys;
    for (const std::string& heading : article.mesh)
        if (std::string key = schema::mesh_key(heading); !key.empty()) mesh_keys.insert(std::move(key));
    std::string mesh_value;
    for (const std::string& key : mesh_keys) {
        document.add_boolean_term(std::string(schema::mesh) + key);
        mesh_value += (mesh_value.empty() ? "" : "\n") + key;
    }
    document.add_value(schema::article_slot, article.id);
    document.add_value(schema::source_slot, article.source);
    if (!mesh_value.empty()) document.add_value(schema::mesh_slot, mesh_value);
}

// The analysed text of one passage, field by field.
struct PassageFields {
    std::vector<Token> body;
    std::vector<Token> heading;
    std::vector<Token> section;
    std::vector<Token> lead_in;
};

IndexedDocument build_passage(const Article& article, const ArticleFields& shared, const Passage& passage,
                              std::size_t ordinal, const PassageFields& fields) {
    const auto& [body, heading, section, lead_in] = fields;
    Xapian::Document document;
    const std::string id = schema::passage_id(article.id, ordinal);
    document.add_boolean_term(std::string(schema::unique_id) + id);
    add_article_keys(document, article);
    document.add_boolean_term(std::string(schema::kind) + std::string(passage_kind_name(passage.kind)));

    // Free-text fields, each under its own prefix.
    add_postings(document, body, schema::body, 0);
    add_postings(document, shared.title, schema::title, 0);
    add_postings(document, shared.mesh, schema::mesh_words, 0);
    add_postings(document, heading, schema::heading, 0);
    add_postings(document, section, schema::section, 0);
    add_postings(document, lead_in, schema::lead_in, 0);

    // Filters and values.
    const std::string key = schema::section_key(passage.section);
    document.add_boolean_term(std::string(schema::section_filter) + key);
    for (const int number : passage.citations) document.add_boolean_term(std::string(schema::cites) + std::to_string(number));
    document.add_value(schema::section_slot, key);
    document.add_value(schema::ordinal_slot, Xapian::sortable_serialise(static_cast<double>(ordinal)));

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
        {schema::field::kind, passage_kind_name(passage.kind)}, {schema::field::lead_in, passage.lead_in},
        {schema::field::text, passage.text},     {schema::field::citations, passage.citations},
        {schema::field::references, references}, {schema::field::ordinal, ordinal},
        {schema::field::group, passage.group},
    };
    document.set_data(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return {id, std::move(document)};
}

// Texts analysed as one field, each text's positions kept kPositionGap after the one before, so that no
// phrase spans two of them.
std::vector<Token> analyse_texts(const Analyzer& analyzer, const std::vector<std::string_view>& texts,
                                 std::set<std::string>& vocabulary) {
    std::vector<Token> field;
    std::uint32_t base = 0;
    for (const std::string_view text : texts) {
        std::vector<Token> tokens = analyzer.analyze(text);
        if (tokens.empty()) continue;
        collect_vocabulary(tokens, vocabulary);
        for (Token& token : tokens) token.position += base;
        base = tokens.back().position + kPositionGap;
        field.insert(field.end(), tokens.begin(), tokens.end());
    }
    return field;
}

// The title and the focus's other names, and the MeSH headings, analysed once for all the article's documents.
ArticleFields analyse_names(const Analyzer& analyzer, const Article& article, std::set<std::string>& vocabulary) {
    std::vector<std::string_view> names{article.title};
    names.insert(names.end(), article.synonyms.begin(), article.synonyms.end());
    return {analyse_texts(analyzer, names, vocabulary),
            analyse_texts(analyzer, std::vector<std::string_view>(article.mesh.begin(), article.mesh.end()), vocabulary)};
}

PassageFields analyse_passage(const Analyzer& analyzer, const Passage& passage) {
    return {analyzer.analyze(passage.text), analyzer.analyze(passage.heading), analyzer.analyze(passage.section),
            analyzer.analyze(passage.lead_in)};
}

}  // namespace

std::vector<IndexedDocument> DocumentBuilder::build_passages(const Article& article) const {
    check_keys(article);
    std::set<std::string> vocabulary;
    const ArticleFields shared = analyse_names(analyzer_, article, vocabulary);
    std::vector<IndexedDocument> passages;
    for (std::size_t ordinal = 0; ordinal < article.passages.size(); ++ordinal)
        passages.push_back(build_passage(article, shared, article.passages[ordinal], ordinal + 1,
                                         analyse_passage(analyzer_, article.passages[ordinal])));
    return passages;
}

BuiltArticle DocumentBuilder::build(const Article& article) const {
    check_keys(article);
    BuiltArticle built;
    std::set<std::string> vocabulary;
    const ArticleFields shared = analyse_names(analyzer_, article, vocabulary);

    // The article document: every passage's words, with headings and sections in their own fields. The
    // title also opens the body, as one text with the article's words (an abstract's title is its most
    // telling sentence), and every word adds its character n-grams and every two neighbours a pair.
    Xapian::Document whole;
    whole.add_boolean_term(std::string(schema::unique_id) + article.id);
    whole.add_boolean_term(std::string(schema::unlinked));
    add_article_keys(whole, article);
    add_postings(whole, shared.title, schema::title, 0);
    add_postings(whole, shared.mesh, schema::mesh_words, 0);
    std::uint32_t body_base = shared.title.empty() ? 0 : add_postings(whole, shared.title, schema::body, 0) + kPositionGap;
    add_ngrams(whole, shared.title);
    add_pairs(whole, shared.title);

    std::uint32_t heading_base = 0, section_base = 0;
    const std::string* previous_heading = nullptr;
    const std::string* previous_section = nullptr;
    for (std::size_t ordinal = 0; ordinal < article.passages.size(); ++ordinal) {
        const Passage& passage = article.passages[ordinal];
        const PassageFields fields = analyse_passage(analyzer_, passage);
        const auto& [body, heading, section, lead_in] = fields;
        collect_vocabulary(body, vocabulary);
        built.passages.push_back(build_passage(article, shared, passage, ordinal + 1, fields));

        body_base = add_postings(whole, body, schema::body, body_base) + kPositionGap;
        add_ngrams(whole, body);
        add_pairs(whole, body);
        if (previous_heading == nullptr || *previous_heading != passage.heading)
            heading_base = add_postings(whole, heading, schema::heading, heading_base) + kPositionGap;
        if (previous_section == nullptr || *previous_section != passage.section) {
            section_base = add_postings(whole, section, schema::section, section_base) + kPositionGap;
            whole.add_boolean_term(std::string(schema::section_filter) + schema::section_key(passage.section));
        }
        previous_heading = &passage.heading;
        previous_section = &passage.section;
    }
    whole.set_data(encode_article(article));
    built.article = {article.id, std::move(whole)};

    built.vocabulary.assign(vocabulary.begin(), vocabulary.end());
    return built;
}

}  // namespace medsearch
