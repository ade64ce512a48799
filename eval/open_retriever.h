// The one way the CLI gets a Retriever over an index (used by `eval --db`);
// everything that needs ranked documents for a question goes through the Retriever interface.
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "eval/retriever.h"
#include "query/engine.h"

namespace medsearch {

// What a run ranks: articles (BEIR documents), or passages at the unit the judgements name.
enum class RankedUnit { document, passage };

// A retriever over the indexes (searched as one; query/engine.h). Throws DatabaseError when they cannot be
// opened.
std::unique_ptr<Retriever> open_retriever(const std::vector<std::filesystem::path>& indexes, const EngineOptions& options = {},
                                          RankedUnit unit = RankedUnit::document);
inline std::unique_ptr<Retriever> open_retriever(const std::filesystem::path& index, const EngineOptions& options = {},
                                                 RankedUnit unit = RankedUnit::document) {
    return open_retriever(std::vector{index}, options, unit);
}

}  // namespace medsearch
