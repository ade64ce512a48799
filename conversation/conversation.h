// Follow-up questions. A conversation remembers each turn's subject — the thing the turn is about, linked
// to article titles — and the title of the article that answered it. A new question that names no subject
// of its own, or points back ("it", "this condition"), gets the current subject's words and the answering
// title added as weighted clauses; a question that names a different subject starts afresh. This is
// historical query expansion (Lin et al. 2020) with the subject found by linking to titles, and Omega's
// model of follow-up queries (new / same / extended), on the same ranking as single questions.
#pragma once

#include <string>
#include <vector>

#include "query/engine.h"
#include "query/searcher.h"

namespace medsearch {

// One asked question as the conversation remembers it (what sessions persist).
struct ConversationTurn {
    std::string question;                  // as asked
    std::string subject;                   // what the turn was about ("15q24 microdeletion"); may be empty
    std::string subject_title;             // title of the article that answered the turn naming the subject
    std::vector<std::string> answered_by;  // ids of the articles at the top of its answer, best first
};

struct ConversationState {
    std::vector<ConversationTurn> turns;
};

// What the conversation did to one question.
struct ContextResolution {
    enum class Kind {
        first,        // nothing was asked before
        carried,      // the question names no subject or points back: the current subject is added
        restated,     // the question names the current subject itself
        new_subject,  // the question names another subject: earlier turns are left out
    };
    Kind kind = Kind::first;
    std::string subject;        // the subject this turn is about
    std::string subject_title;  // the answering title carried with it
    std::string reason;         // one sentence for --explain
    SearchContext context;      // the weighted clauses to add, with their explanations
};

std::string_view kind_name(ContextResolution::Kind kind);

class Conversation {
public:
    explicit Conversation(const Engine& engine, ConversationState state = {});

    // What the earlier turns add to this question; the question itself is not changed.
    ContextResolution resolve(const Question& question) const;

    // Remembers the turn once it has been answered, from the ids of the articles its answer ranked, best
    // first (repeats allowed: one per passage): the first few distinct ones and the best one's title.
    void record(const Question& question, const ContextResolution& resolution, const std::vector<std::string>& ranked_articles);

    const ConversationState& state() const { return state_; }

    // The subject the question names, as written in it: the longest run of content words that some
    // article title contains as a phrase, without leading words too common to name anything.
    std::string find_subject(const Question& question) const;

private:
    bool is_generic(const Concept& concept_) const;
    bool names_title(const std::vector<Concept>& span) const;

    const Engine& engine_;
    ConversationState state_;
};

}  // namespace medsearch
