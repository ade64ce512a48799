#include "query/synonyms.h"

#include <algorithm>
#include <fstream>
#include <iterator>

#include "common/data_dir.h"
#include "common/errors.h"
#include "common/utf8.h"

namespace medsearch {

namespace {

std::string key_of(const std::vector<Concept>& concepts, std::size_t first, std::size_t length) {
    std::string key;
    for (std::size_t i = first; i < first + length; ++i) {
        if (i > first) key += '|';
        key += concept_key(concepts[i]);
    }
    return key;
}

// The terms of an expression with compounds taken apart: "G-CSF" and "G CSF" read alike.
std::string flat_key(const std::vector<Concept>& expression) {
    std::string key;
    for (const Concept& concept_ : expression)
        for (const std::string& term : concept_.terms.empty() ? std::vector<std::string>{concept_.joined} : concept_.terms)
            key += (key.empty() ? "" : " ") + term;
    return key;
}

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (std::size_t tab = line.find('\t'); ; tab = line.find('\t', start)) {
        std::string field = line.substr(start, tab == std::string::npos ? std::string::npos : tab - start);
        if (field.find_first_not_of(' ') != std::string::npos) fields.push_back(std::move(field));
        if (tab == std::string::npos) break;
        start = tab + 1;
    }
    return fields;
}

}  // namespace

std::string concept_key(const Concept& concept_) {
    if (!concept_.joined.empty()) return concept_.joined;
    std::string key;
    for (const std::string& term : concept_.terms) {
        if (!key.empty()) key += ' ';
        key += term;
    }
    return key;
}

void SynonymDictionary::add_set(const std::vector<std::string>& expressions, const Analyzer& analyzer) {
    // Analyse each expression; "GCSF" and "G-CSF" analyse alike and count once.
    std::vector<std::pair<std::string, std::vector<Concept>>> distinct;
    for (const std::string& text : expressions) {
        Question parsed = parse_question(text, analyzer);
        std::erase_if(parsed.concepts, [](const Concept& c) { return c.excluded; });
        if (parsed.concepts.empty()) continue;
        std::string key = key_of(parsed.concepts, 0, parsed.concepts.size());
        if (std::none_of(distinct.begin(), distinct.end(), [&](const auto& seen) { return seen.first == key; }))
            distinct.emplace_back(std::move(key), std::move(parsed.concepts));
    }
    if (distinct.size() < 2) return;  // a set of one names nothing new

    std::vector<std::size_t>& members = sets_.emplace_back();
    for (auto& [key, concepts] : distinct) {
        longest_ = std::max(longest_, concepts.size());
        members.push_back(expressions_.size());
        by_key_[key].push_back(expressions_.size());
        expressions_.push_back({std::move(concepts), sets_.size() - 1});
    }
}

void SynonymDictionary::load(const std::filesystem::path& file, const Analyzer& analyzer) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ParseError(file.string(), 0, "cannot open the synonym file");
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw ParseError(file.string(), 0, "cannot read the synonym file");
    load_text(text, file.string(), analyzer);
}

void SynonymDictionary::load_text(std::string_view text, const std::string& source, const Analyzer& analyzer) {
    std::size_t number = 0;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        std::string line(text.substr(start, end - start));
        start = end + 1;
        ++number;
        if (const auto bad = find_invalid_utf8(line)) throw ParseError(source, number, "invalid UTF-8");
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const std::size_t comment = line.find('#');
        if (comment != std::string::npos) line.erase(comment);
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        const std::vector<std::string> expressions = split_tabs(line);
        if (expressions.size() < 2)
            throw ParseError(source, number, "a synonym set needs two or more tab-separated expressions");
        add_set(expressions, analyzer);
    }
}

std::vector<SynonymMatch> SynonymDictionary::find(const std::vector<Concept>& concepts, std::size_t max_alternatives) const {
    std::vector<SynonymMatch> matches;
    for (std::size_t first = 0; first < concepts.size();) {
        std::size_t matched = 0;
        const std::vector<std::size_t>* found = nullptr;
        // The longest expression that starts here and covers no excluded or question-word concept.
        for (std::size_t length = std::min(longest_, concepts.size() - first); length > 0 && found == nullptr; --length) {
            if (std::any_of(concepts.begin() + static_cast<std::ptrdiff_t>(first),
                            concepts.begin() + static_cast<std::ptrdiff_t>(first + length),
                            [](const Concept& c) { return c.excluded || c.frame || c.referent; }))
                continue;
            const auto it = by_key_.find(key_of(concepts, first, length));
            if (it == by_key_.end()) continue;
            found = &it->second;
            matched = length;
        }
        if (found == nullptr) {
            ++first;
            continue;
        }
        // Each other name once, however many sets hold it or however it is spelt ("G-CSF", "GCSF").
        SynonymMatch match{first, matched, {}};
        std::vector<std::string> seen{flat_key({concepts.begin() + static_cast<std::ptrdiff_t>(first),
                                                concepts.begin() + static_cast<std::ptrdiff_t>(first + matched)})};
        for (const std::size_t expression : *found)
            for (const std::size_t other : sets_[expressions_[expression].set]) {
                if (match.alternatives.size() >= max_alternatives) break;
                const std::vector<Concept>& name = expressions_[other].concepts;
                std::string key = flat_key(name);
                if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
                seen.push_back(std::move(key));
                match.alternatives.push_back(&name);
            }
        matches.push_back(std::move(match));
        first += matched;
    }
    return matches;
}

std::vector<std::filesystem::path> bundled_synonym_files() {
    const std::filesystem::path folder = data_dir() / "synonyms";
    std::vector<std::filesystem::path> files;
    std::error_code ignored;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ignored))
        if (entry.path().extension() == ".tsv") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace medsearch
