// Format names, detection, dispatch to the one reader per format, and the walk over input folders.
#include "readers/reader.h"

#include <algorithm>
#include <array>
#include <utility>

#include <nlohmann/json.hpp>

#include "readers/beir_reader.h"
#include "readers/input_file.h"
#include "readers/json_reader.h"
#include "readers/markdown_reader.h"
#include "readers/medquad_reader.h"
#include "readers/page_reader.h"
#include "readers/pubmedqa_reader.h"
#include "readers/text.h"

namespace medsearch {

namespace {

constexpr std::array<std::pair<Format, std::string_view>, 6> format_table = {{
    {Format::page, "page"},
    {Format::markdown, "markdown"},
    {Format::json, "json"},
    {Format::medquad, "medquad"},
    {Format::beir, "beir"},
    {Format::pubmedqa, "pubmedqa"},
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

// A JSON Lines file is BEIR when its first record has "_id". A first line longer than the sniffed
// prefix does not parse, so the key is then looked for in the text.
Format detect_json_lines(std::string_view prefix) {
    const std::string_view line = first_line(prefix);
    const nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (!record.is_discarded()) return record.is_object() && record.contains("_id") ? Format::beir : Format::json;
    return line.find("\"_id\"") != std::string_view::npos ? Format::beir : Format::json;
}

[[noreturn]] void unknown_format(const std::filesystem::path& file, const std::string& why) {
    throw ParseError(file.string(), 0, "unknown format: " + why + " (use --format)");
}

bool is_documentation(const std::filesystem::path& entry) {
    const std::string name = ascii_lower(entry.filename().string());
    for (std::string_view prefix : {"readme", "license", "notice", "copying"})
        if (name.starts_with(prefix)) return true;
    return false;
}

bool is_hidden(const std::filesystem::path& entry) { return entry.filename().string().starts_with('.'); }

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
    const std::string extension = extension_of(file);
    if (extension == ".md" || extension == ".markdown") return Format::markdown;
    const bool sniffed = extension == ".txt" || extension == ".xml" || extension == ".jsonl" || extension == ".json";
    if (!sniffed) unknown_format(file, "no reader for the extension '" + extension + "'");

    const std::string prefix = read_prefix(file, sniff_bytes);
    check_prefix_is_text(file, prefix);
    if (extension == ".txt") {
        if (looks_like_page(prefix)) return Format::page;
        unknown_format(file, "text without the sections or date of a saved article page");
    }
    if (extension == ".xml") {
        if (looks_like_medquad(prefix)) return Format::medquad;
        unknown_format(file, "XML whose root element is not MedQuAD's <Document>");
    }
    if (extension == ".jsonl") return detect_json_lines(prefix);
    if (looks_like_pubmedqa(prefix)) return Format::pubmedqa;
    unknown_format(file, "JSON that is not PubMedQA (an object of records with QUESTION and CONTEXTS)");
}

void read_articles(const std::filesystem::path& file, Format format, ArticleSink& sink, const ReadOptions& options) {
    switch (format) {
        case Format::json:
        case Format::beir: {
            check_prefix_is_text(file, read_prefix(file, sniff_bytes));
            if (format == Format::json) read_json_lines(file, sink);
            else read_beir(file, sink, options.passage_size);
            return;
        }
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
            read_pubmedqa(file, load_text_file(file), sink);
            return;
    }
}

std::vector<std::filesystem::path> list_input_files(const std::vector<std::filesystem::path>& paths) {
    std::vector<std::filesystem::path> files;
    for (const std::filesystem::path& path : paths) {
        std::error_code error;
        const auto status = std::filesystem::status(path, error);
        if (error || !std::filesystem::exists(status))
            throw ParseError(path.string(), 0, "no such file or directory");
        if (!std::filesystem::is_directory(status)) {
            files.push_back(path);
            continue;
        }
        std::vector<std::filesystem::path> found;
        for (auto it = std::filesystem::recursive_directory_iterator(path); it != std::filesystem::recursive_directory_iterator(); ++it) {
            if (is_hidden(it->path())) {
                if (it->is_directory()) it.disable_recursion_pending();
                continue;
            }
            if (it->is_regular_file() && !is_documentation(it->path())) found.push_back(it->path());
        }
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

}  // namespace medsearch
