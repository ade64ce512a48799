// The one way the CLI gets a Retriever over an index (used by `eval --db`). The query stage defines it;
// everything that needs ranked documents for a question goes through the Retriever interface.
#pragma once

#include <filesystem>
#include <memory>

#include "query/engine.h"
#include "query/retriever.h"

namespace medsearch {

// What a run ranks: articles (BEIR documents), or passages at the unit the judgements name.
enum class RankedUnit { document, passage };

// A retriever over the index at `db`. Throws DatabaseError when it cannot be opened.
std::unique_ptr<Retriever> open_retriever(const std::filesystem::path& db, const EngineOptions& options = {},
                                          RankedUnit unit = RankedUnit::document);

}  // namespace medsearch
