// Format names, detection, dispatch to the one reader per format, and the walk over input folders.
#include "readers/reader.h"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>

#include "readers/beir_reader.h"
#include "readers/compressed_input.h"
#include "readers/html_reader.h"
#include "readers/input_file.h"
#include "readers/jats_reader.h"
#include "readers/json_reader.h"
#include "readers/markdown_reader.h"
#include "readers/medquad_reader.h"
#include "readers/page_reader.h"
#include "readers/pubmed_reader.h"
#include "readers/pubmedqa_reader.h"
#include "readers/text.h"
#include "readers/xml_text.h"

namespace medsearch {

namespace {

constexpr std::array<std::pair<Format, std::string_view>, 9> format_table = {{
    {Format::page, "page"},
    {Format::markdown, "markdown"},
    {Format::json, "json"},
    {Format::medquad, "medquad"},
    {Format::beir, "beir"},
    {Format::pubmedqa, "pubmedqa"},
    {Format::jats, "jats"},
    {Format::pubmed, "pubmed"},
    {Format::html, "html"},
}};

// Detection reads no more than this from the start of a file.
constexpr std::size_t sniff_bytes = 1u << 16;

std::string extension_of(const std::filesystem::path& file) { return ascii_lower(file.extension().string()); }

// The first non-blank line of the sniffed prefix (possibly cut short).
std::string_view first_line(std::string_view prefix) {
    for (;;) {
        const std::size_t end = std::min(prefix.find('\n'), prefix.size());
        const std::string_view line = trim(prefix.substr(0, end));
        if (!line.empty() || end == prefix.size()) return line;
        prefix.remove_prefix(end + 1);
    }
}

// The first record of JSON Lines, parsed; a discarded value when it does not parse (or is cut short).
nlohmann::json first_record(std::string_view prefix) {
    return nlohmann::json::parse(first_line(prefix), nullptr, false);
}

// A JSON Lines file is BEIR when its first record has "_id". A first line longer than the sniffed
// prefix does not parse, so the key is then looked for in the text.
Format detect_json_lines(std::string_view prefix) {
    const nlohmann::json record = first_record(prefix);
    if (!record.is_discarded()) return record.is_object() && record.contains("_id") ? Format::beir : Format::json;
    return first_line(prefix).find("\"_id\"") != std::string_view::npos ? Format::beir : Format::json;
}

// True when the prefix is JSON Lines: a first line that is a whole JSON object, and another line after it.
bool looks_like_json_lines(std::string_view prefix) {
    const nlohmann::json record = first_record(prefix);
    if (record.is_discarded() || !record.is_object()) return false;
    const std::size_t end = prefix.find('\n', prefix.find(first_line(prefix)));
    return end != std::string_view::npos && trim(prefix.substr(end)).starts_with('{');
}

[[noreturn]] void unknown_format(const std::filesystem::path& file, const std::string& why, const std::string& hint) {
    throw ParseError(file.string(), 0, "unknown format: " + why + " (use --format " + hint + ")");
}

// Which XML reader a root element that none of them takes is most like, for the hint.
std::string xml_hint(std::string_view root) {
    const std::string lower = ascii_lower(root);
    if (lower.find("pubmed") != std::string::npos || lower.find("medline") != std::string::npos)
        return "pubmed if it is PubMed's <PubmedArticleSet>";
    if (lower.find("article") != std::string::npos) return "jats if it is a JATS <article>";
    if (lower.find("doc") != std::string::npos || lower.find("qa") != std::string::npos)
        return "medquad if it is a MedQuAD <Document>";
    return "jats, pubmed or medquad if it is one of their documents";
}

// The format the content shows, whatever the extension; nullopt when it shows none for sure.
std::optional<Format> detect_by_content(std::string_view prefix, const std::string& extension) {
    const std::string_view start = trim(prefix);
    if (looks_like_html(prefix)) return Format::html;
    if (start.starts_with('<')) {
        if (looks_like_medquad(prefix)) return Format::medquad;
        if (looks_like_jats(prefix)) return Format::jats;
        if (looks_like_pubmed(prefix)) return Format::pubmed;
        return std::nullopt;
    }
    if (start.starts_with('{')) {
        if (extension == ".jsonl" || looks_like_json_lines(prefix)) return detect_json_lines(prefix);
        if (looks_like_pubmedqa(prefix)) return Format::pubmedqa;
        return std::nullopt;
    }
    if (looks_like_page(prefix)) return Format::page;
    return std::nullopt;
}

// Why the content was not recognised, and the --format it is most like.
[[noreturn]] void refuse(const std::filesystem::path& file, std::string_view prefix, const std::string& extension) {
    const std::string_view start = trim(prefix);
    if (start.starts_with('<')) {
        const std::string_view root = xml_root_name(prefix);
        unknown_format(file, "XML whose root element <" + std::string(root) +
                                 "> is none of MedQuAD's <Document>, JATS's <article> or PubMed's <PubmedArticleSet>",
                       xml_hint(root));
    }
    if (start.starts_with('[')) unknown_format(file, "a JSON array", "json for JSON Lines, one article object per line");
    if (start.starts_with('{')) {
        if (extension == ".json")
            unknown_format(file, "JSON that is not PubMedQA (an object of records with QUESTION and CONTEXTS)",
                           "json if it holds one article object per line, pubmedqa if it is PubMedQA");
        unknown_format(file, "JSON that is neither JSON Lines nor PubMedQA", "json for JSON Lines, pubmedqa for PubMedQA");
    }
    if (first_line(prefix).starts_with("# "))
        unknown_format(file, "text whose first line is a '# ' heading", "markdown if it is an article written in markdown");
    if (extension == ".txt")
        unknown_format(file, "text without the sections or date of a saved article page",
                       "page if it is an article page saved as text, markdown if it is written in markdown");
    unknown_format(file, extension.empty() ? "no extension and no content any reader recognises"
                                           : "no reader for the extension '" + extension + "' or its content",
                   "NAME; formats: page, markdown, json, medquad, beir, pubmedqa, jats, pubmed, html");
}

bool is_documentation(const std::filesystem::path& entry) {
    const std::string name = ascii_lower(entry.filename().string());
    for (std::string_view prefix : {"readme", "license", "notice", "copying"})
        if (name.starts_with(prefix)) return true;
    return false;
}

bool is_hidden(const std::filesystem::path& entry) { return entry.filename().string().starts_with('.'); }

// Cuts over-long paragraphs before the articles go on (ReadOptions::longest_paragraph_words).
class PassageSizeSink : public ArticleSink {
public:
    PassageSizeSink(ArticleSink& next, const ReadOptions& options) : next_(next), options_(options) {}
    void on_article(Article&& article) override {
        cut_long_passages(article.passages, options_.longest_paragraph_words, options_.passage_size);
        next_.on_article(std::move(article));
    }
    void on_error(const ParseError& error) override { next_.on_error(error); }
    void on_delete(const std::string& article_id, const std::string& origin, std::size_t line) override {
        next_.on_delete(article_id, origin, line);
    }

private:
    ArticleSink& next_;
    const ReadOptions& options_;
};

// The device and inode of a folder, which say when a link leads back into a folder already walked.
std::pair<dev_t, ino_t> identity_of(const std::filesystem::path& folder) {
    struct stat info {};
    if (::stat(folder.c_str(), &info) != 0) return {0, 0};
    return {info.st_dev, info.st_ino};
}

// Why an entry that is a link cannot be followed.
std::string broken_link_reason(const std::filesystem::path& entry, const std::error_code& error) {
    if (error.value() == ELOOP) return "symbolic link loop";
    std::error_code ignored;
    const std::filesystem::path target = std::filesystem::read_symlink(entry, ignored);
    return "dangling symbolic link (to " + target.string() + ")";
}

// Every readable file below folder, without recursion; problems go to report.
void walk_folder(const std::filesystem::path& folder, std::vector<std::filesystem::path>& found,
                 const std::function<void(const std::filesystem::path&, const std::string&)>& report) {
    std::set<std::pair<dev_t, ino_t>> walked{identity_of(folder)};
    std::vector<std::filesystem::path> pending{folder};
    while (!pending.empty()) {
        const std::filesystem::path current = std::move(pending.back());
        pending.pop_back();
        std::error_code error;
        std::filesystem::directory_iterator entries(current, error);
        if (error) {
            report(current, "cannot list folder: " + error.message());
            continue;
        }
        for (; entries != std::filesystem::directory_iterator(); entries.increment(error)) {
            const std::filesystem::path entry = entries->path();
            if (is_hidden(entry)) continue;
            std::error_code status_error;
            const auto link = std::filesystem::symlink_status(entry, status_error);
            const auto target = std::filesystem::status(entry, status_error);
            if (status_error || !std::filesystem::exists(target)) {
                report(entry, std::filesystem::is_symlink(link) ? broken_link_reason(entry, status_error)
                                                                : "cannot read: " + status_error.message());
                continue;
            }
            if (std::filesystem::is_directory(target)) {
                if (!walked.insert(identity_of(entry)).second) {
                    report(entry, "symbolic link loop: leads back into a folder already walked");
                    continue;
                }
                pending.push_back(entry);
            } else if (std::filesystem::is_regular_file(target)) {
                if (!is_documentation(entry)) found.push_back(entry);
            } else {
                report(entry, "not a regular file");
            }
        }
        if (error) report(current, "cannot list folder: " + error.message());
    }
}

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
    for (const auto& [format, format_name] : format_table)
        if (format_name == name) return format;
    return std::nullopt;
}

std::string_view format_name(Format format) {
    for (const auto& [candidate, name] : format_table)
        if (candidate == format) return name;
    return "unknown";
}

const std::vector<std::string>& format_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> all;
        for (const auto& entry : format_table) all.emplace_back(entry.second);
        return all;
    }();
    return names;
}

Format detect_format(const std::filesystem::path& file) {
    std::string extension = extension_of(file);
    const bool compressed = extension == ".gz";
    if (compressed) extension = extension_of(file.stem());
    // The extensions that decide alone.
    if (!compressed) {
        if (extension == ".md" || extension == ".markdown") return Format::markdown;
        if (extension == ".nxml") return Format::jats;
        if (extension == ".html" || extension == ".htm" || extension == ".xhtml") return Format::html;
    }

    // Everything else is decided by the content.
    const std::string prefix = compressed ? read_decompressed_prefix(file, sniff_bytes) : read_prefix(file, sniff_bytes);
    if (trim(prefix).empty()) throw ParseError(file.string(), 0, "empty file");
    // A NUL byte in JSON Lines fails only its own line; anywhere else the file is not text.
    if (extension != ".jsonl") check_prefix_is_text(file, prefix);
    if (const auto format = detect_by_content(prefix, extension)) {
        if (compressed && *format != Format::pubmed)
            unknown_format(file, "a compressed file that is not PubMed XML", "pubmed for PubMed's .xml.gz files");
        return *format;
    }
    refuse(file, prefix, extension);
}

void read_articles(const std::filesystem::path& file, Format format, ArticleSink& next, const ReadOptions& options) {
    PassageSizeSink sink(next, options);
    switch (format) {
        case Format::json:
            read_json_lines(file, sink);
            return;
        case Format::beir:
            read_beir(file, sink, options.passage_size);
            return;
        case Format::page:
            sink.on_article(read_page(file, load_text_file(file)));
            return;
        case Format::markdown:
            sink.on_article(read_markdown(file, load_text_file(file)));
            return;
        case Format::medquad:
            sink.on_article(read_medquad(file, load_text_file(file), options.passage_size));
            return;
        case Format::pubmedqa:
            check_prefix_is_text(file, read_prefix(file, sniff_bytes));
            read_pubmedqa(file, sink);
            return;
        case Format::jats:
            read_jats(file, load_text_file(file), sink);
            return;
        case Format::pubmed:
            check_prefix_is_text(file, read_decompressed_prefix(file, sniff_bytes));
            read_pubmed(file, sink, options.passage_size);
            return;
        case Format::html:
            sink.on_article(read_html(file, load_text_file(file)));
            return;
    }
}

std::vector<std::filesystem::path> list_input_files(const std::vector<std::filesystem::path>& paths,
                                                    const WalkProblemHandler& on_problem) {
    auto report = [&](const std::filesystem::path& path, const std::string& reason) {
        const ParseError problem(path.string(), 0, reason);
        if (!on_problem) throw problem;
        on_problem(problem);
    };
    std::vector<std::filesystem::path> files;
    for (const std::filesystem::path& path : paths) {
        std::error_code error;
        const auto status = std::filesystem::status(path, error);
        if (error || !std::filesystem::exists(status)) {
            std::error_code ignored;
            const bool link = std::filesystem::is_symlink(std::filesystem::symlink_status(path, ignored));
            report(path, link ? broken_link_reason(path, error) : "no such file or directory");
            continue;
        }
        if (!std::filesystem::is_directory(status)) {
            files.push_back(path);
            continue;
        }
        std::vector<std::filesystem::path> found;
        walk_folder(path, found, report);
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

}  // namespace medsearch
