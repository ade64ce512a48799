// The stored form of a whole article: the data of its article document. It is the index's own copy of
// what was read (everything but the file it came from), so that the passages database can be rebuilt
// from the articles database alone, and so that a reader can show an article with its sections,
// passages and references without the source files.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "readers/article.h"

namespace medsearch {

// A JSON object; invalid UTF-8 in the article is replaced, so the result always parses.
std::string encode_article(const Article& article);

// A reference as stored, in the article and with each passage that cites it: number, text, pmid, doi, url.
nlohmann::json reference_json(const Reference& reference);

// Throws DatabaseError when the bytes are not an article as encode_article writes it.
Article decode_article(std::string_view stored);

}  // namespace medsearch
