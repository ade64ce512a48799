// Readers turn files into Article records. One function per format (one file each); this header is the
// entry point the indexer uses: pick or detect the format, then stream the file's articles to a sink.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/errors.h"
#include "readers/article.h"
#include "readers/passage_splitter.h"

namespace medsearch {

enum class Format { page, markdown, json, medquad, beir, pubmedqa };

// "page", "markdown", ... as accepted by --format; nullopt for an unknown name.
std::optional<Format> parse_format(std::string_view name);
std::string_view format_name(Format format);
// Every format name, in the order --help lists them.
const std::vector<std::string>& format_names();

// Receives what a reader finds. A file may yield many articles; line-based formats (json, beir) report a
// bad record through on_error and go on with the next line.
class ArticleSink {
public:
    virtual ~ArticleSink() = default;
    virtual void on_article(Article&& article) = 0;
    virtual void on_error(const ParseError& error) = 0;
};

// The format of one file, from its extension and first bytes. Throws ParseError (line 0) when no reader
// recognises it.
Format detect_format(const std::filesystem::path& file);

// How readers cut text into passages. Only formats whose texts have no paragraph structure of their own
// are cut by size: BEIR texts, and MedQuAD answers (paragraphs packed, long ones split).
struct ReadOptions {
    ChunkOptions passage_size;
};

// Streams every article of the file to the sink. Throws ParseError when the file as a whole cannot be
// read (missing, unreadable, not the claimed format); per-record errors go to the sink instead.
void read_articles(const std::filesystem::path& file, Format format, ArticleSink& sink, const ReadOptions& options = {});

// The files named by the command line: files as given, folders walked recursively in sorted order,
// skipping hidden entries and documentation files (README*, LICENSE*, NOTICE*, COPYING*). Throws
// ParseError for a path that does not exist.
std::vector<std::filesystem::path> list_input_files(const std::vector<std::filesystem::path>& paths);

}  // namespace medsearch
