#include "eval/metrics.h"

#include <algorithm>
#include <array>
#include <optional>

#include "common/errors.h"
#include "eval/text_input.h"

namespace medsearch::eval {

namespace {

struct MeasureName {
    Measure measure;
    std::string_view name;
};

constexpr std::array<MeasureName, 6> measure_names{{
    {Measure::map, "map"},
    {Measure::recip_rank, "recip_rank"},
    {Measure::precision, "P"},
    {Measure::recall, "recall"},
    {Measure::ndcg_cut, "ndcg_cut"},
    {Measure::success, "success"},
}};

std::optional<Measure> find_measure(std::string_view name) {
    for (const MeasureName& entry : measure_names)
        if (entry.name == name) return entry.measure;
    return std::nullopt;
}

std::string_view name_of(Measure measure) {
    for (const MeasureName& entry : measure_names)
        if (entry.measure == measure) return entry.name;
    return "?";
}

// trec_eval's default cut-offs when a measure is named without any.
std::vector<std::size_t> default_cutoffs(Measure measure) {
    if (measure == Measure::success) return {1, 5, 10};
    return {5, 10, 15, 20, 30, 100, 200, 500, 1000};
}

bool all_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::size_t parse_cutoff(std::string_view text, std::string_view item) {
    const std::optional<long long> value = all_digits(text) ? parse_integer(text) : std::nullopt;
    if (!value || *value <= 0)
        throw UsageError("metric \"" + std::string(item) + "\": cut-off \"" + std::string(text) +
                         "\" is not a positive whole number");
    return static_cast<std::size_t>(*value);
}

// Splits "P.10" or "P_10" into the measure and its cut-off text (empty when none).
std::pair<Measure, std::string_view> split_item(std::string_view item) {
    if (const auto measure = find_measure(item)) return {*measure, {}};
    const std::size_t separator = item.find_last_of("._");
    if (separator != std::string_view::npos) {
        if (const auto measure = find_measure(item.substr(0, separator)))
            return {*measure, item.substr(separator + 1)};
    }
    throw UsageError("unknown metric \"" + std::string(item) + "\" (known: " + known_measure_names() + ")");
}

}  // namespace

bool takes_cutoff(Measure measure) { return measure != Measure::map && measure != Measure::recip_rank; }

std::string metric_name(const Metric& metric) {
    std::string name(name_of(metric.measure));
    if (takes_cutoff(metric.measure)) {
        name += '_';
        name += std::to_string(metric.cutoff);
    }
    return name;
}

std::vector<Metric> parse_metrics(std::string_view list) {
    std::vector<Metric> metrics;
    // The measure a bare number adds a cut-off to (the last one named with a cut-off), if any.
    bool has_open_measure = false;
    Measure open_measure = Measure::map;
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t comma = list.find(',', start);
        if (comma == std::string_view::npos) comma = list.size();
        const std::string_view item = trim(list.substr(start, comma - start));
        start = comma + 1;
        if (item.empty()) throw UsageError("empty item in metric list \"" + std::string(list) + "\"");
        if (all_digits(item)) {
            if (!has_open_measure)
                throw UsageError("metric list \"" + std::string(list) + "\": cut-off " + std::string(item) +
                                 " must follow a measure with a cut-off, as in P.5,10");
            metrics.push_back({open_measure, parse_cutoff(item, item)});
            continue;
        }
        const auto [measure, cutoff_text] = split_item(item);
        has_open_measure = false;
        if (!takes_cutoff(measure)) {
            if (!cutoff_text.empty())
                throw UsageError("metric \"" + std::string(item) + "\": " + std::string(name_of(measure)) +
                                 " takes no cut-off");
            metrics.push_back({measure, 0});
        } else if (cutoff_text.empty()) {
            for (const std::size_t cutoff : default_cutoffs(measure)) metrics.push_back({measure, cutoff});
        } else {
            metrics.push_back({measure, parse_cutoff(cutoff_text, item)});
            open_measure = measure;
            has_open_measure = true;
        }
    }
    std::sort(metrics.begin(), metrics.end());
    metrics.erase(std::unique(metrics.begin(), metrics.end()), metrics.end());
    return metrics;
}

std::string known_measure_names() {
    std::string names;
    for (const MeasureName& entry : measure_names) {
        if (!names.empty()) names += ", ";
        names += entry.name;
    }
    return names;
}

std::string check_metrics_list(std::string_view list) {
    try {
        parse_metrics(list);
    } catch (const UsageError& error) {
        return error.what();
    }
    return {};
}

}  // namespace medsearch::eval
