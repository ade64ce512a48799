// plain_search: the "plain Xapian" baseline's searcher. It does what Xapian's simplesearch example does, for
// every topic of a TSV file (qid<TAB>question): a QueryParser with the English stemmer, STEM_SOME, the default
// operator (OR) and the database set, and an Enquire with its default weighting (BM25Weight with Xapian's
// defaults). It writes a TREC run and, on stderr, the query time in the same words as `medsearch eval`
// ("N topics retrieved in X s") so that the benchmarks read both the same way.
//
// Topics are parsed as plain text (parse flags 0), which reproduces the "Xapian as its examples use it" figures
// in ../shared/README.md exactly. --query-syntax parses them with the QueryParser's default flags, as
// simplesearch passes them (phrases, AND/OR/NOT, +/-): natural-language questions then sometimes read as
// syntax, e.g. SciFact's "... by stabilizing +1 nucleosomes" requires the term "1" and finds nothing relevant.
//
// Usage: plain_search [--query-syntax] DB TOPICS.tsv RUN [DEPTH=1000]
#include <charconv>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace {

struct Topic {
    std::string id;
    std::string question;
};

struct Hit {
    std::string id;
    double weight;
};

// qid<TAB>question per line; blank lines are skipped, a line without a tab is an error.
std::vector<Topic> read_topics(const std::string& path) {
    std::ifstream input(path);
    if (!input) throw std::runtime_error("cannot read " + path);
    std::vector<Topic> topics;
    std::string line;
    for (std::size_t number = 1; std::getline(input, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos)
            throw std::runtime_error(path + ":" + std::to_string(number) + ": no tab after the topic id");
        topics.push_back({line.substr(0, tab), line.substr(tab + 1)});
    }
    return topics;
}

// The shortest text that reads back as the same double, the same in every locale.
std::string number_text(double value) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    unsigned parse_flags = 0;
    if (!args.empty() && args.front() == "--query-syntax") {
        parse_flags = Xapian::QueryParser::FLAG_DEFAULT;
        args.erase(args.begin());
    }
    if (args.size() != 3 && args.size() != 4) {
        std::cerr << "usage: plain_search [--query-syntax] DB TOPICS.tsv RUN [DEPTH=1000]\n";
        return 2;
    }
    try {
        const std::vector<Topic> topics = read_topics(args[1]);
        const Xapian::doccount depth = args.size() == 4 ? static_cast<Xapian::doccount>(std::stoul(args[3])) : 1000;

        // Open the database and set up the query parser as the example does.
        Xapian::Database db(args[0]);
        Xapian::Enquire enquire(db);
        Xapian::QueryParser parser;
        parser.set_stemmer(Xapian::Stem("english"));
        parser.set_database(db);
        parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);

        // Ask every topic: parse, find the top `depth`, read each hit's corpus id (timed, as medsearch times
        // making its run).
        std::vector<std::vector<Hit>> results(topics.size());
        const auto start = std::chrono::steady_clock::now();
        for (std::size_t t = 0; t < topics.size(); ++t) {
            enquire.set_query(parser.parse_query(topics[t].question, parse_flags));
            const Xapian::MSet matches = enquire.get_mset(0, depth);
            results[t].reserve(matches.size());
            for (auto match = matches.begin(); match != matches.end(); ++match)
                results[t].push_back({match.get_document().get_data(), match.get_weight()});
        }
        const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
        std::fprintf(stderr, "plain_search: %zu topics retrieved in %.4f s\n", topics.size(), elapsed.count());

        // Write the run: qid Q0 docid rank score tag.
        std::ofstream run(args[2]);
        for (std::size_t t = 0; t < topics.size(); ++t)
            for (std::size_t rank = 0; rank < results[t].size(); ++rank)
                run << topics[t].id << " Q0 " << results[t][rank].id << ' ' << rank + 1 << ' '
                    << number_text(results[t][rank].weight) << " plain-xapian\n";
        run.close();
        if (!run) throw std::runtime_error("cannot write " + args[2]);
        return 0;
    } catch (const Xapian::Error& error) {
        std::cerr << "plain_search: " << error.get_description() << "\n";
    } catch (const std::exception& error) {
        std::cerr << "plain_search: " << error.what() << "\n";
    }
    return 1;
}
