#!/usr/bin/env python3
"""How medsearch grows with its corpus, against plain Xapian on the same text, in the same run.

For each corpus size (passages, default 10k, 100k and 1M) a seeded generator makes a BEIR corpus from the
sentences and titles of the ../shared eval corpora, with article lengths drawn from the real ones. For each
size, medsearch and plain Xapian (benchmarks/plain_xapian: one document per text, as simpleindex does):
build time, size on disk after xapian-compact, peak resident memory; one-shot search latency per
question (p50/p95 over --questions questions, a process per question, as a site's CGI would run it); and
for medsearch the time to add 100 new articles, replace 100, and delete 100. Writes results/scale.md and
.tsv, and results/scale.png (gnuplot) of time, size and latency against corpus size.

Usage: benchmarks/scale.py [--sizes 10000,100000,1000000] [--questions 50] [--seed 7] [--plot-only]
Environment as the other benchmarks (common.sh): MEDSEARCH, PLAIN_XAPIAN_DIR, MEDSEARCH_SHARED_DIR,
MEDSEARCH_BENCH_DIR.
"""
import argparse
import json
import math
import random
import re
import shutil
import statistics
import subprocess
import sys
import time

from bench import BENCH_DIR, MEDSEARCH, PLAIN, RESULTS, SHARED, commit, fail

WORK = BENCH_DIR / "scale"
SOURCES = ["scifact", "nfcorpus-dev", "mediqa-dev"]
# medsearch cuts a text into passages of 50-120 words (index --passage-words): a text of W words makes
# about this many passages, which the generator uses to reach a size; the tables report the real count.
WORDS_PER_PASSAGE = 85


def load_material():
    """Sentences, titles and text lengths (in words) of the real corpora."""
    sentences, titles, lengths = [], [], []
    for name in SOURCES:
        corpus = SHARED / "eval" / name / "corpus.jsonl"
        if not corpus.exists():
            fail(f"{corpus} is missing: the scale corpora are made from ../shared (set MEDSEARCH_SHARED_DIR)")
        with corpus.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                text = record.get("text", "")
                if record.get("title"):
                    titles.append(record["title"])
                lengths.append(max(1, len(text.split())))
                sentences.extend(s for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 3)
    return sentences, titles, lengths


def make_corpus(path, passages, seed, material, first_id=0):
    """Writes a BEIR corpus of about `passages` passages; returns its document ids."""
    sentences, titles, lengths = material
    rng = random.Random(seed)
    ids, made = [], 0
    with path.open("w", encoding="utf-8") as out:
        while made < passages:
            target = rng.choice(lengths)
            words, text = 0, []
            while words < target:
                sentence = rng.choice(sentences)
                text.append(sentence)
                words += len(sentence.split())
            doc_id = f"s{first_id + len(ids)}"
            out.write(json.dumps({"_id": doc_id, "title": rng.choice(titles), "text": " ".join(text)}) + "\n")
            ids.append(doc_id)
            made += max(1, math.ceil(words / WORDS_PER_PASSAGE))
    return ids


def timed(command, **kwargs):
    """Runs the command under GNU time; returns (seconds, peak RSS in MiB, stderr)."""
    report = WORK / "time.txt"
    start = time.monotonic()
    done = subprocess.run(["/usr/bin/time", "-o", str(report), "-f", "%M"] + [str(c) for c in command],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, **kwargs)
    seconds = time.monotonic() - start
    if done.returncode not in (0,):
        fail(f"{' '.join(map(str, command))} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return seconds, int(report.read_text().split()[-1]) / 1024, done.stderr


def compacted_size(databases):
    """Bytes of the databases after xapian-compact."""
    total = 0
    for database in databases:
        target = WORK / "compacted"
        shutil.rmtree(target, ignore_errors=True)
        subprocess.run(["xapian-compact", str(database), str(target)], check=True, stdout=subprocess.DEVNULL)
        total += sum(f.stat().st_size for f in target.rglob("*") if f.is_file())
        shutil.rmtree(target)
    return total


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def search_latency(questions, medsearch_db, plain_db):
    """Per question, medsearch's and plain Xapian's one-shot process time, interleaved."""
    ours, plain = [], []
    topic = WORK / "topic.tsv"
    for number, question in enumerate(questions):
        start = time.monotonic()
        subprocess.run([str(MEDSEARCH), "search", "--db", str(medsearch_db), "-k", "10", question],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        ours.append(time.monotonic() - start)
        topic.write_text(f"q{number}\t{question}\n", encoding="utf-8")
        start = time.monotonic()
        subprocess.run([str(PLAIN / "plain_search"), str(plain_db), str(topic), str(WORK / "run.txt"), "10"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        plain.append(time.monotonic() - start)
    return ours, plain


def measure(size, args, material, questions):
    corpus = WORK / f"corpus-{size}.jsonl"
    ids = make_corpus(corpus, size, args.seed, material)
    ours_db, plain_db = WORK / f"medsearch-{size}", WORK / f"plain-{size}"
    for folder in (ours_db, plain_db):
        shutil.rmtree(folder, ignore_errors=True)

    row = {"size": size, "documents": len(ids)}
    row["plain_seconds"], row["plain_rss_mib"], _ = timed([PLAIN / "plain_index", plain_db, corpus])
    row["seconds"], row["rss_mib"], summary = timed([MEDSEARCH, "index", "--db", ours_db, "--format", "beir", corpus])
    found = re.search(r"\((\d+) passages\)", summary)
    row["passages"] = int(found.group(1)) if found else 0
    row["plain_bytes"] = compacted_size([plain_db])
    row["bytes"] = compacted_size([ours_db / "passages", ours_db / "articles"])

    ours, plain = search_latency(questions, ours_db, plain_db)
    row.update(p50=statistics.median(ours), p95=percentile(ours, 0.95),
               plain_p50=statistics.median(plain), plain_p95=percentile(plain, 0.95))

    # Updates of 100 articles: new ones, new versions of indexed ones, deletions.
    added = WORK / "add.jsonl"
    # Enough passages for 100 articles of any length drawn, then the first 100 articles.
    make_corpus(added, 100 * 50, args.seed + 1, material, first_id=len(ids))
    with added.open(encoding="utf-8") as lines:
        kept = [next(lines) for _ in range(100)]
    added.write_text("".join(kept), encoding="utf-8")
    row["add_seconds"], _, _ = timed([MEDSEARCH, "index", "--db", ours_db, "--format", "beir", added])
    replaced = WORK / "replace.jsonl"
    rng = random.Random(args.seed + 2)
    chosen = rng.sample(ids, 100)
    with replaced.open("w", encoding="utf-8") as out:
        for doc_id, line in zip(chosen, kept):
            record = json.loads(line)
            record["_id"] = doc_id
            out.write(json.dumps(record) + "\n")
    row["replace_seconds"], _, _ = timed([MEDSEARCH, "index", "--db", ours_db, "--format", "beir", replaced])
    gone = rng.sample([i for i in ids if i not in set(chosen)], 100)
    row["delete_seconds"], _, _ = timed([MEDSEARCH, "delete", "--db", ours_db] + gone)
    return row


COLUMNS = ["size", "documents", "passages", "seconds", "plain_seconds", "rss_mib", "plain_rss_mib", "bytes", "plain_bytes",
           "p50", "p95", "plain_p50", "plain_p95", "add_seconds", "replace_seconds", "delete_seconds"]


def write_results(rows):
    RESULTS.mkdir(exist_ok=True)
    stamp = f"# {time.strftime('%Y-%m-%d')} commit {commit()}"
    with (RESULTS / "scale.tsv").open("w", encoding="utf-8") as out:
        out.write(stamp + "\n" + "\t".join(COLUMNS) + "\n")
        for row in rows:
            out.write("\t".join(f"{row[c]:.4f}" if isinstance(row[c], float) else str(row[c]) for c in COLUMNS) + "\n")
    base = rows[0]
    lines = [stamp, "", "Made by `benchmarks/scale.py`. Times are ratios against plain Xapian in the same run; sizes after "
             "`xapian-compact`; latency is a one-shot `search` process per question (plain: `plain_search`).", "",
             "| passages | documents | build time ÷ plain | time per passage ÷ at the smallest | size ÷ plain | peak RSS MiB (plain) "
             "| search p50 ÷ plain | p95 ÷ plain | p50 ÷ at the smallest | add 100 s | replace 100 s | delete 100 s |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        per_passage = (row["seconds"] / row["passages"]) / (base["seconds"] / base["passages"])
        lines.append(f"| {row['passages']:,} | {row['documents']:,} | {row['seconds'] / row['plain_seconds']:.2f} | "
                     f"{per_passage:.2f} | {row['bytes'] / row['plain_bytes']:.2f} | {row['rss_mib']:.0f} ({row['plain_rss_mib']:.0f}) | "
                     f"{row['p50'] / row['plain_p50']:.2f} | {row['p95'] / row['plain_p95']:.2f} | {row['p50'] / base['p50']:.2f} | "
                     f"{row['add_seconds']:.1f} | {row['replace_seconds']:.1f} | {row['delete_seconds']:.1f} |")
    (RESULTS / "scale.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    plot_results()


def plot_results():
    """Draws results/scale.png from results/scale.tsv."""
    # A missing gnuplot once left an old plot beside new figures: it is an error, not a skipped step.
    if not shutil.which("gnuplot"):
        fail("gnuplot is missing (Debian package gnuplot-nox, installed by scripts/install-deps.sh)")
    plot = f"""set terminal pngcairo size 1200,400
set output '{RESULTS / "scale.png"}'
set datafile separator '\\t'
set logscale x
set key top left
set multiplot layout 1,3
set xlabel 'passages'
set ylabel 'build seconds'
plot '{RESULTS / "scale.tsv"}' skip 2 using 3:4 with linespoints title 'medsearch', '' skip 2 using 3:5 with linespoints title 'plain Xapian'
set ylabel 'MB after compaction'
plot '' skip 2 using 3:($8/1e6) with linespoints title 'medsearch', '' skip 2 using 3:($9/1e6) with linespoints title 'plain Xapian'
set ylabel 'one-shot search p50, s'
plot '' skip 2 using 3:10 with linespoints title 'medsearch', '' skip 2 using 3:12 with linespoints title 'plain Xapian'
unset multiplot
"""
    subprocess.run(["gnuplot"], input=plot, text=True, check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="corpus sizes in passages, comma-separated")
    parser.add_argument("--questions", type=int, default=50, help="questions timed per size (from SciFact test)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--plot-only", action="store_true", help="only redraw results/scale.png from results/scale.tsv")
    args = parser.parse_args()
    if args.plot_only:
        plot_results()
        return
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if not sizes or min(sizes) <= 0 or args.questions <= 0:
        fail("--sizes and --questions must be positive")
    for program in (MEDSEARCH, PLAIN / "plain_index", PLAIN / "plain_search"):
        if not program.exists():
            fail(f"{program} is missing: build first (cmake --build build)")
    WORK.mkdir(parents=True, exist_ok=True)
    material = load_material()
    topics = (SHARED / "eval" / "scifact" / "topics.test.tsv").read_text(encoding="utf-8").splitlines()
    questions = [line.split("\t", 1)[1] for line in topics if "\t" in line][: args.questions]
    rows = []
    for size in sizes:
        rows.append(measure(size, args, material, questions))
        print(f"{size}: {rows[-1]}", file=sys.stderr)
        write_results(rows)


if __name__ == "__main__":
    main()
