// The web page's files (web/), built into the program so that it serves the page wherever it is
// installed. Requests name routes, never files: only these, by exact name.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace medsearch::server {

struct EmbeddedFile {
    std::string_view name;   // "index.html", "app.js", "style.css"
    std::string_view bytes;
};

// Every file of web/ (generated from the folder at build time by cmake/embed_files.cmake).
const std::vector<EmbeddedFile>& embedded_files();

// The file of that name, or nullptr.
const EmbeddedFile* find_embedded_file(std::string_view name);

// The Content-Type of a file by its extension.
std::string content_type_of(std::string_view name);

}  // namespace medsearch::server
