#!/usr/bin/env python3
"""Builds the passage-level test set: questions in the words people use over the bundled corpus, each judged
at the passage unit `medsearch eval --unit passage` ranks.

Why it is built this way:
- MedQuAD's questions are its headings ("What causes Hemophilia ?"), and medsearch indexes them as the
  heading field of every passage of the pair, so asking them measures heading matching, not search. Each
  question here is written for the pair's question type (qtype) in other words ("why do people get
  hemophilia?"), keeping only the topic's name; a phrasing that shares a content word with the MedQuAD
  questions it stands for is passed over for the next one (see `shares_words`).
- The phrasing is chosen by a hash of the article id and qtype (sha1, not Python's salted hash()), so the set
  is the same on every run and machine, and the types do not all read alike.
- Judgements are MedQuAD's own: the pair's answer unit (<article>_Sec<pid>) is relevance 2, and so is every
  other unit of the same qtype in the same article. Articles that name the same topic (CancerGov's
  "Prostate Cancer" in two files, "Hemochromatosis" from GARD and NHLBI) are one topic: their units of that
  qtype answer the question as well, so they are judged too, and the topic is asked once. Nothing else is
  judged (an answer in a differently named article counts as not relevant: the figures are a lower bound).
- The seed article (corpus/articles/leukopenia.md) is not MedQuAD; its questions are hand-written in
  seed_questions.tsv and judged at its passages (leukopenia#ORDINAL).
- The split is by topic group (the same-named articles together; one hash per group), so no article's text
  has questions on both sides: about 2/3 dev (may be used for tuning), 1/3 test (held out: never tune on it).

Usage (from anywhere; paths are relative to the repository):
  benchmarks/passage_set/make_set.py                 write topics.{dev,test}.tsv and qrels.{dev,test}.txt
  benchmarks/passage_set/make_set.py --out DIR       write them to DIR instead (benchmarks/passages.sh
                                                     does, to see that the committed files are current)
  benchmarks/passage_set/make_set.py --check DB      check that every judged id of the written qrels is a unit
                                                     of index DB (an index of corpus/articles); exit 1 if not
Python 3 standard library only.
"""
import argparse
import collections
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
ARTICLES = REPO / "corpus" / "articles"
MEDQUAD = ARTICLES / "medquad"
SEED_ARTICLE = "leukopenia"
SEED_QUESTIONS = HERE / "seed_questions.tsv"

# Phrasings per qtype, "{f}" the topic's name. The qtypes are MedQuAD's common ones that a person asks about
# a condition; left out: research (clinical trials), considerations ("What to do for X", NIDDK's diet
# notes), stages (6 pairs) and support groups (1), whose answers a lay question would not single out.
PHRASINGS = {
    "information": [
        "explain {f} in plain words",
        "what does {f} mean?",
        "tell me the basics of {f}",
        "what should I know about {f}?",
    ],
    "symptoms": [
        "how do I know if I have {f}?",
        "what does {f} feel like?",
        "what signs point to {f}?",
        "what would I notice with {f}?",
    ],
    "causes": [
        "why do people get {f}?",
        "what leads to {f}?",
        "what makes someone develop {f}?",
        "where does {f} come from?",
    ],
    "treatment": [
        "can {f} be cured?",
        "what helps with {f}?",
        "what medicine or therapy is there for {f}?",
        "how do you get rid of {f}?",
    ],
    "exams and tests": [
        "how do doctors find out about {f}?",
        "which test shows {f}?",
        "how can I get checked for {f}?",
        "how do you find out if you have {f}?",
    ],
    "prevention": [
        "can I avoid getting {f}?",
        "how do I lower my chances of getting {f}?",
        "is there a way to stop {f} before it starts?",
        "how can I protect myself from {f}?",
    ],
    "inheritance": [
        "does {f} run in families?",
        "can parents pass {f} to their children?",
        "if my parent has {f}, will I get it too?",
        "is {f} passed down from parents?",
    ],
    "susceptibility": [
        "who gets {f}?",
        "am I likely to get {f}?",
        "what makes someone more likely to get {f}?",
        "which people tend to get {f}?",
    ],
    "outlook": [
        "will I get better from {f}?",
        "can you live a normal life with {f}?",
        "how long can someone live with {f}?",
        "does {f} go away?",
    ],
    "frequency": [
        "is {f} common?",
        "how rare is {f}?",
        "how often does {f} happen?",
        "do lots of folks have {f}?",
    ],
    "complications": [
        "what problems can {f} lead to?",
        "can {f} cause other health problems?",
        "what can go wrong later because of {f}?",
    ],
    "genetic changes": [
        "what mutation is behind {f}?",
        "what goes wrong in the DNA in {f}?",
        "which mutations lead to {f}?",
    ],
}

# Words a lay question may share with the MedQuAD question: question words and grammar, which say nothing of
# the topic. Every other shared word counts as the heading's word.
FUNCTION_WORDS = set("""
a an the of to for in on at by with and or is are be been am do does did can could will would should i me my
you your it its this that these those what how who which when where why have has had about there as if from
than then so""".split())


def slug(qtype):
    """A qtype as it stands in a topic id: "exams and tests" -> "exams-and-tests"."""
    return qtype.replace(" ", "-")


def stable_hash(text):
    """A number from text that is the same on every run (Python's hash() of a str is salted per process)."""
    return int.from_bytes(hashlib.sha1(text.encode("utf-8")).digest()[:8], "big")


def words(text):
    return re.findall(r"[a-z0-9]+", text.lower())


def content_words(text):
    return [w for w in words(text) if w not in FUNCTION_WORDS]


def same_word(a, b):
    """Whether two words are one word for this check, a stemmer's work done crudely: equal, one (4 letters or
    more) starts the other ("gene" / "genetic", "prevent" / "prevention"), or they share their first 5
    letters ("treated" / "treatments", "inherited" / "inheritance")."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return (len(short) >= 4 and long_.startswith(short)) or (len(short) >= 5 and a[:5] == b[:5])


def shares_words(question, focus, medquad_questions):
    """The content words of QUESTION, other than the topic's name, that a MedQuAD question also uses."""
    own = [w for w in content_words(question) if w not in set(words(focus))]
    theirs = {w for q in medquad_questions for w in content_words(q) if w not in set(words(focus))}
    return sorted({w for w in own if any(same_word(w, t) for t in theirs)})


# Foci that are catalogue headings rather than a name: the name a person would use, by hand.
LAY_NAMES = {
    "Acanthamoeba - Granulomatous Amebic Encephalitis (GAE); Keratitis": "acanthamoeba infection",
    "Dermatitis Herpetiformis: Skin Manifestation of Celiac Disease (For Health Care Professionals)":
        "dermatitis herpetiformis",
    "Pyelonephritis: Kidney Infection": "kidney infection",
    "Kidney Failure: What to Expect": "kidney failure",
}

# Topics that are a test, a procedure, a habit or advice, not a condition: "can knee replacement be cured?"
# is no one's question, so only their "information" pairs are asked ("tell me the basics of knee
# replacement"). Keys as group_key writes them.
NOT_CONDITIONS = {
    "a1c", "alcohol use and older adults", "bone marrow transplantation", "cholesterol",
    "creating a family health history", "electrocardiogram", "herbal medicine", "immunization",
    "i can lower my risk for type 2 diabetes a guide for american indians", "knee replacement", "molds",
    "nutrition for advanced chronic kidney disease in adults", "nutritional support", "patient rights",
    "postpartum care", "preparing for pregnancy if i have diabetes",
    "prevent diabetes problems keep your eyes healthy", "prevent diabetes problems keep your nervous system healthy",
    "quitting smoking for older adults", "sexual assault", "surviving cancer",
    "treatment methods for kidney failure peritoneal dialysis",
}


def lay_name(focus):
    """The topic's name as a person would type it: MedQuAD's focus without its catalogue decorations.
    "Parasites - Lice - Head Lice" -> "head lice"; "... (also known as Sleeping Sickness)" -> "sleeping
    sickness"; "Chronic Fatigue Syndrome (CFS)" -> "chronic fatigue syndrome"; "What I need to know about
    Cirrhosis" -> "cirrhosis". Words written in capitals (ARDS, COPD, IgM, PDGFRA) keep them; the rest is
    lower-cased, as people type."""
    name = re.sub(r"\s+", " ", focus).strip()
    if name in LAY_NAMES:
        return LAY_NAMES[name]
    name = re.sub(r"^What I need to know about ", "", name, flags=re.I)
    aka = re.search(r"\(also known as ([^)]+)\)", name, flags=re.I)
    if aka:
        name = aka.group(1)
    name = name.split(" - ")[-1]
    name = re.sub(r"\s*\([^)]*\)", "", name)
    name = name.split(";")[0].strip()
    return " ".join(w if sum(c.isupper() for c in w) >= 2 or any(c.isdigit() for c in w) else w.lower()
                    for w in name.split())


def group_key(focus):
    """Articles whose names are equal but for case and punctuation are one topic."""
    return " ".join(words(lay_name(focus)))


def source_from_folder(folder):
    """As readers/medquad_reader.cc does for a root without a source attribute: "6_NINDS_QA" -> "NINDS"."""
    name = re.sub(r"^\d+_", "", folder)
    return re.sub(r"_QA.*$", "", name) or folder


def read_medquad():
    """Every MedQuAD article of the bundled corpus: (article id, focus, [(pid, qtype, question, has_text)]).
    The article id and unit names follow readers/medquad_reader.cc: <source>_<Document id>, or the file name
    where it extends the id ("0000013_2_1.xml"); a pair is unit "Sec<pid>" and exists only when its answer
    has text (the reader makes no passage of an empty answer)."""
    articles = []
    for path in sorted(MEDQUAD.rglob("*.xml")):
        root = ET.parse(path).getroot()
        if root.tag != "Document":
            print(f"{path.relative_to(REPO)}: root <{root.tag}> skipped", file=sys.stderr)
            continue
        source = " ".join((root.get("source") or "").split()) or source_from_folder(path.parent.name)
        document_id = " ".join((root.get("id") or "").split())
        if not document_id or path.stem.startswith(document_id + "_"):
            document_id = path.stem
        pairs = []
        for ordinal, pair in enumerate(root.iter("QAPair"), start=1):
            question = pair.find("Question")
            pid = (pair.get("pid") or "").strip() or str(ordinal)
            text = "".join(question.itertext()) if question is not None else ""
            answer = pair.find("Answer")
            has_text = answer is not None and "".join(answer.itertext()).strip() != ""
            qtype = question.get("qtype", "") if question is not None else ""
            pairs.append((pid, qtype, " ".join(text.split()), has_text))
        focus = " ".join((root.findtext("Focus") or "").split())
        articles.append((f"{source}_{document_id}", focus, pairs))
    return articles


def medquad_topics(articles):
    """One topic per (topic group, qtype): [(group, topic id, qtype, question, {unit: grade})], and what was
    skipped, as lines."""
    groups = collections.defaultdict(list)
    skipped = []
    for article_id, focus, pairs in articles:
        if not focus:
            skipped.append(f"{article_id}: no focus to name the topic")
            continue
        groups[group_key(focus)].append((article_id, focus, pairs))
    topics = []
    for key in sorted(groups):
        members = groups[key]
        first_id = members[0][0]
        for qtype in PHRASINGS:
            if key in NOT_CONDITIONS and qtype != "information":
                continue
            units = {f"{a}_Sec{pid}": 2 for a, _, pairs in members for pid, t, _, has_text in pairs
                     if t == qtype and has_text}
            asked = [q for _, _, pairs in members for _, t, q, _ in pairs if t == qtype]
            if not asked:
                continue
            # The topic is named after the first article of the group that has this qtype.
            anchor_id, focus = next((a, f) for a, f, pairs in members if any(t == qtype for _, t, _, _ in pairs))
            if not units:
                skipped.append(f"{anchor_id} {qtype}: no answer text, so no unit to judge")
                continue
            name = lay_name(focus)
            phrasings = PHRASINGS[qtype]
            start = stable_hash(f"{anchor_id}|{qtype}") % len(phrasings)
            question = None
            for i in range(len(phrasings)):
                candidate = phrasings[(start + i) % len(phrasings)].format(f=name)
                if not shares_words(candidate, focus, asked):
                    question = candidate
                    break
            if question is None:
                skipped.append(f"{anchor_id} {qtype}: every phrasing shares a word with {asked}")
                continue
            topics.append((first_id, f"{anchor_id}:{slug(qtype)}", qtype, question, units))
    return topics, skipped


def seed_topics():
    """The hand-written questions of seed_questions.tsv, as medquad_topics returns them."""
    topics = []
    for number, line in enumerate(SEED_QUESTIONS.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 5:
            sys.exit(f"{SEED_QUESTIONS.relative_to(REPO)}:{number}: expected 5 tab-separated fields")
        seed, qtype, question, answers, partly = fields
        units = {}
        for grade, ordinals in ((1, partly), (2, answers)):
            for ordinal in filter(None, (o.strip() for o in ordinals.split(","))):
                units[f"{SEED_ARTICLE}#{int(ordinal)}"] = grade
        topics.append((SEED_ARTICLE, f"{SEED_ARTICLE}:seed{seed}", qtype, question.strip(), units))
    return topics


def split_of(group):
    """dev or test, by a hash of the topic group's first article id: 1 in 3 groups is test."""
    return "test" if stable_hash(group) % 3 == 0 else "dev"


def write_set(topics, folder):
    for part in ("dev", "test"):
        chosen = [t for t in topics if split_of(t[0]) == part]
        with open(folder / f"topics.{part}.tsv", "w", encoding="utf-8", newline="\n") as out:
            for _, qid, _, question, _ in chosen:
                out.write(f"{qid}\t{question}\n")
        with open(folder / f"qrels.{part}.txt", "w", encoding="utf-8", newline="\n") as out:
            for _, qid, _, _, units in chosen:
                for unit in sorted(units):
                    out.write(f"{qid} 0 {unit} {units[unit]}\n")


def summary(topics):
    """Questions per split and per type, as text."""
    lines = []
    for part in ("dev", "test"):
        chosen = [t for t in topics if split_of(t[0]) == part]
        judged = sum(len(t[4]) for t in chosen)
        lines.append(f"{part}: {len(chosen)} questions, {judged} judged units, "
                     f"{len({t[0] for t in chosen})} topic groups")
    counts = collections.Counter((t[2], split_of(t[0])) for t in topics)
    for qtype in sorted({t[2] for t in topics}):
        lines.append(f"  {qtype}: dev {counts[qtype, 'dev']}, test {counts[qtype, 'test']}")
    return "\n".join(lines)


def check(db, medsearch, folder):
    """Checks every judged id of the qrels in FOLDER against index DB: the ids `medsearch eval --unit passage`
    reports are read from a run of one question per judged article (its name, which every passage of the
    article holds in its title field) at a depth beyond the index's size, so each of its units is listed.
    A judged id missing from all of them is not a unit of the index: the naming above has drifted from the
    reader's. Returns the number missing."""
    judged = collections.defaultdict(set)
    for part in ("dev", "test"):
        for line in (folder / f"qrels.{part}.txt").read_text(encoding="utf-8").splitlines():
            unit = line.split()[2]
            article = unit.split("#")[0] if "#" in unit else re.sub(r"_Sec[^_]*$", "", unit)
            judged[article].add(unit)
    names = {article_id: focus for article_id, focus, _ in read_medquad()}
    names[SEED_ARTICLE] = SEED_ARTICLE
    with tempfile.TemporaryDirectory() as work:
        topics, qrels, run = (os.path.join(work, n) for n in ("topics.tsv", "qrels.txt", "run"))
        with open(topics, "w", encoding="utf-8") as out:
            for i, article in enumerate(sorted(judged)):
                out.write(f"a{i}\t{names.get(article, article)}\n")
        with open(qrels, "w", encoding="utf-8") as out:
            out.write("a0 0 none 1\n")  # eval needs judgements; the scores are not read
        result = subprocess.run([medsearch, "eval", "--db", db, "--topics", topics, "--qrels", qrels, "--unit",
                                 "passage", "-k", "1000000", "--run", run, "--metrics", "success.1"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if result.returncode != 0:
            sys.exit(f"{medsearch} eval failed:\n{result.stderr}")
        with open(run, encoding="utf-8") as runs:
            found = {line.split()[2] for line in runs if line.strip()}
    missing = sorted(u for units in judged.values() for u in units if u not in found)
    for unit in missing:
        print(f"judged id {unit} is not a passage unit of {db}", file=sys.stderr)
    total = sum(len(u) for u in judged.values())
    print(f"checked {total} judged ids of {len(judged)} articles against {db}: {len(missing)} missing",
          file=sys.stderr)
    return len(missing)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", metavar="DIR", type=Path, default=HERE,
                        help="where to write the set (default: beside this script, where it is committed)")
    parser.add_argument("--check", metavar="DB", help="check the qrels written in --out against this index instead")
    parser.add_argument("--medsearch", default=os.environ.get("MEDSEARCH", str(REPO / "build" / "medsearch")),
                        help="the binary that reads DB (default $MEDSEARCH, else build/medsearch)")
    args = parser.parse_args()
    if args.check:
        sys.exit(1 if check(args.check, args.medsearch, args.out) else 0)
    medquad, skipped = medquad_topics(read_medquad())
    for line in skipped:
        print(f"skipped: {line}", file=sys.stderr)
    topics = medquad + seed_topics()
    write_set(topics, args.out)
    print(summary(topics), file=sys.stderr)


if __name__ == "__main__":
    main()
