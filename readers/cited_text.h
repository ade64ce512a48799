// Running text with citation markers as markup shows them (JATS <xref ref-type="bibr">, HTML <sup> and
// links to a reference list), turned into a passage's text and the reference numbers it cites.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace medsearch {

class CitedText {
public:
    // Appends text as written.
    void add_text(std::string_view text);
    // Appends a citation marker: the reference numbers it stands for, and the marker as shown ("[3]",
    // "3", "Smith et al. 2001").
    void add_citation(std::vector<int> numbers, std::string_view shown);
    bool empty() const { return pieces_.empty(); }
    void clear() { pieces_.clear(); }

    struct Result {
        std::string text;            // white space collapsed
        std::vector<int> citations;  // in order, without duplicates
    };
    // Markers separated only by ',', ';', dashes and white space form one group; a dash between two
    // markers stands for every number between them ("[3]–[5]" cites 3, 4 and 5). A group whose markers are
    // all numbers is cut from the text with the space before it and the brackets around it ("shown [3]–[5]."
    // reads "shown."); a group that names its references (author and year) stays as written.
    Result finish() const;

private:
    struct Piece {
        bool citation = false;
        std::string text;
        std::vector<int> numbers;
    };
    std::vector<Piece> pieces_;
};

}  // namespace medsearch
