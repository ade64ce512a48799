// README "Limits", readers' part: a whole-file format's file and a JSON Lines record are read at their
// limit and refused one byte past it, the rest going on.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "readers/input_file.h"
#include "tests/readers/test_support.h"

using namespace medsearch;

TEST_CASE("limits: a document file of max_document_bytes is read, one byte more is refused unread", "[limits][input]") {
    test::ScratchDir dir;
    // Text, then a hole up to the size: the file is read to its end, where the NUL bytes of the hole are
    // found (after the size check, which is what this shows).
    const auto file = dir.write("big.txt", "Question?\n");
    std::filesystem::resize_file(file, max_document_bytes);
    test::check_parse_error([&] { load_text_file(file); }, file, 2, "binary file (NUL byte)");
    std::filesystem::resize_file(file, max_document_bytes + 1);
    test::check_parse_error([&] { load_text_file(file); }, file, 0,
                            "file too large (" + std::to_string(max_document_bytes + 1) + " bytes");
}

TEST_CASE("limits: a JSON Lines record of max_record_bytes is read, one byte more is reported and the next read", "[limits][input]") {
    const std::size_t extra = GENERATE(0, 1);
    CAPTURE(extra);
    // The bulk is in a field the readers ignore, so that the record's size, not its text, is tested.
    const std::string head = R"({"_id": "big", "id": "big", "title": "Big", "text": "Read whole.", "metadata": {"pad": ")";
    const std::string tail = R"("}})";
    const std::string record = head + std::string(max_record_bytes + extra - head.size() - tail.size(), 'a') + tail;
    REQUIRE(record.size() == max_record_bytes + extra);
    test::ScratchDir dir;
    const auto file = dir.path() / "records.jsonl";
    std::ofstream(file, std::ios::binary) << record << "\n" << R"({"_id": "next", "id": "next", "title": "Next", "text": "After it."})" << "\n";
    const Format format = GENERATE(Format::beir, Format::json);
    CAPTURE(format_name(format));
    const test::CollectingSink sink = test::read_all(file, format);
    if (extra == 0) {
        CHECK(sink.errors.empty());
        REQUIRE(sink.articles.size() == 2);
        CHECK(sink.articles[0].id == "big");
    } else {
        REQUIRE(sink.errors.size() == 1);
        CHECK(sink.errors[0].line() == 1);
        CHECK_THAT(sink.errors[0].reason(), Catch::Contains("record too long (" + std::to_string(max_record_bytes + 1) + " bytes"));
        REQUIRE(sink.articles.size() == 1);
    }
    CHECK(sink.articles.back().id == "next");
}
