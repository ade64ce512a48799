#include "readers/html_reader.h"

#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <vector>

#include <gumbo.h>

#include "common/errors.h"
#include "common/utf8.h"
#include "readers/cited_text.h"
#include "readers/citations.h"
#include "readers/dates.h"
#include "readers/lead_in.h"
#include "readers/page_chrome.h"
#include "readers/text.h"

namespace medsearch {

namespace {

// ---- Limits, checked on the bytes before gumbo sees them ----------------------------------------------

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Elements that never hold others, and elements whose next sibling closes them, do not deepen a page.
constexpr std::array<std::string_view, 23> flat_elements = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    "param", "keygen", "p", "li", "dt", "dd", "tr", "td", "th", "option"};
// Elements whose content is text up to their end tag.
constexpr std::array<std::string_view, 6> raw_text_elements = {"script", "style", "textarea", "title", "xmp", "plaintext"};

// Where "</name" (any case) starts at or after from, or the end of the text.
std::size_t find_end_tag(std::string_view text, std::size_t from, std::string_view name) {
    for (std::size_t at = text.find("</", from); at != std::string_view::npos; at = text.find("</", at + 2))
        if (ascii_lower(text.substr(at + 2, name.size())) == name) return at;
    return text.size();
}

// An estimate of the nesting a parse would build, and the number of elements: start tags deepen, end
// tags close back to their element (if it is open), flat elements do not deepen. Comments and raw text
// (scripts, styles) are stepped over. Throws ParseError past the limits.
void check_html_shape(const std::filesystem::path& file, std::string_view text) {
    std::vector<std::string> open;
    std::size_t elements = 0;
    std::size_t i = 0;
    auto fail = [&](const std::string& reason) { throw ParseError(file.string(), line_of_offset(text, i), reason); };
    while ((i = text.find('<', i)) != std::string_view::npos) {
        const std::string_view rest = text.substr(i);
        if (rest.starts_with("<!--")) {
            const std::size_t end = text.find("-->", i + 4);
            i = end == std::string_view::npos ? text.size() : end + 3;
            continue;
        }
        const bool closing = rest.size() > 2 && rest[1] == '/';
        const std::size_t name_start = i + (closing ? 2 : 1);
        if (name_start >= text.size() || !is_ascii_letter(text[name_start])) {
            ++i;
            continue;
        }
        std::size_t name_end = name_start;
        while (name_end < text.size() && text[name_end] != '>' && text[name_end] != '/' && text[name_end] != ' ' &&
               text[name_end] != '\t' && text[name_end] != '\n' && text[name_end] != '\r')
            ++name_end;
        const std::string name = ascii_lower(text.substr(name_start, name_end - name_start));
        const std::size_t tag_end = std::min(text.find('>', name_end), text.size());
        if (closing) {
            const auto found = std::find(open.rbegin(), open.rend(), name);
            if (found != open.rend()) open.erase(std::next(found).base(), open.end());
        } else {
            if (++elements > max_html_elements)
                fail("more than " + std::to_string(max_html_elements) + " elements (not an article page)");
            const bool self_closing = tag_end > 0 && tag_end < text.size() && text[tag_end - 1] == '/';
            if (std::find(raw_text_elements.begin(), raw_text_elements.end(), name) != raw_text_elements.end()) {
                i = find_end_tag(text, tag_end, name);
                continue;
            }
            if (!self_closing && std::find(flat_elements.begin(), flat_elements.end(), name) == flat_elements.end()) {
                open.push_back(name);
                if (open.size() > max_html_depth)
                    fail("elements nested deeper than " + std::to_string(max_html_depth) + " levels");
            }
        }
        i = tag_end;
    }
}

// ---- The parsed tree -----------------------------------------------------------------------------------

struct GumboDeleter {
    void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

bool is_element(const GumboNode* node) {
    return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

GumboTag tag_of(const GumboNode* node) { return is_element(node) ? node->v.element.tag : GUMBO_TAG_UNKNOWN; }

const GumboVector& children_of(const GumboNode* node) {
    return node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
}

std::string_view attribute(const GumboNode* node, const char* name) {
    if (!is_element(node)) return {};
    const GumboAttribute* found = gumbo_get_attribute(&node->v.element.attributes, name);
    return found == nullptr ? std::string_view() : std::string_view(found->value);
}

std::size_t line_of(const GumboNode* node) {
    if (is_element(node)) return node->v.element.start_pos.line;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA || node->type == GUMBO_NODE_WHITESPACE)
        return node->v.text.start_pos.line;
    return 0;
}

// Visits the nodes below root in document order without recursion; enter says whether to descend,
// leave is called after an element's children.
template <typename Enter, typename Leave>
void walk(const GumboNode* root, Enter enter, Leave leave) {
    struct Step {
        const GumboNode* node;
        unsigned next;
    };
    std::vector<Step> stack{{root, 0}};
    while (!stack.empty()) {
        Step& step = stack.back();
        const GumboVector& children = children_of(step.node);
        if (step.next >= children.length) {
            if (stack.size() > 1) leave(step.node);
            stack.pop_back();
            continue;
        }
        const GumboNode* child = static_cast<const GumboNode*>(children.data[step.next++]);
        if (enter(child) && (is_element(child))) stack.push_back({child, 0});
    }
}

// Tokens of class and id, split at white space, '-' and '_', in lower case.
std::vector<std::string> name_tokens(const GumboNode* node) {
    std::vector<std::string> tokens;
    for (const char* name : {"class", "id"}) {
        const std::string value = ascii_lower(attribute(node, name));
        std::string token;
        for (char c : value + ' ') {
            if (c == ' ' || c == '\t' || c == '\n' || c == '-' || c == '_') {
                if (!token.empty()) tokens.push_back(std::move(token));
                token.clear();
            } else {
                token += c;
            }
        }
    }
    return tokens;
}

constexpr std::array<GumboTag, 21> chrome_tags = {
    GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE,  GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE, GUMBO_TAG_SVG,    GUMBO_TAG_MATH,
    GUMBO_TAG_CANVAS, GUMBO_TAG_IFRAME, GUMBO_TAG_OBJECT,   GUMBO_TAG_EMBED,    GUMBO_TAG_FORM,   GUMBO_TAG_BUTTON,
    GUMBO_TAG_INPUT,  GUMBO_TAG_SELECT, GUMBO_TAG_TEXTAREA, GUMBO_TAG_NAV,      GUMBO_TAG_ASIDE,  GUMBO_TAG_FOOTER,
    GUMBO_TAG_HEADER, GUMBO_TAG_MENU,   GUMBO_TAG_HEAD};
constexpr std::array<std::string_view, 11> chrome_roles = {"navigation", "banner", "contentinfo", "complementary",
                                                           "search", "dialog", "alertdialog", "menu", "menubar",
                                                           "toolbar", "tablist"};
// Words of class names and ids that mark chrome: "cookie-banner", "site-nav", "share-buttons", ...
constexpr std::array<std::string_view, 31> chrome_words = {
    "cookie", "cookies", "consent", "gdpr", "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs",
    "sidebar", "share", "sharing", "social", "newsletter", "subscribe", "advert", "advertisement", "ad", "ads",
    "promo", "banner", "popup", "modal", "toolbar", "related", "comments", "followup", "skip", "personalize",
    "disclaimer"};

// The name of an element gumbo has no tag for ("dialog"), from its start tag as written.
std::string unknown_tag_name(const GumboNode* node) {
    const GumboStringPiece& tag = node->v.element.original_tag;
    std::string name;
    for (std::size_t i = 1; i < tag.length && is_ascii_letter(tag.data[i]); ++i) name += tag.data[i];
    return ascii_lower(name);
}

bool is_chrome(const GumboNode* node) {
    if (!is_element(node)) return false;
    if (std::find(chrome_tags.begin(), chrome_tags.end(), tag_of(node)) != chrome_tags.end()) return true;
    if (tag_of(node) == GUMBO_TAG_UNKNOWN && unknown_tag_name(node) == "dialog") return true;
    if (gumbo_get_attribute(&node->v.element.attributes, "hidden") != nullptr) return true;
    if (attribute(node, "aria-hidden") == "true") return true;
    const std::string style = ascii_lower(attribute(node, "style"));
    if (style.find("display:none") != std::string::npos || style.find("display: none") != std::string::npos) return true;
    const std::string role = ascii_lower(attribute(node, "role"));
    if (std::find(chrome_roles.begin(), chrome_roles.end(), role) != chrome_roles.end()) return true;
    for (const std::string& token : name_tokens(node))
        if (std::find(chrome_words.begin(), chrome_words.end(), token) != chrome_words.end()) return true;
    return false;
}

int heading_level(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_H1: return 1;
        case GUMBO_TAG_H2: return 2;
        case GUMBO_TAG_H3: return 3;
        case GUMBO_TAG_H4: return 4;
        case GUMBO_TAG_H5: return 5;
        case GUMBO_TAG_H6: return 6;
        default: return 0;
    }
}

// Elements that start and end a block of text of their own.
bool is_block(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
        case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_DL:
        case GUMBO_TAG_ADDRESS: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_CENTER:
        case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_HR: case GUMBO_TAG_BODY:
        case GUMBO_TAG_FIELDSET: case GUMBO_TAG_LEGEND:
            return true;
        default:
            return false;
    }
}

// The text below node as a reader sees it, chrome left out, white space collapsed.
std::string text_of(const GumboNode* node) {
    std::string text;
    walk(
        node,
        [&](const GumboNode* child) {
            if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA || child->type == GUMBO_NODE_WHITESPACE)
                text += child->v.text.text;
            else if (tag_of(child) == GUMBO_TAG_BR || is_block(tag_of(child)))
                text += ' ';
            return is_element(child) && !is_chrome(child);
        },
        [&](const GumboNode* child) {
            if (is_block(tag_of(child))) text += ' ';
        });
    return collapse_whitespace(text);
}

// The first element of the tag below root; with skip_chrome, not one inside chrome.
const GumboNode* first_element(const GumboNode* root, GumboTag tag, bool skip_chrome = false) {
    const GumboNode* found = nullptr;
    walk(
        root,
        [&](const GumboNode* child) {
            if (found != nullptr || !is_element(child) || (skip_chrome && is_chrome(child))) return false;
            if (tag_of(child) == tag) found = child;
            return found == nullptr;
        },
        [](const GumboNode*) {});
    return found;
}

bool is_reference_heading(std::string_view title) {
    static constexpr std::array<std::string_view, 9> titles = {
        "references", "reference list", "sources", "bibliography", "works cited", "citations",
        "literature cited", "literature", "notes and references"};
    std::string lower = ascii_lower(title);
    while (!lower.empty() && (lower.back() == ':' || lower.back() == '.')) lower.pop_back();
    return std::find(titles.begin(), titles.end(), lower) != titles.end();
}

bool is_reference_container(const GumboNode* node) {
    static constexpr std::array<std::string_view, 5> words = {"references", "reflist", "bibliography", "refs", "citations"};
    for (const std::string& token : name_tokens(node))
        if (std::find(words.begin(), words.end(), token) != words.end()) return true;
    return false;
}

// ---- The reader ----------------------------------------------------------------------------------------

class HtmlReader {
public:
    HtmlReader(const std::filesystem::path& file, const GumboOutput& output) : file_(file), output_(output) {}

    Article read() {
        article_.id = article_id_from_file_name(file_);
        article_.origin = file_.string();
        article_.source = "html";
        read_head();
        // The title: the article's <h1>, else the page's first one outside its chrome, else <title>.
        const GumboNode* root = content_root();
        title_node_ = first_element(root, GUMBO_TAG_H1, true);
        if (title_node_ == nullptr) title_node_ = first_element(output_.root, GUMBO_TAG_H1, true);
        if (title_node_ != nullptr) article_.title = text_of(title_node_);
        if (article_.title.empty()) article_.title = page_title();
        if (article_.title.empty()) throw ParseError(file_.string(), 0, "a page without a title (<h1> or <title>)");
        find_updated();
        read_content(root);
        return std::move(article_);
    }

private:
    // <link rel=canonical>, Open Graph and the citation_* tags journals put in <head>.
    void read_head() {
        const GumboNode* head = first_element(output_.root, GUMBO_TAG_HEAD);
        if (head == nullptr) return;
        walk(
            head,
            [&](const GumboNode* node) {
                if (tag_of(node) == GUMBO_TAG_LINK && ascii_lower(attribute(node, "rel")) == "canonical")
                    article_.url = collapse_whitespace(attribute(node, "href"));
                if (tag_of(node) != GUMBO_TAG_META) return is_element(node);
                std::string name = ascii_lower(attribute(node, "name"));
                if (name.empty()) name = ascii_lower(attribute(node, "property"));
                const std::string content = collapse_whitespace(attribute(node, "content"));
                if (content.empty()) return false;
                if (name == "og:url" && article_.url.empty()) article_.url = content;
                else if (name == "og:site_name") article_.source = content;
                else if (name == "citation_pmid") article_.pmid = content;
                else if (name == "citation_doi") article_.doi = content.starts_with("doi:") ? content.substr(4) : content;
                else if (name == "citation_journal_title") article_.journal = content;
                else if (name == "citation_publication_date" || name == "citation_date")
                    article_.published = date_from(content);
                else if (name == "article:modified_time" && article_.updated.empty()) article_.updated = content.substr(0, 10);
                return false;
            },
            [](const GumboNode*) {});
    }

    // "2011/08/02", "2011-08-02", "2011": the date as far as it reads.
    static std::string date_from(std::string_view value) {
        std::vector<std::string> parts(1);
        for (char c : value) {
            if (c == '/' || c == '-' || c == ' ') parts.emplace_back();
            else parts.back() += c;
        }
        parts.resize(3);
        return iso_date_of(parts[0], parts[1], parts[2]);
    }

    // <title> without the site's name after " | ".
    std::string page_title() const {
        const GumboNode* title = first_element(output_.root, GUMBO_TAG_TITLE);
        if (title == nullptr) return {};
        std::string text = text_of(title);
        if (const std::size_t bar = text.rfind(" | "); bar != std::string::npos && bar > 0) text.resize(bar);
        return text;
    }

    // The "Last updated: April 9, 2025" line, wherever the page shows it.
    void find_updated() {
        if (!article_.updated.empty()) return;
        walk(
            output_.root,
            [&](const GumboNode* node) {
                if (!article_.updated.empty()) return false;
                if (node->type == GUMBO_NODE_TEXT && is_updated_line(trim(node->v.text.text))) {
                    // The line may go on in the elements after the label ("<time>April 9, 2025</time>").
                    const GumboNode* block = node->parent;
                    while (block != nullptr && is_element(block) && !is_block(tag_of(block)) &&
                           tag_of(block) != GUMBO_TAG_HEADER && tag_of(block) != GUMBO_TAG_SPAN)
                        block = block->parent;
                    article_.updated = updated_date(text_of(block != nullptr ? block : node->parent));
                }
                return is_element(node);
            },
            [](const GumboNode*) {});
    }

    // The article's own part of the page: the <article> with the most text, else <main>, else <body>.
    const GumboNode* content_root() const {
        const GumboNode* best = nullptr;
        std::size_t best_size = 0;
        const GumboNode* main = nullptr;
        walk(
            output_.root,
            [&](const GumboNode* node) {
                if (!is_element(node) || is_chrome(node)) return false;
                if (tag_of(node) == GUMBO_TAG_ARTICLE) {
                    const std::size_t size = text_of(node).size();
                    if (size > best_size) best = node, best_size = size;
                    return false;
                }
                if (main == nullptr && (tag_of(node) == GUMBO_TAG_MAIN || attribute(node, "role") == "main")) main = node;
                return true;
            },
            [](const GumboNode*) {});
        if (best != nullptr) return best;
        if (main != nullptr) return main;
        const GumboNode* body = first_element(output_.root, GUMBO_TAG_BODY);
        return body != nullptr ? body : output_.root;
    }

    struct ListContext {
        std::string lead_in;
        int next_number = 1;  // for references in an <ol>
    };

    void read_content(const GumboNode* root) {
        walk(
            root, [&](const GumboNode* node) { return enter(node); }, [&](const GumboNode* node) { leave(node); });
        flush();
    }

    bool enter(const GumboNode* node) {
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA || node->type == GUMBO_NODE_WHITESPACE) {
            add_text(node->v.text.text, node);
            return false;
        }
        if (!is_element(node) || is_chrome(node)) return false;
        const GumboTag tag = tag_of(node);
        if (const int level = heading_level(tag); level > 0) {
            flush();
            if (node != title_node_) start_heading(level, text_of(node));
            return false;
        }
        if (tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_FIGURE) {
            flush();
            const GumboNode* caption = first_element(node, tag == GUMBO_TAG_TABLE ? GUMBO_TAG_CAPTION : GUMBO_TAG_FIGCAPTION);
            if (caption != nullptr) add_caption(caption);
            return false;  // the table's numbers and the figure's image are not passages
        }
        if (tag == GUMBO_TAG_FIGCAPTION || tag == GUMBO_TAG_CAPTION) {
            flush();
            add_caption(node);
            return false;
        }
        if (tag == GUMBO_TAG_BR) {
            // Two line breaks in a row end a paragraph; one is a space.
            if (last_was_break_) flush();
            else add_text(" ", node);
            last_was_break_ = true;
            return false;
        }
        if (tag == GUMBO_TAG_SUP || (tag == GUMBO_TAG_A && attribute(node, "href").starts_with("#"))) {
            const std::string shown = text_of(node);
            if (!shown.empty() && !numeric_marker(shown).empty() && references_level_ == 0 && reference_scopes_ == 0) {
                if (text_.empty()) text_line_ = line_of(node);
                text_.add_citation(numeric_marker(shown), shown);
                return false;
            }
        }
        if (tag == GUMBO_TAG_A && link_.empty()) {
            const std::string_view href = attribute(node, "href");
            if (href.starts_with("http://") || href.starts_with("https://")) link_ = identifier_at(href);
        }
        if (is_reference_container(node)) ++reference_scopes_;
        if (is_block(tag)) block_start(node);
        return true;
    }

    void leave(const GumboNode* node) {
        const GumboTag tag = tag_of(node);
        if (is_block(tag)) block_end(node);
        if (is_reference_container(node)) --reference_scopes_;
    }

    void block_start(const GumboNode* node) {
        const GumboTag tag = tag_of(node);
        if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) {
            // The list's lead-in: in a list item, the item's own text before it; else the shared rule.
            const bool nested = items_open_ > 0;
            const std::string before = flush();
            ListContext list;
            list.lead_in = nested && !before.empty() ? last_sentence(before) : list_lead_in(article_, section_, heading());
            const std::string_view start = attribute(node, "start");
            if (!start.empty() && start.find_first_not_of("0123456789") == std::string_view::npos && start.size() < 6)
                list.next_number = std::stoi(std::string(start));
            lists_.push_back(std::move(list));
            return;
        }
        flush();
        if (tag == GUMBO_TAG_LI) {
            ++items_open_;
            if (!lists_.empty()) {
                const std::string_view value = attribute(node, "value");
                if (!value.empty() && value.find_first_not_of("0123456789") == std::string_view::npos && value.size() < 6)
                    lists_.back().next_number = std::stoi(std::string(value));
                item_number_ = lists_.back().next_number++;
            }
        }
    }

    void block_end(const GumboNode* node) {
        flush();
        const GumboTag tag = tag_of(node);
        if ((tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) && !lists_.empty()) lists_.pop_back();
        if (tag == GUMBO_TAG_LI && items_open_ > 0) --items_open_;
    }

    void start_heading(int level, const std::string& title) {
        if (title.empty()) return;
        if (footer_level_ > 0 && level <= footer_level_) footer_level_ = 0;
        if (references_level_ > 0 && level <= references_level_) references_level_ = 0;
        if (is_footer_line(title) || is_chrome_line(title)) {
            footer_level_ = level;
            return;
        }
        if (is_reference_heading(title)) {
            references_level_ = level;
            return;
        }
        if (level <= 2) {
            section_ = title;
            headings_.clear();
        } else {
            headings_.resize(static_cast<std::size_t>(level - 3));
            headings_.push_back(title);
        }
    }

    std::string heading() const {
        std::string joined;
        for (const std::string& title : headings_) {
            if (title.empty()) continue;
            if (!joined.empty()) joined += " \xE2\x80\xBA ";  // " › "
            joined += title;
        }
        return joined;
    }

    void add_text(std::string_view text, const GumboNode* node) {
        if (trim(text).empty() && text_.empty()) return;
        if (!trim(text).empty()) last_was_break_ = false;
        if (text_.empty()) text_line_ = line_of(node);
        text_.add_text(text);
    }

    void add_caption(const GumboNode* caption) {
        Passage passage;
        passage.section = section_;
        passage.heading = heading();
        passage.kind = PassageKind::caption;
        passage.text = text_of(caption);
        passage.citations = take_bracket_citations(passage.text);
        passage.line = line_of(caption);
        if (footer_level_ == 0) append_passage(article_, std::move(passage));
    }

    // Ends the block of text being collected and files it: as a reference, as chrome to drop, or as a
    // passage. Returns the passage's text ("" when nothing was added).
    std::string flush() {
        last_was_break_ = false;
        if (text_.empty()) return {};
        CitedText::Result result = text_.finish();
        text_.clear();
        std::string link = std::move(link_);
        link_.clear();
        std::string& text = result.text;
        if (text.empty() || footer_level_ > 0) return {};
        if (references_level_ > 0 || reference_scopes_ > 0) {
            add_reference(text, link);
            return {};
        }
        if (is_updated_line(text)) return {};
        if (is_chrome_line(text)) return {};
        if (is_footer_line(text)) {
            footer_level_ = 7;  // to the next heading of any level
            return {};
        }
        for (int number : take_bracket_citations(text)) add_citation(result.citations, number);
        Passage passage;
        passage.section = section_;
        passage.heading = heading();
        passage.kind = items_open_ > 0 ? PassageKind::bullet : PassageKind::paragraph;
        if (passage.kind == PassageKind::bullet && !lists_.empty()) passage.lead_in = lists_.back().lead_in;
        passage.text = text;
        passage.citations = std::move(result.citations);
        passage.line = text_line_;
        append_passage(article_, std::move(passage));
        return text;
    }

    // An entry of the reference list: numbered by its own "12." or "[12]", else by its place in the list.
    void add_reference(std::string text, const std::string& link) {
        int number = items_open_ > 0 ? item_number_ : static_cast<int>(article_.references.size() + 1);
        std::size_t digits = text.starts_with('[') ? 1 : 0;
        const std::size_t start = digits;
        while (digits < text.size() && digits - start < 4 && text[digits] >= '0' && text[digits] <= '9') ++digits;
        if (digits > start && digits < text.size() && (text[digits] == '.' || text[digits] == ']' || text[digits] == ')')) {
            number = std::stoi(text.substr(start, digits - start));
            text = collapse_whitespace(text.substr(digits + 1));
        }
        Reference reference = parse_reference(number, text);
        if (reference.url.empty()) reference.url = link;
        article_.references.push_back(std::move(reference));
    }

    const std::filesystem::path& file_;
    const GumboOutput& output_;
    Article article_;
    const GumboNode* title_node_ = nullptr;
    std::string section_;
    std::vector<std::string> headings_;  // sub-headings of levels 3, 4, ... in force
    std::vector<ListContext> lists_;
    int items_open_ = 0;
    int item_number_ = 0;
    int footer_level_ = 0;      // > 0: inside chrome opened by a heading of that level
    int references_level_ = 0;  // > 0: inside a reference list opened by a heading of that level
    int reference_scopes_ = 0;  // elements named as reference lists ("references") open
    bool last_was_break_ = false;
    CitedText text_;
    std::size_t text_line_ = 0;
    std::string link_;          // the first outside link of the block
};

}  // namespace

bool looks_like_html(std::string_view prefix) {
    std::string_view rest = trim(prefix);
    while (rest.starts_with("<!--")) {
        const std::size_t end = rest.find("-->");
        if (end == std::string_view::npos) return false;
        rest = trim(rest.substr(end + 3));
    }
    if (rest.starts_with("<?xml")) rest = trim(rest.substr(std::min(rest.find("?>") + 2, rest.size())));
    const std::string start = ascii_lower(rest.substr(0, 14));
    return start.starts_with("<!doctype html") || start.starts_with("<html");
}

Article read_html(const std::filesystem::path& file, std::string_view text) {
    check_html_shape(file, text);
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // a parse keeps no error records: broken pages cost no more than good ones
    const std::unique_ptr<GumboOutput, GumboDeleter> output(
        gumbo_parse_with_options(&options, text.data(), text.size()));
    if (!output) throw ParseError(file.string(), 0, "HTML parser failed");
    return HtmlReader(file, *output).read();
}

}  // namespace medsearch
