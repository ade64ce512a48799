#include "query/ranking_options.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <type_traits>
#include <utility>

#include "common/errors.h"

namespace medsearch {

RankingOptions default_ranking() {
    return RankingOptions{};
}

namespace {

// What a setting holds, which decides how its text is read and written.
enum class Kind { boolean, count, number, choice };

// Each settable option: its kind and range, and how to read and write it. Values pass through a double only
// after the text was read as the option's own type and checked against its range.
struct Setting {
    Kind kind = Kind::number;
    double min = 0;
    double max = 0;
    std::vector<std::string_view> names;  // a choice's values by name, in numeric order
    std::function<void(RankingOptions&, double)> set;
    std::function<double(const RankingOptions&)> get;
};

template <typename Value, typename Access>
Setting setting(Kind kind, double min, double max, Access access) {
    Setting made;
    made.kind = kind;
    made.min = min;
    made.max = max;
    made.set = [access](RankingOptions& r, double v) { access(r) = static_cast<Value>(v); };
    made.get = [access](const RankingOptions& r) { return static_cast<double>(access(r)); };
    return made;
}

// Accessors by member pointer: a top-level option, or one of a group.
template <typename T>
auto at(T RankingOptions::*member) {
    return [member](auto& r) -> auto& { return r.*member; };
}
template <typename Group, typename T>
auto at(Group RankingOptions::*group, T Group::*member) {
    return [group, member](auto& r) -> auto& { return (r.*group).*member; };
}

template <typename Access>
Setting weight(Access access, double max = 100) { return setting<double>(Kind::number, 0, max, access); }
template <typename Access>
Setting share(Access access) { return setting<double>(Kind::number, 0, 1, access); }
template <typename Access>
Setting count(Access access, double min, double max) {
    using Value = std::remove_cvref_t<decltype(access(std::declval<RankingOptions&>()))>;
    return setting<Value>(Kind::count, min, max, access);
}
template <typename Access>
Setting boolean(Access access) { return setting<bool>(Kind::boolean, 0, 1, access); }
template <typename Access>
Setting choice(Access access, std::vector<std::string_view> names) {
    using Value = std::remove_cvref_t<decltype(access(std::declval<RankingOptions&>()))>;
    Setting made = setting<Value>(Kind::choice, 0, static_cast<double>(names.size() - 1), access);
    made.names = std::move(names);
    return made;
}

constexpr double many = 1'000'000;  // the ceiling of counts of documents, terms or words

const std::map<std::string, Setting, std::less<>>& settings() {
    using R = RankingOptions;
    static const std::map<std::string, Setting, std::less<>> table = {
        {"bm25.k1", weight(at(&R::bm25, &Bm25Parameters::k1))},
        {"bm25.b", share(at(&R::bm25, &Bm25Parameters::b))},
        {"bm25.min_normlen", weight(at(&R::bm25, &Bm25Parameters::min_normlen))},
        {"article_bm25.k1", weight(at(&R::article_bm25, &Bm25Parameters::k1))},
        {"article_bm25.b", share(at(&R::article_bm25, &Bm25Parameters::b))},
        {"article_bm25.min_normlen", weight(at(&R::article_bm25, &Bm25Parameters::min_normlen))},
        {"fields.body", weight(at(&R::fields, &FieldWeights::body))},
        {"fields.title", weight(at(&R::fields, &FieldWeights::title))},
        {"fields.heading", weight(at(&R::fields, &FieldWeights::heading))},
        {"fields.section", weight(at(&R::fields, &FieldWeights::section))},
        {"fields.lead_in", weight(at(&R::fields, &FieldWeights::lead_in))},
        {"fields.mesh", weight(at(&R::fields, &FieldWeights::mesh))},
        {"question_word_weight", weight(at(&R::question_word_weight))},
        {"derivation_weight", weight(at(&R::derivation_weight))},
        {"ngram_weight", weight(at(&R::ngram_weight))},
        {"ngram_max_document_share", share(at(&R::ngram_max_document_share))},
        {"pair_weight", weight(at(&R::pair_weight))},
        {"evidence_depth", count(at(&R::evidence_depth), 0, many)},
        {"synonym_weight", weight(at(&R::synonym_weight))},
        {"max_expansions", count(at(&R::max_expansions), 0, 1000)},
        {"article_weight", weight(at(&R::article_weight))},
        {"passage_weight", weight(at(&R::passage_weight))},
        {"candidate_articles", count(at(&R::candidate_articles), 1, many)},
        {"rerank_depth", count(at(&R::rerank_depth), 0, many)},
        {"evidence_passages", count(at(&R::evidence_passages), 0, many)},
        {"neighbour_weight", share(at(&R::neighbour_weight))},
        {"neighbour_min_words", count(at(&R::neighbour_min_words), 0, 1000)},
        {"passages_per_unit", count(at(&R::passages_per_unit), 1, 1000)},
        {"feedback.enabled", boolean(at(&R::feedback, &FeedbackOptions::enabled))},
        {"feedback.documents", count(at(&R::feedback, &FeedbackOptions::documents), 1, many)},
        {"feedback.terms", count(at(&R::feedback, &FeedbackOptions::terms), 0, many)},
        {"feedback.weight", weight(at(&R::feedback, &FeedbackOptions::weight))},
        {"feedback.max_question_words", count(at(&R::feedback, &FeedbackOptions::max_question_words), 0, 1000)},
        {"feedback.min_term_bytes", count(at(&R::feedback, &FeedbackOptions::min_term_bytes), 1, 245)},
        {"context.subject_weight", weight(at(&R::context, &ContextOptions::subject_weight))},
        {"context.subject_title_weight", weight(at(&R::context, &ContextOptions::subject_title_weight))},
        {"context.off_subject_share", share(at(&R::context, &ContextOptions::off_subject_share))},
        {"context.generic_document_share", share(at(&R::context, &ContextOptions::generic_document_share))},
        {"context.max_subject_words", count(at(&R::context, &ContextOptions::max_subject_words), 0, 1000)},
        {"context.remembered_answers", count(at(&R::context, &ContextOptions::remembered_answers), 1, 1000)},
        {"experimental.scheme", choice(at(&R::experimental, &ExperimentalOptions::scheme),
                                       {"bm25", "bm25_plus", "pl2", "dph", "language_model", "inl2"})},
        {"experimental.proximity_weight", weight(at(&R::experimental, &ExperimentalOptions::proximity_weight))},
        {"experimental.proximity_window", count(at(&R::experimental, &ExperimentalOptions::proximity_window), 1, 1000)},
        {"experimental.answer_title_weight", weight(at(&R::experimental, &ExperimentalOptions::answer_title_weight))},
    };
    return table;
}

std::string number_text(double value) {
    std::string text = std::to_string(value);
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
    return text;
}

// What a setting takes, for the error message ("a whole number from 1 to 1000").
std::string expected(const Setting& setting) {
    switch (setting.kind) {
        case Kind::boolean: return "true or false (or 1 or 0)";
        case Kind::count: return "a whole number from " + number_text(setting.min) + " to " + number_text(setting.max);
        case Kind::number: return "a number from " + number_text(setting.min) + " to " + number_text(setting.max);
        case Kind::choice: {
            std::string known;
            for (const std::string_view option : setting.names) known += (known.empty() ? "" : ", ") + std::string(option);
            return "one of " + known;
        }
    }
    return {};
}

// The value of text as the setting's type, or nullopt when it is not one (or out of range).
std::optional<double> read_value(const Setting& setting, std::string_view text) {
    const char* const first = text.data();
    const char* const last = text.data() + text.size();
    switch (setting.kind) {
        case Kind::boolean:
            if (text == "true" || text == "1") return 1.0;
            if (text == "false" || text == "0") return 0.0;
            return std::nullopt;
        case Kind::choice:
            if (const auto named = std::find(setting.names.begin(), setting.names.end(), text); named != setting.names.end())
                return static_cast<double>(named - setting.names.begin());
            [[fallthrough]];  // or its number, as describe_ranking printed it before names
        case Kind::count: {
            unsigned long long whole = 0;
            const auto [end, error] = std::from_chars(first, last, whole);
            if (error != std::errc() || end != last || text.empty()) return std::nullopt;
            const double value = static_cast<double>(whole);
            if (value < setting.min || value > setting.max) return std::nullopt;
            return value;
        }
        case Kind::number: {
            double value = 0;
            const auto [end, error] = std::from_chars(first, last, value);
            if (error != std::errc() || end != last || !std::isfinite(value)) return std::nullopt;
            if (value < setting.min || value > setting.max) return std::nullopt;
            return value;
        }
    }
    return std::nullopt;
}

}  // namespace

void apply_ranking_setting(RankingOptions& ranking, std::string_view assignment) {
    const std::size_t equals = assignment.find('=');
    if (equals == std::string_view::npos) throw UsageError("a ranking setting is NAME=VALUE, not '" + std::string(assignment) + "'");
    const std::string_view name = assignment.substr(0, equals);
    const std::string_view text = assignment.substr(equals + 1);
    const auto found = settings().find(name);
    if (found == settings().end()) throw UsageError("no ranking setting named '" + std::string(name) + "'");
    const Setting& setting = found->second;
    const std::optional<double> value = read_value(setting, text);
    if (!value) throw UsageError("ranking setting " + std::string(name) + " is " + expected(setting) + ", not '" + std::string(text) + "'");
    setting.set(ranking, *value);
}

std::vector<std::string> describe_ranking(const RankingOptions& ranking) {
    std::vector<std::string> lines;
    for (const auto& [name, setting] : settings()) {
        const double value = setting.get(ranking);
        switch (setting.kind) {
            case Kind::boolean: lines.push_back(name + "=" + (value != 0 ? "true" : "false")); break;
            case Kind::choice: lines.push_back(name + "=" + std::string(setting.names.at(static_cast<std::size_t>(value)))); break;
            case Kind::count: lines.push_back(name + "=" + std::to_string(static_cast<unsigned long long>(value))); break;
            case Kind::number: lines.push_back(name + "=" + number_text(value)); break;
        }
    }
    return lines;
}

}  // namespace medsearch
