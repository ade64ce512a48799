#include "tools/synonym_sets.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include "readers/text.h"

namespace medsearch {

namespace {

class DisjointSets {
public:
    explicit DisjointSets(std::size_t size) : parent_(size) { std::iota(parent_.begin(), parent_.end(), 0); }
    std::size_t root(std::size_t item) {
        while (parent_[item] != item) item = parent_[item] = parent_[parent_[item]];
        return item;
    }
    // Joins the two groups under the smaller root; false when they were one already.
    bool join(std::size_t a, std::size_t b) {
        a = root(a);
        b = root(b);
        if (a == b) return false;
        parent_[std::max(a, b)] = std::min(a, b);
        return true;
    }

private:
    std::vector<std::size_t> parent_;
};

struct Group {
    std::vector<const SetName*> names;  // in input order, one per key
    std::set<std::string> keys;
    std::set<std::string> focus_keys;
};

std::map<std::size_t, Group> collect_groups(const std::vector<std::vector<SetName>>& sets, DisjointSets& groups) {
    std::map<std::size_t, Group> collected;
    for (std::size_t i = 0; i < sets.size(); ++i) {
        Group& group = collected[groups.root(i)];
        for (const SetName& name : sets[i]) {
            if (name.focus) group.focus_keys.insert(name.key);
            if (group.keys.insert(name.key).second) group.names.push_back(&name);
        }
    }
    return collected;
}

bool intersects(const std::set<std::string>& a, const std::set<std::string>& b) {
    return std::any_of(a.begin(), a.end(), [&](const std::string& key) { return b.contains(key); });
}

// Focus names first (a focus beats a synonym spelling of the same key), then frequency, then text.
bool written_before(const SetName* a, const SetName* b) {
    if (a->focus != b->focus) return a->focus;
    if (a->focus) return false;  // keep the input order among foci (stable sort)
    if (a->frequency != b->frequency) return a->frequency > b->frequency;
    return a->text < b->text;
}

}  // namespace

std::vector<std::vector<std::string>> build_synonym_sets(const std::vector<std::vector<SetName>>& sets,
                                                         const SetBuildOptions& options, SetBuildReport& report) {
    report = {};
    report.input_sets = sets.size();
    DisjointSets groups(sets.size());

    // One concept under one title, from two sources or two files: merge.
    std::unordered_map<std::string, std::size_t> first_with_focus;
    for (std::size_t i = 0; i < sets.size(); ++i)
        for (const SetName& name : sets[i])
            if (name.focus) {
                const auto [found, inserted] = first_with_focus.emplace(name.key, i);
                if (!inserted && groups.join(found->second, i)) ++report.same_focus_merges;
            }

    // One concept under two titles: each set lists the other's focus.
    {
        std::map<std::size_t, Group> current = collect_groups(sets, groups);
        std::unordered_map<std::string, std::vector<std::size_t>> groups_with_focus;
        for (const auto& [root, group] : current)
            for (const std::string& key : group.focus_keys) groups_with_focus[key].push_back(root);
        std::map<std::size_t, std::set<std::string>> merged_keys;
        std::set<std::pair<std::size_t, std::size_t>> tried;  // each mutual pair is weighed once
        for (const auto& [root, group] : current) merged_keys[root] = group.keys;
        for (const auto& [root, group] : current)
            for (const std::string& key : group.keys) {
                if (group.focus_keys.contains(key)) continue;
                const auto other_groups = groups_with_focus.find(key);
                if (other_groups == groups_with_focus.end()) continue;
                for (const std::size_t other : other_groups->second) {
                    if (!intersects(group.focus_keys, current[other].keys)) continue;
                    const std::size_t a = groups.root(root), b = groups.root(other);
                    if (a == b || !tried.emplace(std::min(root, other), std::max(root, other)).second) continue;
                    std::set<std::string> joined = merged_keys[a];
                    joined.insert(merged_keys[b].begin(), merged_keys[b].end());
                    if (joined.size() > options.max_set_size) {
                        ++report.merges_refused;
                        continue;
                    }
                    groups.join(a, b);
                    merged_keys[groups.root(a)] = std::move(joined);
                    ++report.mutual_merges;
                }
            }
    }

    std::map<std::size_t, Group> final_groups = collect_groups(sets, groups);

    // Broader terms and ambiguous abbreviations: kept only where they are the focus.
    std::unordered_map<std::string, std::size_t> holders;
    std::unordered_map<std::string, bool> is_abbreviation;
    for (const auto& [root, group] : final_groups)
        for (const SetName* name : group.names) {
            ++holders[name->key];
            is_abbreviation[name->key] = is_abbreviation[name->key] || name->abbreviation;
        }
    for (const auto& [key, count] : holders)
        if (count >= (is_abbreviation[key] ? options.abbreviation_hub_limit : options.hub_limit)) ++report.hub_names;

    std::vector<std::vector<std::string>> lines;
    for (auto& [root, group] : final_groups) {
        std::vector<const SetName*> kept;
        for (const SetName* name : group.names) {
            const std::size_t limit = is_abbreviation[name->key] ? options.abbreviation_hub_limit : options.hub_limit;
            if (holders[name->key] >= limit && !group.focus_keys.contains(name->key)) {
                ++report.hub_removals;
                continue;
            }
            kept.push_back(name);
        }
        std::stable_sort(kept.begin(), kept.end(), written_before);
        if (kept.size() > options.max_set_size) {
            kept.resize(options.max_set_size);
            ++report.truncated_sets;
        }
        if (kept.size() < 2) continue;
        std::vector<std::string>& line = lines.emplace_back();
        for (const SetName* name : kept) line.push_back(name->text);
    }
    std::sort(lines.begin(), lines.end(), [](const std::vector<std::string>& a, const std::vector<std::string>& b) {
        const std::string first_a = ascii_lower(a.front()), first_b = ascii_lower(b.front());
        return first_a != first_b ? first_a < first_b : a < b;
    });
    report.output_sets = lines.size();
    for (const auto& line : lines) report.expressions += line.size();
    return lines;
}

}  // namespace medsearch
