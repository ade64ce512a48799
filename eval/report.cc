#include "eval/report.h"

#include "eval/text_input.h"

namespace medsearch::eval {

std::string trec_eval_line(const std::string& name, const std::string& topic, double value) {
    std::string line = name;
    if (line.size() < 22) line.append(22 - line.size(), ' ');
    line += '\t';
    line += topic;
    line += '\t';
    line += format_fixed(value, 4);
    line += '\n';
    return line;
}

std::string format_trec_eval(const Evaluation& evaluation, bool per_query) {
    std::vector<std::string> names;
    names.reserve(evaluation.metrics.size());
    for (const Metric& metric : evaluation.metrics) names.push_back(metric_name(metric));

    std::string out;
    if (per_query) {
        for (const TopicEvaluation& topic : evaluation.topics)
            for (std::size_t m = 0; m < names.size(); ++m)
                out += trec_eval_line(names[m], topic.topic_id, topic.values[m]);
    }
    for (std::size_t m = 0; m < names.size(); ++m) out += trec_eval_line(names[m], "all", evaluation.means[m]);
    return out;
}

nlohmann::ordered_json evaluation_to_json(const Evaluation& evaluation, bool per_query) {
    nlohmann::ordered_json json;
    json["metrics"] = nlohmann::ordered_json::array();
    for (const Metric& metric : evaluation.metrics) json["metrics"].push_back(metric_name(metric));
    json["num_topics"] = evaluation.topics.size();
    std::size_t in_run = 0;
    for (const TopicEvaluation& topic : evaluation.topics) in_run += topic.in_run ? 1 : 0;
    json["num_topics_in_run"] = in_run;

    const auto values_object = [&](const std::vector<double>& values) {
        nlohmann::ordered_json object = nlohmann::ordered_json::object();
        for (std::size_t m = 0; m < evaluation.metrics.size(); ++m) object[metric_name(evaluation.metrics[m])] = values[m];
        return object;
    };
    json["all"] = values_object(evaluation.means);
    if (per_query) {
        nlohmann::ordered_json topics = nlohmann::ordered_json::object();
        for (const TopicEvaluation& topic : evaluation.topics) topics[topic.topic_id] = values_object(topic.values);
        json["per_query"] = std::move(topics);
    }
    return json;
}

namespace {

std::string pad_left(std::string text, std::size_t width) {
    if (text.size() < width) text.insert(0, width - text.size(), ' ');
    return text;
}

std::string pad_right(std::string text, std::size_t width) {
    if (text.size() < width) text.append(width - text.size(), ' ');
    return text;
}

std::string signed_fixed(double value) {
    std::string text = format_fixed(value, 4);
    if (text.front() != '-') text.insert(0, 1, '+');
    return text;
}

}  // namespace

std::string format_comparison(const Comparison& comparison, const std::string& label_a, const std::string& label_b,
                              const RandomizationOptions& randomization) {
    std::string out = "A: " + label_a + "\nB: " + label_b + "\n" + std::to_string(comparison.num_topics) +
                      " topics; paired randomization test (" + std::to_string(randomization.permutations) +
                      " permutations, seed " + std::to_string(randomization.seed) + ") and paired t-test, two-sided\n\n";
    out += pad_right("metric", 22) + pad_left("A", 9) + pad_left("B", 9) + pad_left("A-B", 9) + pad_left("A>B", 6) +
           pad_left("A=B", 6) + pad_left("A<B", 6) + pad_left("p_rand", 9) + pad_left("p_t", 9) + "\n";
    for (const MetricComparison& row : comparison.metrics) {
        out += pad_right(metric_name(row.metric), 22) + pad_left(format_fixed(row.mean_a, 4), 9) +
               pad_left(format_fixed(row.mean_b, 4), 9) + pad_left(signed_fixed(row.mean_a - row.mean_b), 9) +
               pad_left(std::to_string(row.wins), 6) + pad_left(std::to_string(row.ties), 6) +
               pad_left(std::to_string(row.losses), 6) + pad_left(format_fixed(row.randomization_p, 4), 9) +
               pad_left(format_fixed(row.t_test.p, 4), 9) + "\n";
    }
    return out;
}

nlohmann::ordered_json comparison_to_json(const Comparison& comparison, const std::string& label_a,
                                          const std::string& label_b, const RandomizationOptions& randomization) {
    nlohmann::ordered_json json;
    json["run_a"] = label_a;
    json["run_b"] = label_b;
    json["num_topics"] = comparison.num_topics;
    json["permutations"] = randomization.permutations;
    json["seed"] = randomization.seed;
    json["metrics"] = nlohmann::ordered_json::array();
    for (const MetricComparison& row : comparison.metrics) {
        json["metrics"].push_back({{"metric", metric_name(row.metric)},
                                   {"mean_a", row.mean_a},
                                   {"mean_b", row.mean_b},
                                   {"wins", row.wins},
                                   {"ties", row.ties},
                                   {"losses", row.losses},
                                   {"p_randomization", row.randomization_p},
                                   {"t", row.t_test.t},
                                   {"p_t", row.t_test.p}});
    }
    return json;
}

}  // namespace medsearch::eval
