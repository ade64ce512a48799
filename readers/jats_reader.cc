#include "readers/jats_reader.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "common/errors.h"
#include "readers/cited_text.h"
#include "readers/citations.h"
#include "readers/dates.h"
#include "readers/lead_in.h"
#include "readers/text.h"
#include "readers/xml_text.h"

namespace medsearch {

namespace {

bool is_named(const pugi::xml_node& node, std::string_view name) {
    return node.type() == pugi::node_element && name == node.name();
}

template <std::size_t N>
bool name_in(const pugi::xml_node& node, const std::array<std::string_view, N>& names) {
    return node.type() == pugi::node_element &&
           std::find(names.begin(), names.end(), std::string_view(node.name())) != names.end();
}

// Blocks that are not passages: formulas, tables of numbers, media, and matter outside the running text.
constexpr std::array<std::string_view, 22> skipped_blocks = {
    "disp-formula", "disp-formula-group", "table", "graphic", "media", "alternatives", "preformat", "code",
    "ref-list", "fn-group", "fn", "glossary", "notes", "ack", "title", "label", "sec-meta", "object-id",
    "array", "chem-struct-wrap", "permissions", "attrib"};
// Blocks whose passages are captions.
constexpr std::array<std::string_view, 5> captioned_blocks = {"fig", "table-wrap", "supplementary-material",
                                                              "fig-group", "table-wrap-group"};
// Inline elements whose content is not text a reader reads as part of the sentence.
constexpr std::array<std::string_view, 9> skipped_inline = {"fn", "inline-graphic", "tex-math", "annotation",
                                                            "alt-text", "object-id", "private-char", "target",
                                                            "inline-supplementary-material"};
// Every element that starts a block when it stands in a paragraph.
constexpr std::array<std::string_view, 15> block_elements = {
    "p", "sec", "list", "list-item", "def-list", "boxed-text", "disp-quote", "speech", "statement",
    "verse-group", "fig", "table-wrap", "supplementary-material", "fig-group", "table-wrap-group"};

// A block that ends the paragraph it stands in (the text after it is a paragraph of its own). Formulas,
// tables and media inside a paragraph are left out without breaking it: they stand mid-sentence.
bool is_block(const pugi::xml_node& node) { return name_in(node, block_elements); }

// A section or list title without the colon some abstracts end it with ("Background:").
std::string title_of(const pugi::xml_node& node) {
    std::string title = xml_text(node.child("title"));
    while (!title.empty() && (title.back() == ':' || title.back() == '.')) title.pop_back();
    return collapse_whitespace(title);
}

// "2010-11-02" from <day>, <month> (number or name) and <year>, as far as they are given.
std::string iso_date(const pugi::xml_node& date) {
    return iso_date_of(xml_text(date.child("year")), xml_text(date.child("month")), xml_text(date.child("day")));
}

// "Surname GN" for a <name>, the text of a <string-name> or <collab>.
std::string person_of(const pugi::xml_node& node) {
    if (!is_named(node, "name")) return xml_text(node);
    std::string person = xml_text(node.child("surname"));
    for (std::string_view part : {"given-names", "suffix"})
        if (std::string value = xml_text(node.child(part.data())); !value.empty()) person += (person.empty() ? "" : " ") + value;
    return person;
}

// The authors of a citation: "Avery SV, Smith J, et al".
std::string authors_of(const pugi::xml_node& citation) {
    std::string authors;
    auto add = [&](const std::string& person) {
        if (!person.empty()) authors += (authors.empty() ? "" : ", ") + person;
    };
    auto add_people = [&](const pugi::xml_node& holder) {
        for (const pugi::xml_node& child : holder.children()) {
            if (is_named(child, "name") || is_named(child, "string-name") || is_named(child, "collab")) add(person_of(child));
            else if (is_named(child, "etal")) add("et al");
        }
    };
    for (const pugi::xml_node& group : citation.children("person-group")) {
        const std::string_view type = group.attribute("person-group-type").value();
        if (type.empty() || type == "author") add_people(group);
    }
    add_people(citation);
    return authors;
}

// The citation's words as written, with a space where two fields meet without text between them
// ("Rich KM", "Am J Trop Med Hyg 83"); the ids (<pub-id>) are left out, being fields of their own.
std::string citation_words(const pugi::xml_node& citation) {
    std::string text;
    walk_xml(citation, {[&](const pugi::xml_node& node) {
                            if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
                                text += node.value();
                                return false;
                            }
                            if (node.type() != pugi::node_element || is_named(node, "pub-id")) return false;
                            if (node.previous_sibling().type() == pugi::node_element) text += ' ';
                            return true;
                        },
                        {}});
    return collapse_whitespace(text);
}

// A reference's text. A citation the publisher wrote out with its punctuation (a <mixed-citation> with
// text between its fields) is read as written; one given as bare fields (<element-citation>, and
// <mixed-citation>s without punctuation) is written out as "Authors. Title. Source. Year;Volume(Issue):
// First–last."
std::string citation_text(const pugi::xml_node& citation) {
    bool punctuated = false;
    for (const pugi::xml_node& child : citation.children())
        if (child.type() == pugi::node_pcdata && !trim(child.value()).empty()) punctuated = true;
    const bool has_fields = citation.child("article-title") || citation.child("source");
    if (punctuated || !has_fields) return citation_words(citation);

    std::string text = authors_of(citation);
    auto sentence = [&](std::string part) {
        while (!part.empty() && part.back() == '.') part.pop_back();
        if (part.empty()) return;
        if (!text.empty()) text += text.ends_with('?') || text.ends_with('!') ? " " : ". ";
        text += part;
    };
    sentence(xml_text(citation.child("article-title")));
    sentence(xml_text(citation.child("chapter-title")));
    std::string source = xml_text(citation.child("source"));
    if (!source.empty() && citation.child("chapter-title")) source = "In: " + source;
    sentence(source);
    std::string publisher = xml_text(citation.child("publisher-name"));
    if (std::string place = xml_text(citation.child("publisher-loc")); !place.empty() && !publisher.empty())
        publisher = place + ": " + publisher;
    sentence(publisher);
    std::string where = xml_text(citation.child("year"));
    if (std::string volume = xml_text(citation.child("volume")); !volume.empty()) where += ";" + volume;
    if (std::string issue = xml_text(citation.child("issue")); !issue.empty()) where += "(" + issue + ")";
    std::string pages = xml_text(citation.child("fpage"));
    if (std::string last = xml_text(citation.child("lpage")); !last.empty() && !pages.empty()) pages += "\xE2\x80\x93" + last;
    if (pages.empty()) pages = xml_text(citation.child("elocation-id"));
    if (!pages.empty()) where += ":" + pages;
    sentence(where);
    if (!text.empty() && !text.ends_with('?') && !text.ends_with('!')) text += '.';
    return text;
}

Reference reference_of(const pugi::xml_node& ref) {
    Reference reference;
    pugi::xml_node citation;
    walk_xml(ref, {[&](const pugi::xml_node& node) {
                       if (citation || node.type() != pugi::node_element) return false;
                       const std::string_view name = node.name();
                       if (name == "mixed-citation" || name == "element-citation" || name == "citation" ||
                           name == "nlm-citation")
                           citation = node;
                       return !citation;
                   },
                   {}});
    if (!citation) citation = ref;
    reference.text = citation_text(citation);
    walk_xml(citation, {[&](const pugi::xml_node& node) {
                            if (node.type() != pugi::node_element) return false;
                            const std::string_view name = node.name();
                            const std::string_view type = node.attribute("pub-id-type").value();
                            if (name == "pub-id" && type == "pmid" && reference.pmid.empty()) reference.pmid = digits_of(xml_text(node));
                            else if (name == "pub-id" && type == "doi" && reference.doi.empty()) reference.doi = xml_text(node);
                            else if ((name == "ext-link" || name == "uri") && reference.url.empty()) {
                                std::string href = node.attribute("xlink:href").value();
                                if (href.empty()) href = xml_text(node);
                                if (href.starts_with("http://") || href.starts_with("https://")) reference.url = identifier_at(href);
                            }
                            return true;
                        },
                        {}});
    fill_reference_ids(reference, citation_words(citation));
    return reference;
}

// One block of the article being walked: a container of blocks (body, sec, list, boxed-text, ...) or a
// paragraph that collects inline text (p, list-item without p, def-item).
struct Frame {
    pugi::xml_node node;
    pugi::xml_node next;            // the next child to look at
    std::size_t path_size = 0;      // section titles in force when the frame opened
    PassageKind kind = PassageKind::paragraph;
    std::string lead_in;            // for bullets
    bool collects_inline = false;
    bool is_list_item = false;
    CitedText text;                 // inline content collected so far
    pugi::xml_node text_start;      // where the collected content starts (for its line)
    std::vector<pugi::xml_node> floats;  // figures and tables anchored in the paragraph, captioned after it
};

class JatsReader {
public:
    JatsReader(const std::filesystem::path& file, std::string_view text) : file_(file), text_(text) {}

    Article read(const pugi::xml_node& root) {
        article_ = Article{};
        path_.clear();
        float_places_.clear();
        article_.origin = file_.string();
        article_.source = "pmc";
        const pugi::xml_node front = root.child("front");
        read_meta(front.child("article-meta"), front.child("journal-meta"));
        read_references(root.child("back"));

        for (const pugi::xml_node& abstract : front.child("article-meta").children("abstract")) {
            std::string title = title_of(abstract);
            walk(abstract, title.empty() ? "Abstract" : title);
        }
        walk(root.child("body"), {});
        for (const pugi::xml_node& app : root.child("back").child("app-group").children("app")) {
            std::string title = title_of(app);
            walk(app, title.empty() ? "Appendix" : title);
        }
        read_floats(root.child("floats-group"));
        return std::move(article_);
    }

private:
    [[noreturn]] void fail(const pugi::xml_node& node, const std::string& reason) const {
        throw ParseError(file_.string(), line_of_node(node, text_), reason);
    }

    void read_meta(const pugi::xml_node& meta, const pugi::xml_node& journal) {
        for (const pugi::xml_node& id : meta.children("article-id")) {
            const std::string type = id.attribute("pub-id-type").value();
            const std::string value = xml_text(id);
            if (type == "pmid" && article_.pmid.empty()) article_.pmid = digits_of(value);
            else if ((type == "pmc" || type == "pmcid") && article_.pmcid.empty() && !digits_of(value).empty())
                article_.pmcid = "PMC" + digits_of(value);
            else if (type == "doi" && article_.doi.empty()) article_.doi = value;
        }
        article_.id = !article_.pmcid.empty() ? article_.pmcid
                      : !article_.pmid.empty() ? article_.pmid
                      : !article_.doi.empty() ? article_.doi
                                              : article_id_from_file_name(file_);
        if (!article_.pmcid.empty()) article_.url = "https://www.ncbi.nlm.nih.gov/pmc/articles/" + article_.pmcid + "/";
        else if (!article_.doi.empty()) article_.url = "https://doi.org/" + article_.doi;
        article_.title = inline_text(meta.child("title-group").child("article-title"));
        if (article_.title.empty()) fail(meta, "the article has no title (<article-title>)");

        article_.journal = xml_text(journal.child("journal-title-group").child("journal-title"));
        if (article_.journal.empty()) article_.journal = xml_text(journal.child("journal-title"));

        // The publication date: the electronic one, else the print one, else the first given.
        pugi::xml_node published;
        for (std::string_view type : {"epub", "ppub", "pub"})
            for (const pugi::xml_node& date : meta.children("pub-date"))
                if (!published && (type == date.attribute("pub-type").value() || type == date.attribute("date-type").value()))
                    published = date;
        for (const pugi::xml_node& date : meta.children("pub-date"))
            if (!published && std::string_view(date.attribute("pub-type").value()) != "pmc-release") published = date;
        article_.published = iso_date(published);

        for (const pugi::xml_node& group : meta.children("kwd-group"))
            for (const pugi::xml_node& keyword : group.children("kwd")) add_unique(article_.mesh, xml_text(keyword));
    }

    // The <ref-list>s of <back>, at any depth: each <ref> numbered by its label, else by its place.
    void read_references(const pugi::xml_node& back) {
        std::vector<pugi::xml_node> refs;
        walk_xml(back, {[&](const pugi::xml_node& node) {
                            if (!is_named(node, "ref")) return node.type() == pugi::node_element;
                            refs.push_back(node);
                            return false;
                        },
                        {}});
        for (std::size_t i = 0; i < refs.size(); ++i) {
            const std::vector<int> label = numeric_marker(xml_text(refs[i].child("label")));
            Reference reference = reference_of(refs[i]);
            reference.number = label.size() == 1 ? label.front() : static_cast<int>(i + 1);
            const std::string id = refs[i].attribute("id").value();
            if (!id.empty()) ref_numbers_.emplace(id, reference.number);
            article_.references.push_back(std::move(reference));
        }
    }

    // The passages of a section-like container (abstract, body, app) whose title is `section`.
    void walk(const pugi::xml_node& container, const std::string& section) {
        if (!container) return;
        path_.clear();
        if (!section.empty()) path_.push_back(section);
        frames_.clear();
        open(container, PassageKind::paragraph, {}, false);
        while (!frames_.empty()) {
            Frame& frame = frames_.back();
            if (!frame.next) {
                close_frame();
                continue;
            }
            const pugi::xml_node child = frame.next;
            frame.next = child.next_sibling();
            if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
                if (frame.collects_inline) add_inline(frame, child);
                continue;
            }
            if (child.type() != pugi::node_element) continue;
            if (frame.collects_inline && !is_block(child)) {
                add_inline(frame, child);
                continue;
            }
            if (frame.collects_inline && name_in(child, captioned_blocks)) {
                // A figure or table anchored inside a paragraph does not cut it: its caption follows it.
                frame.floats.push_back(child);
                continue;
            }
            std::string before;  // the paragraph's text just before a block that stands inside it
            if (frame.collects_inline) before = flush(frame);
            start_block(child, before);
        }
    }

    void open(const pugi::xml_node& node, PassageKind kind, std::string lead_in, bool collects_inline,
              bool is_list_item = false) {
        if (frames_.size() >= max_jats_block_depth)
            fail(node, "blocks nested deeper than " + std::to_string(max_jats_block_depth) + " levels");
        Frame frame;
        frame.node = node;
        frame.next = node.first_child();
        frame.path_size = path_.size();
        frame.kind = kind;
        frame.lead_in = std::move(lead_in);
        frame.collects_inline = collects_inline;
        frame.is_list_item = is_list_item;
        frames_.push_back(std::move(frame));
    }

    void close_frame() {
        Frame& frame = frames_.back();
        if (frame.collects_inline) flush(frame);
        for (const pugi::xml_node& block : frame.floats) add_captions(block);
        path_.resize(frame.path_size);
        frames_.pop_back();
    }

    // What a block child does, given the frame it stands in (the last one).
    void start_block(const pugi::xml_node& child, const std::string& text_before) {
        const Frame& parent = frames_.back();
        const PassageKind kind = parent.kind;
        const std::string lead_in = parent.lead_in;
        const std::string_view name = child.name();
        if (name == "sec") {
            if (path_.size() >= max_jats_section_depth)
                fail(child, "sections nested deeper than " + std::to_string(max_jats_section_depth) + " levels");
            open(child, PassageKind::paragraph, {}, false);
            path_.push_back(title_of(child));
        } else if (name == "p") {
            open(child, kind, lead_in, true);
        } else if (name == "list") {
            open(child, PassageKind::bullet, list_lead(child, text_before, parent.is_list_item), false);
        } else if (name == "list-item") {
            open(child, PassageKind::bullet, lead_in, true, true);
        } else if (name == "def-list") {
            read_definitions(child, list_lead(child, text_before, parent.is_list_item));
        } else if (name_in(child, captioned_blocks)) {
            add_captions(child);
        } else if (!name_in(child, skipped_blocks)) {
            open(child, kind, lead_in, false);  // boxed-text, disp-quote and any other container
        }
    }

    // The lead-in of a list: its own title; else, for a list inside a paragraph or list item, the last
    // sentence before it; else the rule every format shares (a paragraph right before it ending with ':').
    std::string list_lead(const pugi::xml_node& list, const std::string& text_before, bool in_list_item) {
        if (std::string title = title_of(list); !title.empty()) return title;
        if (!text_before.empty()) return last_sentence(text_before);
        if (in_list_item && !article_.passages.empty() && article_.passages.back().kind == PassageKind::bullet)
            return last_sentence(article_.passages.back().text);
        return list_lead_in(article_, section(), heading());
    }

    void read_definitions(const pugi::xml_node& list, const std::string& lead_in) {
        for (const pugi::xml_node& item : list.children("def-item")) {
            CitedText text;
            text.add_text(xml_text(item.child("term")));
            text.add_text(": ");
            for (const pugi::xml_node& definition : item.children("def")) collect_inline(text, definition, true);
            append(text, PassageKind::bullet, lead_in, item, section(), heading());
        }
    }

    // The captions of a figure, table or supplement, or of each in a group, under the current section.
    void add_captions(const pugi::xml_node& block) {
        walk_xml_and_self(block, [&](const pugi::xml_node& node) {
            if (!name_in(node, captioned_blocks)) return false;
            const bool group = is_named(node, "fig-group") || is_named(node, "table-wrap-group");
            if (!group) add_caption(node, section(), heading());
            return group;
        });
    }

    void add_caption(const pugi::xml_node& block, const std::string& in_section, const std::string& in_heading) {
        const pugi::xml_node caption = block.child("caption");
        if (!caption) return;
        CitedText text;
        std::string label = xml_text(block.child("label"));
        if (!label.empty() && !ends_with_clause_punctuation(label)) label += '.';
        text.add_text(label);
        text.add_text(" ");
        collect_inline(text, caption, true);
        append(text, PassageKind::caption, {}, block, in_section, in_heading);
    }

    // Figures and tables PMC gathers after the article: each under the section that first refers to it.
    void read_floats(const pugi::xml_node& floats) {
        walk_xml(floats, {[&](const pugi::xml_node& node) {
                              if (node.type() != pugi::node_element) return false;
                              if (!name_in(node, captioned_blocks) || is_named(node, "fig-group") ||
                                  is_named(node, "table-wrap-group"))
                                  return true;
                              const auto place = float_places_.find(node.attribute("id").value());
                              if (place == float_places_.end()) add_caption(node, {}, {});
                              else add_caption(node, place->second.first, place->second.second);
                              return false;
                          },
                          {}});
    }

    template <typename Visit>
    void walk_xml_and_self(const pugi::xml_node& node, Visit visit) {
        if (visit(node)) walk_xml(node, {[&](const pugi::xml_node& child) { return visit(child); }, {}});
    }

    // Inline content of a paragraph: text, citations, markup.
    void add_inline(Frame& frame, const pugi::xml_node& node) {
        if (frame.text.empty()) frame.text_start = node;
        collect_inline(frame.text, node, false);
    }

    // Adds node (and what it holds) to text. Citations become markers; blocks met inside inline markup
    // are read as text, kept apart by spaces when words_apart.
    void collect_inline(CitedText& text, const pugi::xml_node& node, bool words_apart) {
        auto visit = [&](const pugi::xml_node& child) -> bool {
            if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
                text.add_text(child.value());
                return false;
            }
            if (child.type() != pugi::node_element || name_in(child, skipped_inline) ||
                (name_in(child, skipped_blocks) && !is_named(child, "title") && !is_named(child, "label")))
                return false;
            if (is_named(child, "xref")) return add_reference(text, child);
            if (is_named(child, "break") || ((words_apart || is_block(child)) && separates_words(child.name())))
                text.add_text(" ");
            return true;
        };
        auto leave = [&](const pugi::xml_node& child) {
            if ((words_apart || is_block(child)) && separates_words(child.name())) text.add_text(" ");
        };
        if (!visit(node)) return;
        walk_xml(node, {visit, leave});
        leave(node);
    }

    // An <xref>: a citation of references, or a pointer to a figure or table (whose text stays, and whose
    // section is remembered for the figure). True when its content is to be read as text.
    bool add_reference(CitedText& text, const pugi::xml_node& xref) {
        const std::string_view type = xref.attribute("ref-type").value();
        std::string_view rids = xref.attribute("rid").value();
        if (type != "bibr") {
            while (!rids.empty()) {
                const std::size_t end = std::min(rids.find(' '), rids.size());
                if (end > 0) float_places_.emplace(std::string(rids.substr(0, end)), std::make_pair(section(), heading()));
                rids.remove_prefix(std::min(end + 1, rids.size()));
            }
            return true;
        }
        std::vector<int> numbers;
        while (!rids.empty()) {
            const std::size_t end = std::min(rids.find(' '), rids.size());
            if (const auto found = ref_numbers_.find(std::string(rids.substr(0, end))); found != ref_numbers_.end())
                numbers.push_back(found->second);
            rids.remove_prefix(std::min(end + 1, rids.size()));
        }
        text.add_citation(std::move(numbers), xml_text(xref));
        return false;
    }

    std::string flush(Frame& frame) {
        if (frame.text.empty()) return {};
        const pugi::xml_node start = frame.text_start ? frame.text_start : frame.node;
        std::string text = append(frame.text, frame.kind, frame.lead_in, start, section(), heading());
        frame.text.clear();
        return text;
    }

    // Appends the passage and returns its text.
    std::string append(const CitedText& content, PassageKind kind, const std::string& lead_in,
                       const pugi::xml_node& where, const std::string& in_section, const std::string& in_heading) {
        CitedText::Result result = content.finish();
        Passage passage;
        passage.section = in_section;
        passage.heading = in_heading;
        passage.kind = kind;
        passage.lead_in = kind == PassageKind::bullet ? lead_in : std::string();
        passage.text = std::move(result.text);
        passage.citations = std::move(result.citations);
        passage.line = line_of_node(where, text_);
        std::string text = passage.text;
        append_passage(article_, std::move(passage));
        return text;
    }

    std::string section() const { return path_.empty() ? std::string() : path_.front(); }

    std::string heading() const {
        std::string joined;
        for (std::size_t i = 1; i < path_.size(); ++i) {
            if (path_[i].empty()) continue;
            if (!joined.empty()) joined += " \xE2\x80\xBA ";  // " › "
            joined += path_[i];
        }
        return joined;
    }

    std::string inline_text(const pugi::xml_node& node) {
        CitedText text;
        if (node) collect_inline(text, node, false);
        return text.finish().text;
    }

    const std::filesystem::path& file_;
    std::string_view text_;
    Article article_;
    std::map<std::string, int> ref_numbers_;  // <ref id> -> reference number
    std::vector<std::string> path_;           // titles of the sections being read, outermost first
    std::vector<Frame> frames_;
    // Where each figure or table is first referred to: its id -> (section, heading).
    std::map<std::string, std::pair<std::string, std::string>> float_places_;
};

}  // namespace

bool looks_like_jats(std::string_view prefix) {
    const std::string_view root = xml_root_name(prefix);
    return root == "article" || root == "pmc-articleset";
}

void read_jats(const std::filesystem::path& file, std::string_view text, ArticleSink& sink) {
    pugi::xml_document document;
    parse_xml(document, file, text);
    const pugi::xml_node root = document.document_element();
    const std::string_view name = root.name();
    if (name != "article" && name != "pmc-articleset")
        throw ParseError(file.string(), 0,
                         "not a JATS article: root element <" + std::string(name) + "> (expected <article>)");
    std::vector<pugi::xml_node> articles;
    if (name == "article") articles.push_back(root);
    for (const pugi::xml_node& article : root.children("article")) articles.push_back(article);
    for (const pugi::xml_node& article : articles) {
        try {
            sink.on_article(JatsReader(file, text).read(article));
        } catch (const ParseError& error) {
            if (articles.size() == 1) throw;
            sink.on_error(error);
        }
    }
}

}  // namespace medsearch
