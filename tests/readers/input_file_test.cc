#include <catch2/catch.hpp>

#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "readers/input_file.h"
#include "tests/readers/test_support.h"

using namespace medsearch;

TEST_CASE("the block line reader gives the same lines as std::getline", "[input]") {
    // Lines of many lengths, some crossing the 64 KiB block boundary, with and without '\r' and a final
    // line break.
    const bool final_break = GENERATE(true, false);
    std::mt19937 random(42);
    std::string content;
    for (int i = 0; i < 60; ++i) {
        const std::size_t length = random() % 4 == 0 ? random() % 150000 : random() % 80;
        content += std::string(length, static_cast<char>('a' + i % 26));
        if (i % 7 == 0) content += '\r';
        if (i < 59 || final_break) content += '\n';
    }
    test::ScratchDir dir;
    const auto file = dir.write("lines.txt", content);

    std::istringstream plain(content);
    std::string expected;
    LineReader reader(file);
    InputLine line;
    std::size_t number = 0;
    while (std::getline(plain, expected)) {
        if (!expected.empty() && expected.back() == '\r') expected.pop_back();
        REQUIRE(reader.next(line));
        CHECK(line.number == ++number);
        CHECK(!line.too_long);
        CHECK(line.text == expected);
    }
    CHECK(!reader.next(line));
}

TEST_CASE("a line over the limit is reported as too long without being kept", "[input]") {
    test::ScratchDir dir;
    const auto file = dir.write("long.txt", "short\n" + std::string(300000, 'x') + "\nafter\n");
    LineReader reader(file, 100000);
    InputLine line;
    REQUIRE(reader.next(line));
    CHECK(line.text == "short");
    REQUIRE(reader.next(line));
    CHECK(line.too_long);
    CHECK(line.number == 2);
    CHECK(line.length == 300000);
    CHECK(line.text.empty());
    REQUIRE(reader.next(line));
    CHECK(line.text == "after");
    CHECK(line.number == 3);
    CHECK(!reader.next(line));
}

TEST_CASE("whole files: byte order mark dropped, bad files named with line and reason", "[input]") {
    test::ScratchDir dir;
    CHECK(load_text_file(dir.write("bom.txt", "\xEF\xBB\xBFtext")) == "text");
    const auto [content, line, reason] = GENERATE(table<std::string, std::size_t, std::string>({
        {"", 0, "empty file"},
        {" \n\t\n", 0, "empty file"},
        {"ok\nok\nbad \xC3\x28 byte\n", 3, "invalid UTF-8 at byte 10"},
        {"ok\nover\xE0\x80\xAFlong\n", 2, "invalid UTF-8"},
        {std::string("text\n\0binary", 12), 2, "binary file"},
    }));
    const auto file = dir.write("bad.txt", content);
    test::check_parse_error([&] { load_text_file(file); }, file, line, reason);
}
