// Writes a synonym file in the format SynonymDictionary::load reads (corpus/synonyms/README.md): a header
// of '#' comments, then one set per line, expressions separated by tabs.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace medsearch {

// The expression as it can stand in a file: white space folded to single spaces, trimmed; empty when it
// holds a '#' (the loader would read the rest of the line as a comment).
std::string writable_expression(const std::string& expression);

// Writes the file (replacing it). Expressions that are not writable are left out, and sets left with
// fewer than two expressions are skipped. Throws Error when the file cannot be written.
void write_synonym_file(const std::filesystem::path& file, const std::vector<std::string>& header,
                        const std::vector<std::vector<std::string>>& sets);

}  // namespace medsearch
