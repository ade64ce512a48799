#include "server/web_assets.h"

#include <array>
#include <utility>

namespace medsearch::server {

const EmbeddedFile* find_embedded_file(std::string_view name) {
    for (const EmbeddedFile& file : embedded_files())
        if (file.name == name) return &file;
    return nullptr;
}

std::string content_type_of(std::string_view name) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kTypes{{
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".ico", "image/x-icon"},
    }};
    for (const auto& [extension, type] : kTypes)
        if (name.ends_with(extension)) return std::string(type);
    return "application/octet-stream";
}

}  // namespace medsearch::server
