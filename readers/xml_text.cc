#include "readers/xml_text.h"

#include <algorithm>
#include <iterator>

#include "common/errors.h"
#include "common/utf8.h"
#include "readers/text.h"

namespace medsearch {

namespace {

constexpr std::string_view word_separating_elements[] = {
    "p", "title", "label", "break", "caption", "list-item", "td", "th", "tr", "sec", "ref", "def", "term",
    "mixed-citation", "element-citation", "citation", "AbstractText", "Abstract", "Keyword", "DescriptorName",
    "QualifierName", "Question", "Answer", "Focus", "Synonym", "name", "collab", "kwd", "abstract",
};

}  // namespace

bool separates_words(std::string_view element_name) {
    return std::find(std::begin(word_separating_elements), std::end(word_separating_elements), element_name) !=
           std::end(word_separating_elements);
}

std::string_view xml_root_name(std::string_view prefix) {
    std::size_t at = 0;
    for (;;) {
        at = prefix.find('<', at);
        if (at == std::string_view::npos || at + 1 >= prefix.size()) return {};
        const std::string_view rest = prefix.substr(at);
        std::size_t end = std::string_view::npos;
        if (rest.starts_with("<!--")) {
            end = prefix.find("-->", at + 4);
            if (end != std::string_view::npos) end += 2;
        } else if (rest.starts_with("<?")) {
            end = prefix.find("?>", at + 2);
            if (end != std::string_view::npos) end += 1;
        } else if (rest.starts_with("<!")) {
            // A DOCTYPE, whose internal subset in [...] may hold '>'.
            const std::size_t subset = prefix.find_first_of("[>", at);
            end = subset != std::string_view::npos && prefix[subset] == '['
                      ? prefix.find('>', std::min(prefix.find(']', subset), prefix.size()))
                      : subset;
        } else {
            break;
        }
        if (end == std::string_view::npos) return {};
        at = end + 1;
    }
    const std::size_t name_end = prefix.find_first_of(" \t\r\n/>", at + 1);
    if (name_end == std::string_view::npos) return {};
    return prefix.substr(at + 1, name_end - at - 1);
}

void parse_xml(pugi::xml_document& document, const std::filesystem::path& file, std::string_view text,
               std::size_t first_line) {
    const pugi::xml_parse_result parsed =
        document.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
        const std::size_t offset = std::min(static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0)), text.size());
        throw ParseError(file.string(), first_line - 1 + line_of_offset(text, offset),
                         std::string("invalid XML: ") + parsed.description());
    }
}

std::size_t line_of_node(const pugi::xml_node& node, std::string_view text, std::size_t first_line) {
    const std::ptrdiff_t offset = node.offset_debug();
    if (offset < 0) return 0;
    return first_line - 1 + line_of_offset(text, std::min(static_cast<std::size_t>(offset), text.size()));
}

void walk_xml(const pugi::xml_node& root, const XmlVisitor& visitor) {
    pugi::xml_node node = root.first_child();
    while (node) {
        const bool descend = visitor.enter ? visitor.enter(node) : true;
        if (descend && node.first_child()) {
            node = node.first_child();
            continue;
        }
        if (descend && visitor.leave && node.type() == pugi::node_element) visitor.leave(node);
        // Up until a node with a next sibling, leaving each element on the way.
        while (node != root && !node.next_sibling()) {
            node = node.parent();
            if (node != root && visitor.leave) visitor.leave(node);
        }
        if (node == root) break;
        node = node.next_sibling();
    }
}

namespace {

std::string character_data(const pugi::xml_node& node, const std::function<bool(const pugi::xml_node&)>& skip,
                           bool separate_words) {
    std::string text;
    XmlVisitor visitor;
    visitor.enter = [&](const pugi::xml_node& child) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            text += child.value();
            return false;
        }
        if (child.type() != pugi::node_element || (skip && skip(child))) return false;
        if (separate_words && separates_words(child.name())) text += ' ';
        return true;
    };
    visitor.leave = [&](const pugi::xml_node& child) {
        if (separate_words && separates_words(child.name())) text += ' ';
    };
    walk_xml(node, visitor);
    return text;
}

}  // namespace

std::string xml_text(const pugi::xml_node& node, const std::function<bool(const pugi::xml_node&)>& skip) {
    return collapse_whitespace(character_data(node, skip, true));
}

std::string xml_character_data(const pugi::xml_node& node) { return character_data(node, {}, false); }

}  // namespace medsearch
