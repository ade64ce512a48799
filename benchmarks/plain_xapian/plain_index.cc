// plain_index: the "plain Xapian" baseline's indexer. It does what Xapian's simpleindex example does, for a
// BEIR corpus.jsonl: one document per line, title and text through a TermGenerator with the English stemmer
// (its default strategy, STEM_SOME), the corpus id kept as the document data and as a unique "Q" term so that
// indexing twice replaces rather than duplicates. Nothing medsearch-specific: this is the yardstick.
//
// Usage: plain_index DB CORPUS.jsonl
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>
#include <xapian.h>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: plain_index DB CORPUS.jsonl\n";
        return 2;
    }
    std::size_t line_number = 0;  // named in a parse error
    try {
        // Open the corpus and the database.
        std::ifstream corpus(argv[2]);
        if (!corpus) {
            std::cerr << "plain_index: cannot read " << argv[2] << "\n";
            return 1;
        }
        Xapian::WritableDatabase db(argv[1], Xapian::DB_CREATE_OR_OPEN);

        // Set up the term generator as the example does: English stemmer, default strategy.
        Xapian::TermGenerator generator;
        generator.set_stemmer(Xapian::Stem("english"));

        // One document per line: title, a position gap, then the text.
        std::string line;
        std::size_t documents = 0;
        while (std::getline(corpus, line)) {
            ++line_number;
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            const nlohmann::json record = nlohmann::json::parse(line);
            const std::string id = record.at("_id").get<std::string>();
            Xapian::Document document;
            document.set_data(id);
            generator.set_document(document);
            generator.index_text(record.value("title", std::string()));
            generator.increase_termpos();
            generator.index_text(record.value("text", std::string()));
            const std::string id_term = "Q" + id;
            document.add_boolean_term(id_term);
            db.replace_document(id_term, document);
            ++documents;
        }

        // Commit explicitly: the destructor would swallow an error.
        db.commit();
        std::cerr << "plain_index: " << documents << " documents from " << line_number << " lines\n";
        return 0;
    } catch (const Xapian::Error& error) {
        std::cerr << "plain_index: " << error.get_description() << "\n";
    } catch (const nlohmann::json::exception& error) {
        std::cerr << "plain_index: " << argv[2] << ":" << line_number << ": " << error.what() << "\n";
    }
    return 1;
}
