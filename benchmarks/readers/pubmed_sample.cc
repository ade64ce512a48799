#include "benchmarks/readers/pubmed_sample.h"

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <zlib.h>

namespace medsearch {

namespace {

struct QaRecord {
    std::string question, year;
    std::vector<std::pair<std::string, std::string>> contexts;  // label, text
    std::vector<std::string> meshes;
};

std::vector<QaRecord> load_pubmedqa(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot open " + file.string());
    const nlohmann::ordered_json document = nlohmann::ordered_json::parse(in);
    std::vector<QaRecord> records;
    for (const auto& item : document.items()) {
        const nlohmann::ordered_json& value = item.value();
        QaRecord record;
        record.question = value.at("QUESTION").get<std::string>();
        auto string_of = [](const nlohmann::ordered_json& field) { return field.is_string() ? field.get<std::string>() : ""; };
        const auto empty = nlohmann::ordered_json::array();
        auto array_of = [&](const char* key) -> const nlohmann::ordered_json& {
            const auto found = value.find(key);
            return found != value.end() && found->is_array() ? *found : empty;
        };
        if (const auto year = value.find("YEAR"); year != value.end()) record.year = string_of(*year);
        const auto& contexts = array_of("CONTEXTS");
        const auto& labels = array_of("LABELS");
        for (std::size_t i = 0; i < contexts.size(); ++i)
            record.contexts.emplace_back(i < labels.size() ? string_of(labels[i]) : "", string_of(contexts[i]));
        for (const auto& mesh : array_of("MESHES")) record.meshes.push_back(string_of(mesh));
        records.push_back(std::move(record));
    }
    if (records.empty()) throw std::runtime_error(file.string() + " holds no records");
    return records;
}

// Writes plain or gzip-compressed text.
class Output {
public:
    Output(const std::filesystem::path& file, bool gzip) : file_(file) {
        if (gzip) {
            gz_ = gzopen(file.c_str(), "wb6");
            if (gz_ == nullptr) throw std::runtime_error("cannot write " + file.string());
        } else {
            plain_.open(file, std::ios::binary);
            if (!plain_) throw std::runtime_error("cannot write " + file.string());
        }
    }
    ~Output() {
        if (gz_ != nullptr) gzclose(gz_);
    }
    void write(const std::string& text) {
        if (gz_ != nullptr) {
            if (!text.empty() && gzwrite(gz_, text.data(), static_cast<unsigned>(text.size())) == 0)
                throw std::runtime_error("cannot write " + file_.string());
        } else if (!plain_.write(text.data(), static_cast<std::streamsize>(text.size()))) {
            throw std::runtime_error("cannot write " + file_.string());
        }
    }

private:
    std::filesystem::path file_;
    std::ofstream plain_;
    gzFile gz_ = nullptr;
};

void set_text(pugi::xml_node node, const std::string& text) {
    while (node.first_child()) node.remove_child(node.first_child());
    node.append_child(pugi::node_pcdata).set_value(text.c_str());
}

}  // namespace

void write_pubmed_sample(const PubmedSampleOptions& options, const std::filesystem::path& out) {
    pugi::xml_document shape;
    if (!shape.load_file(options.template_record.c_str())) throw std::runtime_error("cannot read " + options.template_record.string());
    pugi::xml_node record = shape.child("PubmedArticleSet").child("PubmedArticle");
    if (!record) throw std::runtime_error(options.template_record.string() + " holds no <PubmedArticle>");
    const std::vector<QaRecord> qa = load_pubmedqa(options.pubmedqa);

    pugi::xml_node citation = record.child("MedlineCitation");
    pugi::xml_node article = citation.child("Article");
    pugi::xml_node abstract = article.child("Abstract");
    pugi::xml_node mesh_list = citation.child("MeshHeadingList");
    pugi::xml_node year = article.child("Journal").child("JournalIssue").child("PubDate").child("Year");
    pugi::xml_node pubmed_id = record.child("PubmedData").child("ArticleIdList").find_child_by_attribute("ArticleId", "IdType", "pubmed");

    Output output(out, options.gzip);
    output.write("<?xml version=\"1.0\" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle, 1st January 2019//EN\" "
                 "\"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_190101.dtd\">\n<PubmedArticleSet>\n");
    for (std::size_t i = 0; i < options.records; ++i) {
        const QaRecord& source = qa[i % qa.size()];
        const std::string pmid = std::to_string(options.first_pmid + i);
        set_text(citation.child("PMID"), pmid);
        if (pubmed_id) set_text(pubmed_id, pmid);
        set_text(article.child("ArticleTitle"), source.question);
        while (abstract.first_child()) abstract.remove_child(abstract.first_child());
        for (const auto& [label, text] : source.contexts) {
            pugi::xml_node part = abstract.append_child("AbstractText");
            if (!label.empty()) part.append_attribute("Label").set_value(label.c_str());
            part.append_child(pugi::node_pcdata).set_value(text.c_str());
        }
        while (mesh_list.first_child()) mesh_list.remove_child(mesh_list.first_child());
        for (const std::string& mesh : source.meshes)
            mesh_list.append_child("MeshHeading").append_child("DescriptorName").append_child(pugi::node_pcdata).set_value(mesh.c_str());
        if (year && !source.year.empty()) set_text(year, source.year);
        std::ostringstream text;
        record.print(text, "\t", pugi::format_default, pugi::encoding_utf8, 1);
        output.write(text.str());
        if (options.delete_every > 0 && (i + 1) % options.delete_every == 0)
            output.write("\t<DeleteCitation>\n\t\t<PMID Version=\"1\">" + pmid + "</PMID>\n\t</DeleteCitation>\n");
    }
    output.write("</PubmedArticleSet>\n");
}

void write_pubmedqa_sample(const std::filesystem::path& pubmedqa, std::size_t records, std::size_t first_pmid,
                           const std::filesystem::path& out) {
    std::ifstream in(pubmedqa);
    if (!in) throw std::runtime_error("cannot open " + pubmedqa.string());
    const nlohmann::ordered_json document = nlohmann::ordered_json::parse(in);
    if (!document.is_object() || document.empty()) throw std::runtime_error(pubmedqa.string() + " holds no records");
    Output output(out, false);
    output.write("{\n");
    auto record = document.begin();
    for (std::size_t i = 0; i < records; ++i, ++record) {
        if (record == document.end()) record = document.begin();
        output.write((i > 0 ? ",\n \"" : " \"") + std::to_string(first_pmid + i) + "\": " + record.value().dump(1));
    }
    output.write("\n}\n");
}

}  // namespace medsearch
