// Readers turn files into Article records. One function per format (one file each); this header is the
// entry point the indexer uses: pick or detect the format, then stream the file's articles to a sink.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/errors.h"
#include "readers/article.h"
#include "readers/passage_splitter.h"

namespace medsearch {

enum class Format { page, markdown, json, medquad, beir, pubmedqa, jats, pubmed, html };

// "page", "markdown", ... as accepted by --format; nullopt for an unknown name.
std::optional<Format> parse_format(std::string_view name);
std::string_view format_name(Format format);
// Every format name, in the order --help lists them.
const std::vector<std::string>& format_names();

// Receives what a reader finds. A file may yield many articles; formats of many records (json, beir,
// pubmedqa, pubmed) report a bad record through on_error and go on with the next one.
class ArticleSink {
public:
    virtual ~ArticleSink() = default;
    virtual void on_article(Article&& article) = 0;
    virtual void on_error(const ParseError& error) = 0;
    // The source withdraws an article (PubMed's <DeleteCitation>): article_id as on_article would name it,
    // read from line `line` of the file `origin`. A sink that keeps an index must remove it; the default
    // ignores it, for sinks that only collect what files hold.
    virtual void on_delete(const std::string& article_id, const std::string& origin, std::size_t line) {
        (void)article_id, (void)origin, (void)line;
    }
};

// The format of one file, from its extension and its first bytes (corpus/FORMAT.md has the table): the
// content decides where the extension does not (.xml, .xml.gz, .json, .txt, and any other or no
// extension). Throws ParseError (line 0) when no reader recognises it, with a hint that names the
// --format the file most resembles, or when the file cannot be opened.
Format detect_format(const std::filesystem::path& file);

// How readers cut text into passages. Formats whose texts have no paragraph structure of their own are
// cut by size: BEIR texts, PubMed abstract parts, and MedQuAD answers (paragraphs packed, long ones
// split). In every other format a paragraph stays whole unless it is longer than longest_paragraph_words,
// and is then cut at passage_size too, so no passage grows with its input.
struct ReadOptions {
    ChunkOptions passage_size;
    std::size_t longest_paragraph_words = 1000;
};

// Streams every article of the file to the sink. Throws ParseError when the file as a whole cannot be
// read (missing, unreadable, not the claimed format); per-record errors go to the sink instead.
void read_articles(const std::filesystem::path& file, Format format, ArticleSink& sink, const ReadOptions& options = {});

// Called for each entry of a folder walk that cannot be read, as ParseError(path, 0, reason).
using WalkProblemHandler = std::function<void(const ParseError& problem)>;

// The files named by the command line: files as given, folders walked in sorted order (without recursion
// on their depth), skipping hidden entries and documentation files (README*, LICENSE*, NOTICE*,
// COPYING*). Symbolic links are followed, to files and to folders. An entry that cannot be read — a
// dangling link, a link that leads back into a folder being walked (a loop), a folder that cannot be
// listed — goes to on_problem as "path: reason" and the walk goes on with the rest. A path of the list
// that does not exist goes to on_problem too. Without a handler, the first problem is thrown.
std::vector<std::filesystem::path> list_input_files(const std::vector<std::filesystem::path>& paths,
                                                    const WalkProblemHandler& on_problem = {});

}  // namespace medsearch
