// Readers never fail because a writer commits: searches and document rankings run while a writer commits
// a batch per article, and none of them fails (Engine::retrying refreshes when a commit overtakes the
// revision being read; open_index waits for the writer's second commit).
#include <catch2/catch.hpp>

#include <atomic>
#include <string>
#include <thread>

#include "eval/open_retriever.h"
#include "indexer/index_writer.h"
#include "query/searcher.h"
#include "tests/indexer/temp_index.h"

using namespace medsearch;

TEST_CASE("searches and rankings run while a writer commits every article", "[query][threads]") {
    test::TempIndex index;
    {
        IndexWriter writer(index.db());
        for (const Article& article : test::two_subject_articles()) writer.add(article);
        writer.link_pending({});
    }
    std::atomic<bool> writing{true};
    std::thread writer_thread([&] {
        IndexWriterOptions options;
        options.batch_articles = 1;
        IndexWriter writer(index.db(), options);
        for (int round = 0; round < 60; ++round) {
            writer.add(test::make_article("w" + std::to_string(round % 7),
                                          {"Neutropenia round " + std::to_string(round) + " after filgrastim and chemotherapy."}));
            if (round % 10 == 9) writer.link_pending({});
        }
        writer.commit();
        writing = false;
    });

    std::size_t searches = 0, failures = 0;
    std::string last_failure;
    const Engine engine(index.db());
    const Searcher searcher(engine);
    const auto retriever = open_retriever(index.db(), {});
    while (writing || searches < 20) {
        try {
            engine.refresh();
            CHECK_FALSE(searcher.search("filgrastim neutropenia", {}).hits.empty());
            CHECK_FALSE(retriever->retrieve("filgrastim neutropenia chemotherapy", 10).empty());
            const Engine opened(index.db());  // a one-shot search's start, mid-write
            CHECK(opened.articles().get_doccount() >= 5);
        } catch (const std::exception& error) {
            ++failures;
            last_failure = error.what();
        }
        ++searches;
    }
    writer_thread.join();
    INFO(last_failure);
    CHECK(failures == 0);
    CHECK(searches >= 20);
}
