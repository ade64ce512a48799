#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tools/definitional_names.h"

using namespace medsearch;

TEST_CASE("names_defined_for reads the names a defining sentence gives its subject", "[definitional]") {
    using Names = std::vector<std::string>;
    const auto [sentence, subject, expected] = GENERATE(table<std::string, std::string, Names>({
        {"Caffey disease, also called infantile cortical hyperostosis, is a bone disorder.", "Caffey disease",
         {"infantile cortical hyperostosis"}},
        {"Renal cell cancer (also called kidney cancer or renal adenocarcinoma) is a disease.", "Renal cell cancer",
         {"kidney cancer", "renal adenocarcinoma"}},
        {"Glycine encephalopathy, which is also known as nonketotic hyperglycinemia or NKH, is a genetic disorder.",
         "glycine encephalopathy", {"nonketotic hyperglycinemia", "NKH"}},
        {"Hyperthyroidism is sometimes called thyrotoxicosis, the technical term for too much thyroid hormone.",
         "Hyperthyroidism", {"thyrotoxicosis"}},
        {"Gastroesophageal reflux disease, or GERD, is a digestive disease.", "Gastroesophageal reflux disease", {"GERD"}},
        {"Mucopolysaccharidosis type III (MPS III), also known as Sanfilippo syndrome, is a progressive disorder.",
         "Mucopolysaccharidosis type III", {"MPS III", "Sanfilippo syndrome"}},
        {"This procedure is also called computed tomography, computerized tomography, or computerized axial tomography.",
         "This procedure", {"computed tomography", "computerized tomography", "computerized axial tomography"}},
        {"Pachygyria, also called \"incomplete lissencephaly,\" may be caused by various factors.", "Pachygyria",
         {"incomplete lissencephaly"}},
        {"The Robin sequence (also known as Pierre Robin sequence) is characterized by a small jaw.", "Robin sequence",
         {"Pierre Robin sequence"}},
        {"Shingles -- also called varicella-zoster -- is a painful skin disease.", "Shingles", {"varicella-zoster"}},
        {"DOLK-congenital disorder of glycosylation (DOLK-CDG, formerly known as congenital disorder of glycosylation "
         "type Im) is an inherited condition.",
         "DOLK-congenital disorder of glycosylation", {"DOLK-CDG", "congenital disorder of glycosylation type Im"}},
        // Not the subject's own definition.
        {"Sialidosis type I, also referred to as cherry-red spot myoclonus syndrome, is the less severe form.", "Sialidosis", {}},
        {"Winchester syndrome is caused by mutations in the MMP14 gene (also known as MT1-MMP).", "Winchester syndrome", {}},
        {"Adenylosuccinate lyase deficiency type I (also known as the severe form) is the most common.",
         "adenylosuccinate lyase deficiency", {}},
        {"Schindler disease, also called the infantile type, is severe.", "Schindler disease", {}},
        {"Acromegaly is a hormonal disorder.", "Acromegaly", {}},
        {"It is also called something.", "Acromegaly", {}},
    }));
    CAPTURE(sentence);
    CHECK(names_defined_for(sentence, {subject}) == expected);
}

TEST_CASE("names_defined_for takes the longest subject the sentence opens with", "[definitional]") {
    const std::vector<std::string> subjects = {"Krabbe", "Krabbe disease"};
    CHECK(names_defined_for("Krabbe disease (also called globoid cell leukodystrophy) is a degenerative disorder.", subjects) ==
          std::vector<std::string>{"globoid cell leukodystrophy"});
}
