#include "readers/pubmed_reader.h"

#include <algorithm>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "common/errors.h"
#include "common/utf8.h"
#include "readers/citations.h"
#include "readers/dates.h"
#include "readers/input_file.h"
#include "readers/text.h"
#include "readers/xml_records.h"
#include "readers/xml_text.h"

namespace medsearch {

namespace {

const std::vector<std::string> record_names = {"PubmedArticle", "PubmedBookArticle", "DeleteCitation", "DeleteDocument"};

// A <PubDate>, <DateRevised>, <ArticleDate>: Year, Month, Day; or a MedlineDate ("1998 Dec-1999 Jan"),
// of which the year is kept.
std::string date_of(const pugi::xml_node& date) {
    if (date.child("Year")) return iso_date_of(xml_text(date.child("Year")), xml_text(date.child("Month")), xml_text(date.child("Day")));
    const std::string medline = xml_text(date.child("MedlineDate"));
    return iso_date_of(std::string_view(medline).substr(0, std::min<std::size_t>(4, medline.size())), {}, {});
}

class RecordReader {
public:
    RecordReader(const std::filesystem::path& file, const XmlRecord& record, const ChunkOptions& passage_size)
        : file_(file), record_(record), passage_size_(passage_size) {}

    // The article of a <PubmedArticle> or <PubmedBookArticle>.
    Article read(const pugi::xml_node& root) {
        article_.origin = file_.string();
        article_.source = "pubmed";
        const bool book = std::string_view(root.name()) == "PubmedBookArticle";
        const pugi::xml_node citation = root.child(book ? "BookDocument" : "MedlineCitation");
        const pugi::xml_node body = book ? citation : citation.child("Article");

        article_.pmid = digits_of(xml_text(citation.child("PMID")));
        if (article_.pmid.empty()) fail(root, "a record without a PMID");
        article_.id = article_.pmid;
        article_.url = "https://pubmed.ncbi.nlm.nih.gov/" + article_.pmid + "/";

        article_.title = xml_text(body.child("ArticleTitle"));
        if (article_.title.empty() || article_.title == "[Not Available].") article_.title = xml_text(body.child("VernacularTitle"));
        if (article_.title.empty() && book) article_.title = xml_text(citation.child("Book").child("BookTitle"));
        if (article_.title.empty()) fail(root, "record " + article_.pmid + " has no title");

        if (book) {
            article_.journal = xml_text(citation.child("Book").child("BookTitle"));
            article_.published = date_of(citation.child("Book").child("PubDate"));
        } else {
            const pugi::xml_node journal = body.child("Journal");
            article_.journal = xml_text(journal.child("Title"));
            article_.published = date_of(journal.child("JournalIssue").child("PubDate"));
            if (article_.published.empty()) article_.published = date_of(body.child("ArticleDate"));
            article_.updated = date_of(citation.child("DateRevised"));
        }

        for (const pugi::xml_node& heading : citation.child("MeshHeadingList").children("MeshHeading"))
            add_unique(article_.mesh, xml_text(heading.child("DescriptorName")));
        for (const pugi::xml_node& list : citation.children("KeywordList"))
            for (const pugi::xml_node& keyword : list.children("Keyword")) add_unique(article_.mesh, xml_text(keyword));

        read_ids(body, book ? citation.child("ArticleIdList") : root.child("PubmedData").child("ArticleIdList"));
        read_abstract(body.child("Abstract"), {});
        for (const pugi::xml_node& other : body.children("OtherAbstract"))
            if (std::string_view(other.attribute("Language").value()) == "eng")
                read_abstract(other, std::string_view(other.attribute("Type").value()) == "plain-language-summary"
                                         ? "Plain language summary"
                                         : "Other abstract");
        read_references(book ? citation : root.child("PubmedData"));
        return std::move(article_);
    }

private:
    [[noreturn]] void fail(const pugi::xml_node& node, const std::string& reason) const {
        throw ParseError(file_.string(), line_of_node(node, record_.text, record_.line), reason);
    }

    void read_ids(const pugi::xml_node& body, const pugi::xml_node& ids) {
        for (const pugi::xml_node& id : ids.children("ArticleId")) {
            const std::string_view type = id.attribute("IdType").value();
            if (type == "doi" && article_.doi.empty()) article_.doi = xml_text(id);
            else if (type == "pmc" && article_.pmcid.empty() && !digits_of(xml_text(id)).empty())
                article_.pmcid = "PMC" + digits_of(xml_text(id));
        }
        for (const pugi::xml_node& location : body.children("ELocationID"))
            if (article_.doi.empty() && std::string_view(location.attribute("EIdType").value()) == "doi")
                article_.doi = xml_text(location);
    }

    // Each <AbstractText> is a section named by its Label ("BACKGROUND", "METHODS"); an abstract without
    // labels is the section "Abstract". Under a named part (other abstracts) the label is the heading.
    void read_abstract(const pugi::xml_node& abstract, const std::string& part) {
        for (const pugi::xml_node& piece : abstract.children("AbstractText")) {
            const std::string label = collapse_whitespace(piece.attribute("Label").value());
            const std::size_t line = line_of_node(piece, record_.text, record_.line);
            for (std::string& chunk : split_into_chunks(xml_text(piece), passage_size_)) {
                Passage passage;
                passage.section = !part.empty() ? part : label.empty() ? "Abstract" : label;
                passage.heading = part.empty() ? std::string() : label;
                passage.text = std::move(chunk);
                passage.line = line;
                append_passage(article_, std::move(passage));
            }
        }
    }

    // <ReferenceList>s (they may nest): each <Reference> numbered by its place, with the PMID and DOI
    // its ArticleIdList gives.
    void read_references(const pugi::xml_node& data) {
        std::vector<pugi::xml_node> references;
        walk_xml(data, {[&](const pugi::xml_node& node) {
                            if (node.type() != pugi::node_element) return false;
                            if (std::string_view(node.name()) == "Reference") references.push_back(node);
                            return std::string_view(node.name()) == "ReferenceList";
                        },
                        {}});
        for (const pugi::xml_node& node : references) {
            Reference reference = parse_reference(static_cast<int>(article_.references.size() + 1),
                                                  xml_text(node.child("Citation")));
            for (const pugi::xml_node& id : node.child("ArticleIdList").children("ArticleId")) {
                const std::string_view type = id.attribute("IdType").value();
                if (type == "pubmed") reference.pmid = digits_of(xml_text(id));
                else if (type == "doi") reference.doi = xml_text(id);
            }
            article_.references.push_back(std::move(reference));
        }
    }

    const std::filesystem::path& file_;
    const XmlRecord& record_;
    const ChunkOptions& passage_size_;
    Article article_;
};

void read_record(const std::filesystem::path& file, const XmlRecord& record, ArticleSink& sink,
                 const ChunkOptions& passage_size) {
    if (record.too_long)
        throw ParseError(file.string(), record.line,
                         "record too long (" + std::to_string(record.length) + " bytes; at most " +
                             std::to_string(max_record_bytes) + ")");
    if (const auto nul = record.text.find('\0'); nul != std::string::npos)
        throw ParseError(file.string(), record.line - 1 + line_of_offset(record.text, nul), "NUL byte (binary data, not text)");
    if (const auto bad = find_invalid_utf8(record.text))
        throw ParseError(file.string(), record.line - 1 + line_of_offset(record.text, *bad), "invalid UTF-8");
    pugi::xml_document document;
    parse_xml(document, file, record.text, record.line);
    const pugi::xml_node root = document.document_element();
    if (record.name == "DeleteCitation" || record.name == "DeleteDocument") {
        for (const pugi::xml_node& pmid : root.children("PMID")) {
            const std::string id = digits_of(xml_text(pmid));
            if (id.empty()) throw ParseError(file.string(), line_of_node(pmid, record.text, record.line), "a PMID without digits");
            sink.on_delete(id, file.string(), line_of_node(pmid, record.text, record.line));
        }
        return;
    }
    sink.on_article(RecordReader(file, record, passage_size).read(root));
}

}  // namespace

bool looks_like_pubmed(std::string_view prefix) {
    const std::string_view root = xml_root_name(prefix);
    return root == "PubmedArticleSet" || root == "PubmedBookArticleSet";
}

void read_pubmed(const std::filesystem::path& file, ArticleSink& sink, const ChunkOptions& passage_size) {
    XmlRecordReader records(file, record_names, max_record_bytes);
    // The root is known once the first record (or the end) is reached.
    auto check_root = [&] {
        const std::string& root = records.root_name();
        if (!root.empty() && root != "PubmedArticleSet" && root != "PubmedBookArticleSet")
            throw ParseError(file.string(), 0, "not PubMed XML: root element <" + root + "> (expected <PubmedArticleSet>)");
    };
    XmlRecord record;
    bool checked_root = false;
    while (records.next(record)) {
        if (!checked_root) check_root();
        checked_root = true;
        try {
            read_record(file, record, sink, passage_size);
        } catch (const ParseError& error) {
            sink.on_error(error);
        }
    }
    if (!checked_root) check_root();
}

}  // namespace medsearch
