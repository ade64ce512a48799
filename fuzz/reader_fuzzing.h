// What every reader's libFuzzer target does (fuzz/NAME_fuzzer.cc): the bytes become a file, which is
// detected and read in the target's format through readers/reader.h, exactly as `medsearch index` reads it.
// A crash, a sanitizer report, an exception other than ParseError, or an article that breaks the record's
// promises (a passage without text, text that is not UTF-8, a citation that is not a positive number) is
// a finding.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "common/utf8.h"
#include "readers/reader.h"

namespace medsearch::fuzz {

class CheckingSink : public ArticleSink {
public:
    void on_article(Article&& article) override {
        if (article.id.empty()) std::abort();
        for (const Passage& passage : article.passages) {
            if (passage.text.empty() || find_invalid_utf8(passage.text) || find_invalid_utf8(passage.section) ||
                find_invalid_utf8(passage.heading) || find_invalid_utf8(passage.lead_in))
                std::abort();
            for (int citation : passage.citations)
                if (citation <= 0) std::abort();
        }
        if (find_invalid_utf8(article.title)) std::abort();
    }
    void on_error(const ParseError&) override {}
    void on_delete(const std::string& id, const std::string&, std::size_t) override {
        if (id.empty()) std::abort();
    }
};

// The file the bytes are written to: one per process, with the extension the format's files carry.
inline std::filesystem::path input_file(const char* extension) {
    const std::filesystem::path folder = std::filesystem::exists("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
    static const std::filesystem::path file =
        folder / ("medsearch-fuzz-" + std::to_string(::getpid()) + "-input" + extension);
    static const bool removed_at_exit = [] {
        std::atexit([] {
            std::error_code ignored;
            std::filesystem::remove(file, ignored);
        });
        return true;
    }();
    (void)removed_at_exit;
    return file;
}

inline int read_as(Format format, const char* extension, const std::uint8_t* data, std::size_t size) {
    const std::filesystem::path file = input_file(extension);
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    try {
        detect_format(file);
    } catch (const ParseError&) {
    }
    CheckingSink sink;
    try {
        read_articles(file, format, sink);
    } catch (const ParseError&) {
    }
    return 0;
}

}  // namespace medsearch::fuzz
