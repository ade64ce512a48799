#include "readers/medquad_reader.h"

#include <algorithm>
#include <array>

#include <pugixml.hpp>

#include "common/errors.h"
#include "common/utf8.h"
#include "readers/passage_splitter.h"
#include "readers/text.h"
#include "readers/xml_text.h"

namespace medsearch {

namespace {

// Element and attribute names of one root shape of the release.
struct MedquadShape {
    std::string_view root, id, source, focus, pairs, pair, question, answer;
};

constexpr std::array shapes = {
    MedquadShape{"Document", "id", "source", "Focus", "QAPairs", "QAPair", "Question", "Answer"},
    MedquadShape{"doc", "docid", "corpus", "doctitle-focus", "qaPairs", "pair", "question", "answer"},
    MedquadShape{"DiseaseFile", "fid", "source", "Focus", "QAPairs", "QAPair", "Question", "Answer"},
};

const MedquadShape* shape_of(std::string_view root) {
    const auto found = std::find_if(shapes.begin(), shapes.end(), [&](const MedquadShape& s) { return s.root == root; });
    return found == shapes.end() ? nullptr : &*found;
}

// "6_NINDS_QA" -> "NINDS", "8_NHLBI_QA_XML" -> "NHLBI": the release's folder names, for files whose
// root has no source attribute. Any other folder name is used as it is.
std::string source_from_folder(const std::filesystem::path& file) {
    std::string folder = folder_name_of(file);
    std::string_view name = folder;
    const std::size_t digits = name.find_first_not_of("0123456789");
    if (digits != std::string_view::npos && digits > 0 && name[digits] == '_') name.remove_prefix(digits + 1);
    for (std::string_view suffix : {"_QA_XML", "_QA"})
        if (name.ends_with(suffix)) {
            name.remove_suffix(suffix.size());
            break;
        }
    return std::string(name.empty() ? std::string_view(folder) : name);
}

bool is_gap(char c) { return c == ' ' || c == '\t'; }

bool starts_bullet(std::string_view text) { return text.size() >= 2 && text[0] == '-' && is_gap(text[1]); }

void add_block(std::vector<AnswerBlock>& blocks, std::string_view piece) {
    piece = trim(piece);
    AnswerBlock block;
    if (starts_bullet(piece)) {
        block.kind = PassageKind::bullet;
        piece.remove_prefix(1);
    }
    block.text = collapse_whitespace(piece);
    if (!block.text.empty()) blocks.push_back(std::move(block));
}

// Splits one line of an answer at its paragraph gaps and bullet markers.
void split_line(std::string_view line, std::vector<AnswerBlock>& blocks) {
    std::size_t piece_start = 0;
    std::size_t i = 0;
    while (i < line.size()) {
        if (!is_gap(line[i]) || i + 1 >= line.size() || !is_gap(line[i + 1])) {
            ++i;
            continue;
        }
        std::size_t run_end = i;
        while (run_end < line.size() && is_gap(line[run_end])) ++run_end;
        const std::string_view before = trim(line.substr(piece_start, i - piece_start));
        const std::string_view after = line.substr(run_end);
        const bool paragraph_gap = !before.empty() && (ends_sentence(before) || before.back() == ':');
        if (!before.empty() && (paragraph_gap || starts_bullet(after))) {
            add_block(blocks, before);
            piece_start = run_end;
        }
        i = run_end;
    }
    add_block(blocks, line.substr(piece_start));
}

// A heading inside an answer ("Key Points", "Genetic Susceptibility"): a few words, no final punctuation.
bool is_heading_like(const AnswerBlock& block) {
    return block.kind == PassageKind::paragraph && count_words(block.text) <= 8 &&
           !ends_with_clause_punctuation(block.text);
}

}  // namespace

std::vector<AnswerBlock> split_answer_blocks(std::string_view answer) {
    std::vector<AnswerBlock> blocks;
    while (!answer.empty()) {
        const std::size_t end = std::min(answer.find_first_of("\r\n"), answer.size());
        split_line(answer.substr(0, end), blocks);
        answer.remove_prefix(std::min(end + 1, answer.size()));
    }
    return blocks;
}

std::vector<AnswerBlock> answer_passages(std::string_view answer, const ChunkOptions& size) {
    const std::vector<AnswerBlock> blocks = split_answer_blocks(answer);
    std::vector<AnswerBlock> passages;
    std::string pending;  // paragraphs waiting to be packed
    bool pending_is_heading = false;

    auto emit = [&](const std::string& text, PassageKind kind) {
        for (std::string& chunk : split_into_chunks(text, size)) passages.push_back({kind, std::move(chunk)});
    };
    auto flush = [&] {
        if (!pending.empty()) emit(pending, PassageKind::paragraph);
        pending.clear();
        pending_is_heading = false;
    };

    for (std::size_t b = 0; b < blocks.size(); ++b) {
        const AnswerBlock& block = blocks[b];
        if (block.kind == PassageKind::bullet) {
            flush();
            emit(block.text, PassageKind::bullet);
            continue;
        }
        const bool short_line = is_heading_like(block) && b + 1 < blocks.size();
        if (short_line && blocks[b + 1].kind == PassageKind::paragraph) {
            // A heading (or a run of short lines, the release's rendering of an unmarked list) opens the
            // passage of the paragraph after it.
            // After a lead-in ending with ':' the short lines are its list and stay with it.
            if (!pending_is_heading && !pending.ends_with(':')) flush();
            if (!pending.empty()) pending += ' ';
            pending += block.text;
            pending_is_heading = true;
            continue;
        }
        if (short_line && !pending.empty() && !pending_is_heading) {
            // A lead-in to a list ("Symptoms include") stays with the paragraph before it.
            pending += ' ' + block.text;
            continue;
        }
        const std::size_t pending_words = count_words(pending);
        const bool join = !pending.empty() &&
                          (pending_is_heading ||
                           (pending_words < size.min_words && pending_words + count_words(block.text) <= size.max_words));
        if (!join) flush();
        if (!pending.empty()) pending += ' ';
        pending += block.text;
        pending_is_heading = false;
    }
    flush();
    return passages;
}

bool looks_like_medquad(std::string_view prefix) { return shape_of(xml_root_name(prefix)) != nullptr; }

Article read_medquad(const std::filesystem::path& file, std::string_view text, const ChunkOptions& passage_size) {
    pugi::xml_document document;
    parse_xml(document, file, text);
    const pugi::xml_node root = document.document_element();
    const MedquadShape* shape = shape_of(root.name());
    if (shape == nullptr)
        throw ParseError(file.string(), 0,
                         std::string("not a MedQuAD document: root element <") + root.name() +
                             "> (expected <Document>)");

    Article article;
    article.origin = file.string();
    article.source = collapse_whitespace(root.attribute(shape->source.data()).value());
    if (article.source.empty()) article.source = source_from_folder(file);
    // The release has files that share a document id ("0000013_2.xml", "0000013_2_1.xml", ... all say
    // id="0000013_2" but hold different foci): a file name that extends the id names the article.
    std::string document_id = collapse_whitespace(root.attribute(shape->id.data()).value());
    const std::string stem = file.stem().string();
    if (document_id.empty() || (stem.size() > document_id.size() && stem.starts_with(document_id + "_")))
        document_id = stem;
    article.id = article.source + "_" + document_id;
    article.url = collapse_whitespace(root.attribute("url").value());
    article.title = collapse_whitespace(xml_character_data(root.child(shape->focus.data())));
    if (article.title.empty())  // three CDC files have an empty focus: their first question names them
        article.title = collapse_whitespace(
            xml_character_data(root.child(shape->pairs.data()).child(shape->pair.data()).child(shape->question.data())));

    // Each synonym element as given: MedQuAD names often hold commas ("Aneurysm, abdominal aortic").
    for (const pugi::xml_node& synonym : root.child("FocusAnnotations").child("Synonyms").children("Synonym")) {
        std::string name = collapse_whitespace(xml_character_data(synonym));
        if (!name.empty() && std::find(article.synonyms.begin(), article.synonyms.end(), name) == article.synonyms.end())
            article.synonyms.push_back(std::move(name));
    }

    std::size_t ordinal = 0;
    for (const pugi::xml_node& pair : root.child(shape->pairs.data()).children(shape->pair.data())) {
        ++ordinal;
        const pugi::xml_node question = pair.child(shape->question.data());
        std::string pid = collapse_whitespace(pair.attribute("pid").value());
        if (pid.empty()) pid = std::to_string(ordinal);
        const std::string answer = xml_character_data(pair.child(shape->answer.data()));
        const std::size_t line = line_of_node(pair, text);
        for (AnswerBlock& block : answer_passages(answer, passage_size)) {
            Passage passage;
            passage.section = question.attribute("qtype").value();
            passage.heading = xml_character_data(question);
            passage.kind = block.kind;
            passage.text = std::move(block.text);
            passage.line = line;
            passage.group = "Sec" + pid;
            append_passage(article, std::move(passage));
        }
    }
    return article;
}

}  // namespace medsearch
