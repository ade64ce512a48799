// --metrics: trec_eval's measure names, cut-offs, multi cut-offs and print order.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "common/errors.h"
#include "eval/metrics.h"

namespace medsearch::eval {
namespace {

std::string names(const std::vector<Metric>& metrics) {
    std::string out;
    for (const Metric& metric : metrics) out += (out.empty() ? "" : " ") + metric_name(metric);
    return out;
}

TEST_CASE("metric lists parse into trec_eval's printed names, in trec_eval's order", "[eval][metric-names]") {
    const auto [list, expected] = GENERATE(table<std::string, std::string>({
        {std::string(default_metrics_list), "map recip_rank P_10 recall_100 ndcg_cut_10"},
        {"ndcg_cut.10", "ndcg_cut_10"},
        {"success.10,P.5,10,map", "map P_5 P_10 success_10"},
        {"P.10,5", "P_5 P_10"},
        {"P.5,10,recall.100,1000", "P_5 P_10 recall_100 recall_1000"},
        {"P_10, ndcg_cut_3", "P_10 ndcg_cut_3"},        // printed names work too
        {"map,map,P.10,P.10", "map P_10"},              // repeats count once
        {"P.10,P.5", "P_5 P_10"},                       // a measure named twice merges its cut-offs
        {"success", "success_1 success_5 success_10"},  // trec_eval's default cut-offs
        {"recall", "recall_5 recall_10 recall_15 recall_20 recall_30 recall_100 recall_200 recall_500 recall_1000"},
        {"ndcg_cut.1000000", "ndcg_cut_1000000"},
    }));
    CHECK(names(parse_metrics(list)) == expected);
    CHECK(check_metrics_list(list).empty());
}

TEST_CASE("bad metric lists are usage errors naming the problem", "[eval][metric-names]") {
    const auto [list, message] = GENERATE(table<std::string, std::string>({
        {"", "empty item"},
        {"map,", "empty item"},
        {"ndcg", "unknown metric \"ndcg\""},
        {"p.10", "unknown metric"},
        {"map.10", "map takes no cut-off"},
        {"P.0", "not a positive whole number"},
        {"P.-5", "not a positive whole number"},
        {"P.ten", "not a positive whole number"},
        {"10,map", "must follow a measure with a cut-off"},
        {"map,10", "must follow a measure with a cut-off"},
        {"P.5,10,map,20", "must follow a measure with a cut-off"},
    }));
    CHECK_THROWS_AS(parse_metrics(list), UsageError);
    CHECK_THAT(check_metrics_list(list), Catch::Contains(message));
}

}  // namespace
}  // namespace medsearch::eval
