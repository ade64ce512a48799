// libFuzzer target (fuzz/CMakeLists.txt, scripts/fuzz.sh): any bytes as a session file. It is either
// refused with a SessionError or read, and then what it holds is written and read back equal.
#include "common/errors.h"
#include "fuzz/fuzz_check.h"
#include "conversation/session_store.h"

using medsearch::fuzz::promise;

namespace {

bool same_turns(const medsearch::ConversationState& a, const medsearch::ConversationState& b) {
    if (a.turns.size() != b.turns.size()) return false;
    for (std::size_t i = 0; i < a.turns.size(); ++i) {
        const medsearch::ConversationTurn &x = a.turns[i], &y = b.turns[i];
        if (x.question != y.question || x.subject != y.subject || x.subject_title != y.subject_title || x.answered_by != y.answered_by)
            return false;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(medsearch::fuzz::bytes_of(data, size));
    medsearch::StoredSession session;
    try {
        session = medsearch::parse_session(text, "fuzz.json");
    } catch (const medsearch::SessionError&) {
        return 0;  // refused, with a reason: what a broken file must get
    }
    // Text that is not UTF-8 is written with replacement characters, so only valid text must come back equal.
    const medsearch::StoredSession again = medsearch::parse_session(medsearch::format_session(session), "again.json");
    promise(again.state.turns.size() == session.state.turns.size());
    const medsearch::StoredSession third = medsearch::parse_session(medsearch::format_session(again), "third.json");
    promise(same_turns(again.state, third.state) && again.created == third.created && again.updated == third.updated);
    return 0;
}
