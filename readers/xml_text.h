// What the XML formats (medquad, jats, pubmed) share on top of pugixml: parsing a buffer into a document
// with errors that name the line, and walking a tree without recursion on its depth, so that no input,
// however deeply nested, can exhaust the stack.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace medsearch {

// Parses text (UTF-8, already checked) into document. Throws ParseError naming the file and the line
// (first_line is the line of the file that text starts on) for XML that does not parse.
void parse_xml(pugi::xml_document& document, const std::filesystem::path& file, std::string_view text,
               std::size_t first_line = 1);

// The 1-based line of the file where node starts; text is what was parsed, starting at first_line.
std::size_t line_of_node(const pugi::xml_node& node, std::string_view text, std::size_t first_line = 1);

// Visits every node below root in document order, without recursion. enter() is called for each node and
// says whether to visit its children; leave() is called for each element whose children were visited
// (after them). Neither is called for root itself.
struct XmlVisitor {
    std::function<bool(const pugi::xml_node&)> enter;
    std::function<void(const pugi::xml_node&)> leave;
};
void walk_xml(const pugi::xml_node& root, const XmlVisitor& visitor);

// All character data below node (text and CDATA), in document order, white space collapsed. Elements
// that lay out blocks or fields (<p>, <title>, <label>, <break/>, table cells, ...) are kept apart by a
// space; inline markup (<italic>, <sub>, <sup>, ...) joins its text to its neighbours ("IL-1<sup>β</sup>"
// reads "IL-1β"). Elements for which skip() is true are left out with their content.
std::string xml_text(const pugi::xml_node& node, const std::function<bool(const pugi::xml_node&)>& skip = {});

// All character data below node (text and CDATA) exactly as written, in document order: for formats whose
// layout lives in the text's own line breaks and spaces (MedQuAD answers).
std::string xml_character_data(const pugi::xml_node& node);

// The name of the root element at the start of an XML text (after the declaration, comments, processing
// instructions and the DOCTYPE), or "" when the prefix shows none.
std::string_view xml_root_name(std::string_view prefix);

// True for element names xml_text keeps apart by a space.
bool separates_words(std::string_view element_name);

}  // namespace medsearch
