#include "readers/beir_reader.h"

#include "common/errors.h"
#include "readers/json_lines.h"
#include "readers/passage_splitter.h"
#include "readers/text.h"

namespace medsearch {

std::string beir_source_name(const std::filesystem::path& file) {
    if (file.filename() != "corpus.jsonl") return article_id_from_file_name(file);
    const std::string folder = folder_name_of(file);
    return folder.empty() ? "corpus" : folder;
}

void read_beir(const std::filesystem::path& file, ArticleSink& sink, const ChunkOptions& passage_size) {
    const std::string source = beir_source_name(file);
    read_json_lines_with(file, sink, [&](const nlohmann::json& record, std::size_t line) {
        Article article;
        const auto id = record.find("_id");
        if (id == record.end()) throw ParseError(file.string(), line, "missing field \"_id\"");
        // Ids are kept exactly as given; some corpora write them as numbers.
        if (id->is_string()) article.id = id->get<std::string>();
        else if (id->is_number_integer()) article.id = id->dump();
        else throw ParseError(file.string(), line, "field \"_id\" must be a string or an integer");
        if (article.id.empty()) throw ParseError(file.string(), line, "field \"_id\" must not be empty");
        article.title = collapse_whitespace(optional_string(file, line, record, "title"));
        article.source = source;
        article.origin = file.string();
        for (std::string& chunk : split_into_chunks(required_string(file, line, record, "text"), passage_size)) {
            Passage passage;
            passage.text = std::move(chunk);
            passage.line = line;
            append_passage(article, std::move(passage));
        }
        return article;
    });
}

}  // namespace medsearch
