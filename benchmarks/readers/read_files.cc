// read_files: streams files through medsearch's readers without indexing them, and prints what they
// hold: one line of counts, or with --json every article as a record of the `json` format (one per line,
// so the output reads back with `medsearch index --format json`). benchmarks/reader_memory.sh measures the
// readers' peak memory with it.
//   read_files [--format NAME] [--json] PATH...
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "readers/reader.h"

namespace {

using medsearch::Article;
using medsearch::Passage;

nlohmann::json record_of(const Article& article) {
    nlohmann::json record = {{"id", article.id},           {"title", article.title},   {"url", article.url},
                             {"source", article.source},   {"updated", article.updated},
                             {"synonyms", article.synonyms}, {"pmid", article.pmid},   {"pmcid", article.pmcid},
                             {"doi", article.doi},         {"published", article.published},
                             {"journal", article.journal}, {"mesh", article.mesh}};
    nlohmann::json passages = nlohmann::json::array();
    for (const Passage& passage : article.passages)
        passages.push_back({{"section", passage.section}, {"heading", passage.heading}, {"kind", medsearch::passage_kind_name(passage.kind)},
                            {"text", passage.text}, {"lead_in", passage.lead_in}, {"citations", passage.citations},
                            {"group", passage.group}});
    record["passages"] = std::move(passages);
    nlohmann::json references = nlohmann::json::array();
    for (const medsearch::Reference& reference : article.references)
        references.push_back({{"number", reference.number}, {"text", reference.text}, {"pmid", reference.pmid},
                              {"doi", reference.doi}, {"url", reference.url}});
    record["references"] = std::move(references);
    return record;
}

class CountingSink : public medsearch::ArticleSink {
public:
    explicit CountingSink(bool json) : json_(json) {}
    void on_article(Article&& article) override {
        ++articles;
        passages += article.passages.size();
        references += article.references.size();
        if (json_) std::cout << record_of(article).dump() << "\n";
    }
    void on_error(const medsearch::ParseError& error) override {
        ++errors;
        std::cerr << "read_files: " << error.what() << "\n";
    }
    void on_delete(const std::string& id, const std::string& origin, std::size_t line) override {
        ++deleted;
        if (json_) std::cerr << "read_files: " << origin << ":" << line << ": delete " << id << "\n";
    }
    std::size_t articles = 0, passages = 0, references = 0, errors = 0, deleted = 0;

private:
    bool json_;
};

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::filesystem::path> paths;
    std::optional<medsearch::Format> format;
    bool json = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--json") json = true;
        else if (arg == "--format" && i + 1 < argc) format = medsearch::parse_format(argv[++i]);
        else paths.emplace_back(arg);
    }
    if (paths.empty()) {
        std::cerr << "usage: read_files [--format NAME] [--json] PATH...\n";
        return 2;
    }
    CountingSink sink(json);
    const auto files = medsearch::list_input_files(paths, [&](const medsearch::ParseError& problem) { sink.on_error(problem); });
    for (const auto& file : files) {
        try {
            medsearch::read_articles(file, format ? *format : medsearch::detect_format(file), sink);
        } catch (const medsearch::ParseError& error) {
            sink.on_error(error);
        }
    }
    std::fprintf(stderr, "%zu files, %zu articles, %zu passages, %zu references, %zu deleted, %zu errors\n", files.size(),
                 sink.articles, sink.passages, sink.references, sink.deleted, sink.errors);
    return sink.errors > 0 ? 3 : 0;
}
