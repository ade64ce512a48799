// The "pubmed" format: PubMed/MEDLINE XML (<PubmedArticleSet>), as E-utilities and the annual baseline and
// update files deliver it, plain or gzip-compressed (.xml.gz). One article per <PubmedArticle> (and
// <PubmedBookArticle>): title, abstract parts under their labels as sections, MeSH headings and keywords,
// journal, dates and ids; <DeleteCitation> withdraws the PMIDs it lists. corpus/FORMAT.md has the mapping.
#pragma once

#include <filesystem>
#include <string_view>

#include "readers/passage_splitter.h"
#include "readers/reader.h"

namespace medsearch {

// Streams the file record by record (readers/xml_records.h): memory stays bounded by the largest record,
// whatever the file's size. Each article goes to sink.on_article, each PMID of a <DeleteCitation> to
// sink.on_delete. A record that cannot be read (bad XML, no PMID, not UTF-8, longer than
// max_record_bytes) goes to sink.on_error naming its line, and the next record is read. Throws ParseError
// when the file as a whole is not PubMed XML (another root element) or ends inside a record.
// Abstract parts are cut into passages of passage_size, as BEIR texts are.
void read_pubmed(const std::filesystem::path& file, ArticleSink& sink, const ChunkOptions& passage_size = {});

// True when the XML's root element is <PubmedArticleSet> (or <PubmedBookArticleSet>).
bool looks_like_pubmed(std::string_view prefix);

}  // namespace medsearch
