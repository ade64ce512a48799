// The one way the CLI gets a Retriever over an index (used by `eval --db`). The query stage defines it;
// everything that needs ranked documents for a question goes through the Retriever interface.
#pragma once

#include <filesystem>
#include <memory>

#include "query/engine.h"
#include "query/retriever.h"

namespace medsearch {

// A retriever over the index at `db`. Throws DatabaseError when it cannot be opened.
std::unique_ptr<Retriever> open_retriever(const std::filesystem::path& db, const EngineOptions& options = {});

}  // namespace medsearch
