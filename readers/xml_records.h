// Streams the records of a large XML file one at a time, so that a file of any size is read in memory
// bounded by its largest record: the records are the children of the root element with the given names
// (PubMed's <PubmedArticle>, <DeleteCitation>, ...). Each record's bytes are cut out at its start and end
// tags — comments, CDATA sections, processing instructions and the DOCTYPE are stepped over, so a tag
// inside them does not count — and are then parsed as XML of their own by pugixml, which reports any
// error in them. Reads gzip-compressed files as well (readers/compressed_input.h).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "readers/compressed_input.h"

namespace medsearch {

struct XmlRecord {
    std::string name;         // the record's element name
    std::string text;         // its bytes, from '<' of the start tag to '>' of the end tag
    std::size_t line = 0;     // the line of the file where it starts
    std::size_t length = 0;   // bytes in the record as stored
    bool too_long = false;    // longer than the limit: text is empty, the record was skipped
};

class XmlRecordReader {
public:
    XmlRecordReader(const std::filesystem::path& file, std::vector<std::string> record_names, std::size_t max_record_bytes);

    // The next record, or false at the end of the file. Throws ParseError for input that ends inside a
    // record, comment or tag, and for read errors.
    bool next(XmlRecord& record);

    // The name of the first element of the file that is not a record (the root), "" until one is seen.
    const std::string& root_name() const { return root_name_; }

private:
    bool fill();
    void consume(std::size_t count);
    bool ensure(std::size_t bytes);
    std::size_t find(std::string_view needle, std::size_t from, bool keep);
    std::size_t skip_markup(std::size_t at, bool keep);
    std::size_t record_name_at(std::size_t at) const;
    [[noreturn]] std::size_t throw_unterminated() const;
    std::size_t find_record_end(const std::string& name, std::size_t from, XmlRecord& record);

    std::filesystem::path file_;
    CompressedInput input_;
    std::vector<std::string> record_names_;
    std::size_t max_record_bytes_;
    std::string buffer_;        // unread bytes
    std::size_t line_ = 1;      // line of buffer_[0]
    std::size_t consumed_ = 0;  // bytes of the input before buffer_[0]
    bool keeping_ = true;       // false while a record too long to keep is being skipped
    std::string root_name_;
};

}  // namespace medsearch
