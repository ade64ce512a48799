#include "readers/xml_records.h"

#include <algorithm>

#include "common/errors.h"

namespace medsearch {

namespace {

constexpr std::size_t block_bytes = 1u << 16;

bool is_name_end(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '>' || c == '/'; }

}  // namespace

XmlRecordReader::XmlRecordReader(const std::filesystem::path& file, std::vector<std::string> record_names,
                                 std::size_t max_record_bytes)
    : file_(file), input_(file), record_names_(std::move(record_names)), max_record_bytes_(max_record_bytes) {}

bool XmlRecordReader::fill() { return input_.read(buffer_, block_bytes, line_) > 0; }

void XmlRecordReader::consume(std::size_t count) {
    count = std::min(count, buffer_.size());
    line_ += static_cast<std::size_t>(std::count(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(count), '\n'));
    consumed_ += count;
    buffer_.erase(0, count);
}

bool XmlRecordReader::ensure(std::size_t bytes) {
    while (buffer_.size() < bytes)
        if (!fill()) return false;
    return true;
}

// Where needle starts, at or after from, reading on as needed; npos at the end of the input. Unless
// keep is set, the bytes searched are dropped as it goes (positions are then relative to what is left,
// and the result counts from the new start).
std::size_t XmlRecordReader::find(std::string_view needle, std::size_t from, bool keep) {
    for (;;) {
        const std::size_t at = buffer_.find(needle, from);
        if (at != std::string::npos) return at;
        from = std::max(from, buffer_.size() >= needle.size() ? buffer_.size() - needle.size() + 1 : 0);
        if (!keep) {
            consume(from);
            from = 0;
        } else if (keeping_ && buffer_.size() > max_record_bytes_) {
            return std::string::npos - 1;  // the record is too long to keep: the caller starts skipping
        }
        if (!fill()) return std::string::npos;
    }
}

// Steps over the comment, CDATA section, processing instruction or DOCTYPE at `at` (which holds '<');
// returns the position after it.
std::size_t XmlRecordReader::skip_markup(std::size_t at, bool keep) {
    ensure(at + 9);
    const std::string_view rest = std::string_view(buffer_).substr(at);
    std::string_view close;
    if (rest.starts_with("<!--")) close = "-->";
    else if (rest.starts_with("<![CDATA[")) close = "]]>";
    else if (rest.starts_with("<?")) close = "?>";
    else close = ">";
    std::size_t from = at + 2;
    if (rest.starts_with("<!DOCTYPE") || rest.starts_with("<!doctype")) {
        // An internal subset in [...] may hold '>'.
        const std::size_t end = find(">", from, keep);
        if (end >= std::string::npos - 1) return end == std::string::npos ? throw_unterminated() : buffer_.size();
        const std::size_t open = buffer_.find('[', from);
        if (open < end) {
            const std::size_t subset_end = find("]", open, keep);
            if (subset_end >= std::string::npos - 1) return subset_end == std::string::npos ? throw_unterminated() : buffer_.size();
            from = subset_end;
        } else {
            return end + 1;
        }
    }
    const std::size_t end = find(close, from, keep);
    if (end == std::string::npos) throw_unterminated();
    if (end == std::string::npos - 1) return buffer_.size();  // too long while kept: the caller notices
    return end + close.size();
}

std::size_t XmlRecordReader::throw_unterminated() const {
    throw ParseError(file_.string(), line_, "the file ends inside a comment, CDATA section or declaration");
}

// The length of the record name at `at` (which holds '<'), or 0 when no record starts there.
std::size_t XmlRecordReader::record_name_at(std::size_t at) const {
    for (const std::string& name : record_names_)
        if (buffer_.compare(at + 1, name.size(), name) == 0 && at + 1 + name.size() < buffer_.size() &&
            is_name_end(buffer_[at + 1 + name.size()]))
            return name.size();
    return 0;
}

bool XmlRecordReader::next(XmlRecord& record) {
    record = XmlRecord{};
    for (;;) {
        const std::size_t at = find("<", 0, false);
        if (at == std::string::npos) return false;
        consume(at);
        if (!ensure(2)) return false;
        const char second = buffer_[1];
        if (second == '!' || second == '?') {
            consume(skip_markup(0, false));
            continue;
        }
        // Enough of the tag to read a record's name.
        std::size_t longest = 0;
        for (const std::string& name : record_names_) longest = std::max(longest, name.size());
        ensure(longest + 2);
        const std::size_t name_length = record_name_at(0);
        if (name_length == 0) {
            // Another tag: the root's, or an element between records. Remember the first one's name.
            if (root_name_.empty() && second != '/') {
                ensure(256);
                std::size_t end = 1;
                while (end < buffer_.size() && !is_name_end(buffer_[end])) ++end;
                root_name_ = buffer_.substr(1, end - 1);
            }
            const std::size_t end = find(">", 1, false);
            if (end == std::string::npos) throw ParseError(file_.string(), line_, "the file ends inside a tag");
            consume(end + 1);
            continue;
        }
        record.name = buffer_.substr(1, name_length);
        record.line = line_;
        const std::size_t start = consumed_;
        const std::size_t end = find_record_end(record.name, 1 + name_length, record);
        if (!record.too_long) record.text = buffer_.substr(0, end);
        record.length = consumed_ + end - start;
        consume(end);
        return true;
    }
}

// The position just past the record that starts at buffer_[0]. A record that grows past the limit is
// marked too long and skipped: its bytes are dropped as they are read, and the position returned counts
// from what is left.
std::size_t XmlRecordReader::find_record_end(const std::string& name, std::size_t from, XmlRecord& record) {
    keeping_ = true;
    auto stop_keeping = [&] {
        record.too_long = true;
        keeping_ = false;
    };
    // The start tag: an empty element ends the record at once.
    std::size_t gt = find(">", from, keeping_);
    if (gt == std::string::npos - 1) {
        stop_keeping();
        gt = find(">", 0, false);
    }
    if (gt == std::string::npos) throw ParseError(file_.string(), record.line, "the file ends inside <" + name + ">");
    if (buffer_[gt - (gt > 0 ? 1 : 0)] == '/') {
        keeping_ = true;
        return gt + 1;
    }
    const std::string end_tag = "</" + name;
    std::size_t scan = gt + 1;
    for (;;) {
        std::size_t lt = find("<", scan, keeping_);
        if (lt == std::string::npos - 1) {
            stop_keeping();
            continue;
        }
        if (lt == std::string::npos)
            throw ParseError(file_.string(), record.line, "the file ends inside <" + name + ">, which opened here");
        if (!keeping_) {
            // Drop what is read; positions restart at the '<'.
            consume(lt);
            lt = 0;
        }
        ensure(lt + std::max<std::size_t>(end_tag.size() + 1, 9));
        const std::string_view rest = std::string_view(buffer_).substr(lt);
        if (rest.starts_with("<!") || rest.starts_with("<?")) {
            scan = skip_markup(lt, keeping_);
            continue;
        }
        if (rest.starts_with(end_tag) && rest.size() > end_tag.size() && is_name_end(rest[end_tag.size()])) {
            const std::size_t close = find(">", lt + end_tag.size(), keeping_);
            if (close == std::string::npos) throw ParseError(file_.string(), record.line, "the file ends inside </" + name + ">");
            if (close == std::string::npos - 1) {
                stop_keeping();
                scan = lt;
                continue;
            }
            keeping_ = true;
            return close + 1;
        }
        scan = lt + 1;
    }
}

}  // namespace medsearch
