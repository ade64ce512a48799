// Which numbers to compute, named as trec_eval names them: `map`, `recip_rank`, `P.10`, `recall.100`,
// `ndcg_cut.10`, `success.10`; several cut-offs as `P.5,10`. Printed names join measure and cut-off with
// '_' (`P_10`), and measures print in trec_eval's order (map, recip_rank, P, recall, ndcg_cut, success),
// each measure's cut-offs ascending, whatever order they were asked in.
#pragma once

#include <compare>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace medsearch::eval {

// In trec_eval's print order.
enum class Measure { map, recip_rank, precision, recall, ndcg_cut, success };

struct Metric {
    Measure measure = Measure::map;
    std::size_t cutoff = 0;  // 0 for measures without a cut-off (map, recip_rank)

    auto operator<=>(const Metric&) const = default;
};

// True for the measures that take cut-offs.
bool takes_cutoff(Measure measure);

// trec_eval's printed name: "map", "recip_rank", "P_10", "recall_100", "ndcg_cut_10", "success_10".
std::string metric_name(const Metric& metric);

// A comma-separated list of trec_eval measure names, e.g. "ndcg_cut.10,map,P.5,10,recall.100". A number
// after a measure with cut-offs adds a cut-off to it; a measure named without cut-offs gets trec_eval's
// defaults (5,10,15,20,30,100,200,500,1000; success 1,5,10); printed names ("P_10") are accepted too.
// Repeated metrics count once. Returns them in print order. Throws UsageError naming the bad item.
std::vector<Metric> parse_metrics(std::string_view list);

// What `eval` and `compare` compute unless told otherwise.
inline constexpr std::string_view default_metrics_list = "ndcg_cut.10,map,recip_rank,P.10,recall.100";

// The measure names parse_metrics accepts, for help texts: "map, recip_rank, P, recall, ndcg_cut, success".
std::string known_measure_names();

// Empty when parse_metrics accepts the list, otherwise its error message (for command-line validators).
std::string check_metrics_list(std::string_view list);

}  // namespace medsearch::eval
