// build_synonyms: builds corpus/synonyms/*.tsv from MedQuAD and PubMedQA, and measures how much a synonym
// dictionary expands the questions of a topic set.
//
//   build_synonyms build --medquad ../shared/data/medquad --pubmedqa ../shared/data/pubmedqa/ori_pqal.json
//                        --out corpus/synonyms
//   build_synonyms flood --topics TOPICS.tsv [--synonyms FILE ...] [--no-bundled-synonyms] [--max-expansions N]
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include <CLI/CLI.hpp>

#include "analysis/analyzer.h"
#include "common/errors.h"
#include "eval/topics.h"
#include "query/synonyms.h"
#include "readers/passage_splitter.h"
#include "readers/reader.h"
#include "tools/definition_table.h"
#include "tools/expansion_flood.h"
#include "tools/expression_keys.h"
#include "tools/focus_sets.h"
#include "tools/lay_terms.h"
#include "tools/name_filter.h"
#include "tools/schwartz_hearst.h"
#include "tools/short_forms.h"
#include "tools/synonym_file.h"
#include "tools/synonym_sets.h"

namespace fs = std::filesystem;
using namespace medsearch;

namespace {

struct BuildFlags {
    fs::path medquad;
    fs::path pubmedqa;
    fs::path out;
    std::size_t min_sightings = 2;
    double dominance = 0.7;
    std::size_t max_set_size = 16;
    double min_glossed_share = 0.02;
    bool verbose = false;
};

struct FloodFlags {
    fs::path topics;
    std::vector<fs::path> synonym_files;
    bool no_bundled = false;
    std::size_t max_expansions = 4;
    std::size_t examples = 0;
};

class CollectingSink : public ArticleSink {
public:
    explicit CollectingSink(std::vector<Article>& articles) : articles_(articles) {}
    void on_article(Article&& article) override { articles_.push_back(std::move(article)); }
    void on_error(const ParseError& error) override { throw error; }

private:
    std::vector<Article>& articles_;
};

std::vector<Article> read_corpus(const fs::path& path, Format format) {
    std::vector<Article> articles;
    CollectingSink sink(articles);
    for (const fs::path& file : list_input_files({path})) {
        if (file.extension() != (format == Format::medquad ? ".xml" : ".json")) continue;
        read_articles(file, format, sink);
    }
    return articles;
}

// The sentences the miners read: every passage, and the title where it is a question (PubMedQA).
template <typename Visit>
void for_each_sentence(const std::vector<Article>& articles, bool with_titles, Visit visit) {
    for (const Article& article : articles) {
        if (with_titles)
            for (const std::string& sentence : split_sentences(article.title)) visit(sentence);
        for (const Passage& passage : article.passages)
            for (const std::string& sentence : split_sentences(passage.text)) visit(sentence);
    }
}

std::string command_line(const BuildFlags& flags) {
    return "build_synonyms build --medquad " + flags.medquad.string() + " --pubmedqa " + flags.pubmedqa.string() +
           " --out " + flags.out.string();
}

// The key's units in sorted order: names with the same words in another order share it.
std::string sorted_units(const std::string& key) {
    std::vector<std::string> units;
    for (std::size_t start = 0;;) {
        const std::size_t bar = key.find('|', start);
        units.push_back(key.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
        if (bar == std::string::npos) break;
        start = bar + 1;
    }
    std::sort(units.begin(), units.end());
    std::string joined;
    for (const std::string& unit : units) joined += unit + '|';
    return joined;
}

// Prints one count line of the report.
void report(const std::string& what, std::size_t count) { std::cout << "  " << what << ": " << count << '\n'; }

int run_build(const BuildFlags& flags) {
    const Analyzer analyzer;
    const ExpressionKeys keys(analyzer);

    // Read the corpus.
    const std::vector<Article> medquad = read_corpus(flags.medquad, Format::medquad);
    const std::vector<Article> pubmedqa = read_corpus(flags.pubmedqa, Format::pubmedqa);
    std::cout << "read " << medquad.size() << " MedQuAD articles, " << pubmedqa.size() << " PubMedQA abstracts\n";

    // Mine abbreviation definitions and lay glosses, sentence by sentence.
    DefinitionTable abbreviations(keys), glosses(keys);
    std::size_t definitions = 0, gloss_sightings = 0;
    auto mine = [&](std::string_view sentence) {
        for (const AbbreviationDefinition& found : find_abbreviation_definitions(sentence)) {
            abbreviations.add(found.short_form, found.long_form, sentence);
            ++definitions;
        }
        for (const LayGloss& found : find_lay_glosses(sentence)) {
            glosses.add(found.term, found.gloss, sentence);
            ++gloss_sightings;
        }
    };
    for_each_sentence(medquad, false, mine);
    for_each_sentence(pubmedqa, true, mine);

    // Focus name sets.
    std::vector<FocusSet> focus_sets;
    for (const Article& article : medquad) {
        FocusSet set = collect_focus_set(article);
        if (!set.names.empty()) focus_sets.push_back(std::move(set));
    }

    // Count the corpus's use of every name and gloss.
    std::unordered_set<std::string> wanted;
    std::vector<std::vector<std::string>> name_keys;
    for (const FocusSet& set : focus_sets) {
        std::vector<std::string>& set_keys = name_keys.emplace_back();
        for (const FocusName& name : set.names) wanted.insert(set_keys.emplace_back(keys.key(name.text)));
    }
    const std::vector<std::vector<ChosenDefinition>> gloss_choice = glosses.frequent(flags.min_sightings, 4);
    for (const auto& term : gloss_choice)
        for (const ChosenDefinition& gloss : term) wanted.insert(keys.key(gloss.definition));
    CorpusUsage usage(std::move(wanted));
    for (const std::vector<Article>* articles : {&medquad, &pubmedqa})
        for (const Article& article : *articles) {
            std::vector<std::vector<TextUnit>> passages;
            passages.push_back(keys.units(article.title));
            for (const Passage& passage : article.passages) passages.push_back(keys.units(passage.text));
            usage.add_document(passages);
        }

    // Abbreviations: one dominant long form, a short form that is safe to expand.
    const DominantChoice abbreviation_choice = abbreviations.dominant(flags.min_sightings, flags.dominance);
    std::vector<std::vector<std::string>> abbreviation_sets;
    std::map<std::string, std::set<std::string>> chosen_long_forms;
    std::map<ShortFormVerdict, std::size_t> unsafe;
    for (const ChosenDefinition& pair : abbreviation_choice.kept) {
        const std::vector<TextUnit> units = keys.units(pair.name);
        const std::size_t lower_case = units.size() == 1 ? usage.lower_case_documents(units.front().word) : 0;
        const ShortFormVerdict verdict = judge_short_form(pair.name, units, lower_case);
        if (verdict != ShortFormVerdict::safe) {
            ++unsafe[verdict];
            if (flags.verbose) std::cout << "    unsafe short form (" << describe(verdict) << "): " << pair.name << " = " << pair.definition << '\n';
            continue;
        }
        std::set<std::string>& long_keys = chosen_long_forms[keys.key(pair.name)];
        long_keys.insert(keys.key(pair.definition));
        for (const std::string& variant : pair.variants) long_keys.insert(keys.key(variant));
        std::vector<std::string>& line = abbreviation_sets.emplace_back(std::vector<std::string>{pair.name, pair.definition});
        line.insert(line.end(), pair.variants.begin(), pair.variants.end());
    }

    // Focus sets: filter names, then merge and write.
    const NameContext context{keys, usage, abbreviations, chosen_long_forms, NameFilterOptions{}};
    std::map<NameVerdict, std::size_t> verdicts;
    std::size_t word_order_variants = 0;
    std::vector<std::vector<SetName>> named_sets;
    for (std::size_t i = 0; i < focus_sets.size(); ++i) {
        const std::set<std::string> set_keys(name_keys[i].begin(), name_keys[i].end());
        std::vector<SetName>& kept = named_sets.emplace_back();
        std::set<std::string> word_sets;  // of the names kept, to drop word-order variants ("Cancer, Breast")
        for (std::size_t n = 0; n < focus_sets[i].names.size(); ++n) {
            const FocusName& name = focus_sets[i].names[n];
            const std::string& key = name_keys[i][n];
            const NameVerdict verdict = judge_name(name, key, set_keys, context);
            ++verdicts[verdict];
            if (verdict != NameVerdict::keep) {
                if (flags.verbose) std::cout << "    dropped (" << describe(verdict) << "): " << name.text << '\n';
                continue;
            }
            if (!word_sets.insert(sorted_units(key)).second) {
                ++word_order_variants;
                continue;
            }
            kept.push_back({name.text, key, name.origin == NameOrigin::focus, is_abbreviation_like(name.text),
                            usage.document_frequency(key)});
        }
    }
    SetBuildOptions set_options;
    set_options.max_set_size = flags.max_set_size;
    SetBuildReport set_report;
    const std::vector<std::vector<std::string>> focus_lines = build_synonym_sets(named_sets, set_options, set_report);

    // An abbreviation a focus set already pairs with its long form adds nothing but a second copy.
    std::set<std::pair<std::string, std::string>> focus_pairs;
    for (const std::vector<std::string>& line : focus_lines) {
        std::vector<std::string> line_keys;
        for (const std::string& name : line) line_keys.push_back(keys.key(name));
        for (const std::string& a : line_keys)
            for (const std::string& b : line_keys) focus_pairs.emplace(a, b);
    }
    std::size_t abbreviations_in_focus_sets = 0;
    std::erase_if(abbreviation_sets, [&](const std::vector<std::string>& line) {
        const bool known = focus_pairs.contains({keys.key(line[0]), keys.key(line[1])});
        abbreviations_in_focus_sets += known ? 1 : 0;
        return known;
    });

    // Lay glosses: the term with its frequent glosses, less the fragments of a longer gloss ("red blood
    // cells" beside "shortage of red blood cells": the head of a list item was elided).
    std::vector<std::vector<std::string>> gloss_sets;
    std::size_t gloss_fragments = 0;
    std::size_t untechnical_terms = 0;
    for (const auto& term : gloss_choice) {
        // A term the corpus glosses in few of the documents that use it is an ordinary word ("changes",
        // "heart"), not a technical term that needs a gloss ("leukopenia", "anemia").
        const double glossed_share = static_cast<double>(term.front().total) /
                                     static_cast<double>(std::max<std::size_t>(1, usage.document_frequency(keys.key(term.front().name))));
        if (flags.verbose) std::cout << "    gloss share " << glossed_share << ": " << term.front().name << '\n';
        if (glossed_share < flags.min_glossed_share) {
            ++untechnical_terms;
            continue;
        }
        std::vector<std::string> gloss_keys;
        for (const ChosenDefinition& gloss : term) gloss_keys.push_back(keys.key(gloss.definition));
        std::vector<std::string> line{term.front().name};
        for (std::size_t g = 0; g < term.size(); ++g) {
            const bool fragment = std::any_of(gloss_keys.begin(), gloss_keys.end(), [&](const std::string& other) {
                return other.size() > gloss_keys[g].size() && other.ends_with("|" + gloss_keys[g]);
            });
            if (fragment) ++gloss_fragments;
            else line.push_back(term[g].definition);
        }
        if (line.size() >= 2) gloss_sets.push_back(std::move(line));
    }

    // Write the files.
    const std::string command = command_line(flags);
    std::size_t defined_names = 0;
    for (const FocusSet& set : focus_sets)
        defined_names += static_cast<std::size_t>(std::count_if(set.names.begin(), set.names.end(), [](const FocusName& n) {
            return n.origin == NameOrigin::defined;
        }));
    fs::create_directories(flags.out);
    write_synonym_file(flags.out / "medquad-focus.tsv",
                       {"MedQuAD focus names: each focus with its FocusAnnotations synonyms and the names its answers give",
                        "it where they define it (\"X, also called Y, is ...\"). Source: MedQuAD (Ben Abacha & Demner-Fushman",
                        "2019), CC BY 4.0. Generated by `" + command + "`;", "do not edit by hand (see README.md).",
                        std::to_string(focus_lines.size()) + " sets, " + std::to_string(set_report.expressions) + " expressions."},
                       focus_lines);
    write_synonym_file(flags.out / "abbreviations.tsv",
                       {"Abbreviations and their long forms, mined with the Schwartz & Hearst (2003) algorithm from MedQuAD",
                        "answers (CC BY 4.0) and PubMedQA abstracts (MIT): pairs defined in " + std::to_string(flags.min_sightings) +
                            "+ distinct sentences, the long form holding",
                        ">= " + std::to_string(static_cast<int>(flags.dominance * 100)) +
                            "% of the short form's definitions. Generated by `" + command + "`;",
                        "do not edit by hand (see README.md). " + std::to_string(abbreviation_sets.size()) + " pairs."},
                       abbreviation_sets);
    // Not loaded by default (bundled_synonym_files reads the folder's own .tsv files only): see README.md.
    fs::create_directories(flags.out / "optional");
    write_synonym_file(flags.out / "optional" / "lay-terms.tsv",
                       {"Medical terms and the plain-language glosses MedQuAD (CC BY 4.0) and PubMedQA (MIT) give them in",
                        "one sentence (\"a low white blood cell count (leukopenia)\"): glosses written in " +
                            std::to_string(flags.min_sightings) + "+ distinct sentences.",
                        "Generated by `" + command + "`;", "do not edit by hand (see README.md). " + std::to_string(gloss_sets.size()) + " terms."},
                       gloss_sets);

    // Report.
    std::cout << "abbreviations (Schwartz & Hearst):\n";
    report("definitions found", definitions);
    report("distinct short forms", abbreviation_choice.names);
    report("dropped, best long form seen fewer than " + std::to_string(flags.min_sightings) + " times", abbreviation_choice.too_rare);
    report("dropped as ambiguous", abbreviation_choice.ambiguous);
    for (const auto& [verdict, count] : unsafe) report(std::string("dropped, short form ") + describe(verdict), count);
    report("dropped, a focus set pairs them already", abbreviations_in_focus_sets);
    report("written", abbreviation_sets.size());
    if (flags.verbose)
        for (const std::string& example : abbreviation_choice.ambiguous_examples) std::cout << "    ambiguous: " << example << '\n';
    if (flags.verbose)
        for (const std::string& example : abbreviation_choice.rare_examples) std::cout << "    too rare: " << example << '\n';
    std::cout << "focus names:\n";
    report("articles with a focus", focus_sets.size());
    report("names defined in answers", defined_names);
    for (const auto& [verdict, count] : verdicts) report(describe(verdict), count);
    report("word-order variants of a name kept", word_order_variants);
    report("same-focus merges", set_report.same_focus_merges);
    report("mutual merges", set_report.mutual_merges);
    report("merges refused (set too large)", set_report.merges_refused);
    report("broader terms / ambiguous abbreviations", set_report.hub_names);
    report("names removed from sets for that", set_report.hub_removals);
    report("sets cut to " + std::to_string(flags.max_set_size), set_report.truncated_sets);
    report("sets written", set_report.output_sets);
    report("expressions written", set_report.expressions);
    std::cout << "lay glosses:\n";
    report("sightings", gloss_sightings);
    report("terms dropped as ordinary words (glossed in < " + std::to_string(flags.min_glossed_share) + " of their documents)", untechnical_terms);
    report("glosses dropped as fragments of a longer one", gloss_fragments);
    report("terms written", gloss_sets.size());
    return 0;
}

int run_flood(const FloodFlags& flags) {
    const Analyzer analyzer;
    SynonymDictionary dictionary;
    std::vector<fs::path> files;
    if (!flags.no_bundled) files = bundled_synonym_files();
    files.insert(files.end(), flags.synonym_files.begin(), flags.synonym_files.end());
    for (const fs::path& file : files) dictionary.load(file, analyzer);

    std::vector<std::string> questions;
    for (const eval::Topic& topic : eval::read_topics(flags.topics)) questions.push_back(topic.text);
    const ExpansionFlood flood = measure_expansions(questions, dictionary, analyzer, flags.max_expansions, flags.examples);
    std::cout << "sets\t" << dictionary.set_count() << "\nquestions\t" << flood.questions << "\nexpanded\t"
              << flood.questions_expanded << "\nmatches\t" << flood.matches << "\nexpansions\t" << flood.expansions
              << "\nexpansions_per_question\t" << flood.expansions_per_question() << "\nmost_in_one_question\t"
              << flood.most_expansions << '\n';
    for (const std::string& example : flood.examples) std::cout << "  " << example << '\n';
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Build the medical synonym files of corpus/synonyms, or measure their expansion of a topic set"};
    app.require_subcommand(1);

    BuildFlags build;
    CLI::App* build_command = app.add_subcommand("build", "Mine MedQuAD and PubMedQA and write the .tsv files");
    build_command->add_option("--medquad", build.medquad, "The MedQuAD folder")->required()->check(CLI::ExistingDirectory);
    build_command->add_option("--pubmedqa", build.pubmedqa, "PubMedQA's ori_pqal.json")->required()->check(CLI::ExistingFile);
    build_command->add_option("--out", build.out, "Folder to write the .tsv files to")->required();
    build_command->add_option("--min-sightings", build.min_sightings, "Distinct sentences a pair must be defined in")
        ->capture_default_str()->check(CLI::Range(1, 1000));
    build_command->add_option("--dominance", build.dominance, "Share of a short form's definitions its long form must have")
        ->capture_default_str()->check(CLI::Range(0.5, 1.0));
    build_command->add_option("--max-set-size", build.max_set_size, "Names per focus set at most")->capture_default_str()->check(CLI::Range(2, 100));
    build_command->add_option("--min-glossed-share", build.min_glossed_share,
                              "Share of a term's documents that must gloss it for the term to count as technical")
        ->capture_default_str()->check(CLI::Range(0.0, 1.0));
    build_command->add_flag("--verbose", build.verbose, "List every dropped name and ambiguous short form");

    FloodFlags flood;
    CLI::App* flood_command = app.add_subcommand("flood", "Count the synonym expansions of a topic set's questions");
    flood_command->add_option("--topics", flood.topics, "Topics (TSV, BEIR jsonl or TREC)")->required()->check(CLI::ExistingFile);
    flood_command->add_option("--synonyms", flood.synonym_files, "A synonym file to load, repeatable")->check(CLI::ExistingFile);
    flood_command->add_flag("--no-bundled-synonyms", flood.no_bundled, "Do not load corpus/synonyms/*.tsv");
    flood_command->add_option("--max-expansions", flood.max_expansions, "Alternatives per matched concept (RankingOptions::max_expansions)")
        ->capture_default_str();
    flood_command->add_option("--examples", flood.examples, "Print this many expanded questions")->capture_default_str();

    CLI11_PARSE(app, argc, argv);
    try {
        if (build_command->parsed()) return run_build(build);
        return run_flood(flood);
    } catch (const std::exception& error) {
        std::cerr << "build_synonyms: " << error.what() << '\n';
        return 1;
    }
}
