#include "query/ranking_options.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <map>

#include "common/errors.h"

namespace medsearch {

RankingOptions default_ranking() {
    return RankingOptions{};
}

namespace {

// Each settable option: how to read it and how to write it, by name.
struct Setting {
    std::function<void(RankingOptions&, double)> set;
    std::function<double(const RankingOptions&)> get;
    std::vector<std::string_view> names = {};  // an enumeration's values by name, in numeric order; empty: a number
};

template <typename T>
Setting field(T RankingOptions::*member) {
    return {[member](RankingOptions& r, double v) { r.*member = static_cast<T>(v); },
            [member](const RankingOptions& r) { return static_cast<double>(r.*member); }};
}

template <typename Group, typename T>
Setting nested(Group RankingOptions::*group, T Group::*member) {
    return {[group, member](RankingOptions& r, double v) { (r.*group).*member = static_cast<T>(v); },
            [group, member](const RankingOptions& r) { return static_cast<double>((r.*group).*member); }};
}

// An enumeration, set by name (or by its number, as describe_ranking printed it before names).
template <typename T>
Setting named(T RankingOptions::*member, std::vector<std::string_view> names) {
    Setting setting = field(member);
    setting.names = std::move(names);
    return setting;
}

const std::map<std::string, Setting, std::less<>>& settings() {
    static const std::map<std::string, Setting, std::less<>> table = {
        {"scheme", named(&RankingOptions::scheme, {"bm25", "bm25_plus", "pl2", "dph", "language_model", "inl2"})},
        {"bm25.k1", nested(&RankingOptions::bm25, &Bm25Parameters::k1)},
        {"bm25.b", nested(&RankingOptions::bm25, &Bm25Parameters::b)},
        {"bm25.min_normlen", nested(&RankingOptions::bm25, &Bm25Parameters::min_normlen)},
        {"fields.body", nested(&RankingOptions::fields, &FieldWeights::body)},
        {"fields.title", nested(&RankingOptions::fields, &FieldWeights::title)},
        {"fields.heading", nested(&RankingOptions::fields, &FieldWeights::heading)},
        {"fields.section", nested(&RankingOptions::fields, &FieldWeights::section)},
        {"question_word_weight", field(&RankingOptions::question_word_weight)},
        {"ngram_weight", field(&RankingOptions::ngram_weight)},
        {"ngram_max_document_share", field(&RankingOptions::ngram_max_document_share)},
        {"pair_weight", field(&RankingOptions::pair_weight)},
        {"evidence_depth", field(&RankingOptions::evidence_depth)},
        {"synonym_weight", field(&RankingOptions::synonym_weight)},
        {"max_expansions", field(&RankingOptions::max_expansions)},
        {"proximity_weight", field(&RankingOptions::proximity_weight)},
        {"proximity_window", field(&RankingOptions::proximity_window)},
        {"article_weight", field(&RankingOptions::article_weight)},
        {"derivation_weight", field(&RankingOptions::derivation_weight)},
        {"passage_weight", field(&RankingOptions::passage_weight)},
        {"candidate_articles", field(&RankingOptions::candidate_articles)},
        {"rerank_depth", field(&RankingOptions::rerank_depth)},
        {"neighbour_weight", field(&RankingOptions::neighbour_weight)},
        {"neighbour_min_words", field(&RankingOptions::neighbour_min_words)},
        {"feedback.enabled", nested(&RankingOptions::feedback, &FeedbackOptions::enabled)},
        {"feedback.documents", nested(&RankingOptions::feedback, &FeedbackOptions::documents)},
        {"feedback.terms", nested(&RankingOptions::feedback, &FeedbackOptions::terms)},
        {"feedback.weight", nested(&RankingOptions::feedback, &FeedbackOptions::weight)},
        {"feedback.max_question_words", nested(&RankingOptions::feedback, &FeedbackOptions::max_question_words)},
        {"context.subject_weight", nested(&RankingOptions::context, &ContextOptions::subject_weight)},
        {"context.subject_title_weight", nested(&RankingOptions::context, &ContextOptions::subject_title_weight)},
        {"context.off_subject_share", nested(&RankingOptions::context, &ContextOptions::off_subject_share)},
        {"context.answer_title_weight", nested(&RankingOptions::context, &ContextOptions::answer_title_weight)},
        {"context.generic_document_share", nested(&RankingOptions::context, &ContextOptions::generic_document_share)},
        {"context.max_subject_words", nested(&RankingOptions::context, &ContextOptions::max_subject_words)},
    };
    return table;
}

}  // namespace

void apply_ranking_setting(RankingOptions& ranking, std::string_view assignment) {
    const std::size_t equals = assignment.find('=');
    if (equals == std::string_view::npos) throw UsageError("a ranking setting is NAME=VALUE, not '" + std::string(assignment) + "'");
    const std::string_view name = assignment.substr(0, equals);
    const std::string_view text = assignment.substr(equals + 1);
    const auto setting = settings().find(name);
    if (setting == settings().end()) throw UsageError("no ranking setting named '" + std::string(name) + "'");
    const std::vector<std::string_view>& names = setting->second.names;
    if (const auto named = std::find(names.begin(), names.end(), text); named != names.end()) {
        setting->second.set(ranking, static_cast<double>(named - names.begin()));
        return;
    }
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    const bool number = error == std::errc() && end == text.data() + text.size() && value >= 0;
    if (!names.empty() && (!number || value != std::floor(value) || value >= static_cast<double>(names.size()))) {
        std::string known;
        for (const std::string_view option : names) known += (known.empty() ? "" : ", ") + std::string(option);
        throw UsageError("ranking setting " + std::string(name) + " is one of " + known + ", not '" + std::string(text) + "'");
    }
    if (!number)
        throw UsageError("ranking setting " + std::string(name) + " needs a non-negative number, not '" + std::string(text) + "'");
    setting->second.set(ranking, value);
}

std::vector<std::string> describe_ranking(const RankingOptions& ranking) {
    std::vector<std::string> lines;
    for (const auto& [name, setting] : settings()) {
        if (!setting.names.empty()) {
            lines.push_back(name + "=" + std::string(setting.names.at(static_cast<std::size_t>(setting.get(ranking)))));
            continue;
        }
        std::string value = std::to_string(setting.get(ranking));
        value.erase(value.find_last_not_of('0') + 1);
        if (value.back() == '.') value.pop_back();
        lines.push_back(name + "=" + value);
    }
    return lines;
}

}  // namespace medsearch
