#!/usr/bin/env python3
"""An index kept current by many small updates ranks as one built at once: nDCG@10 of both, on every set.

For each evaluation corpus of ../shared/eval, two indexes of the same articles:
  at once     one `medsearch index` run over corpus.jsonl;
  by updates  from empty, --slices `index` runs over the corpus cut into slices in a seeded random order;
              then the first slice indexed again (every article in it replaced), then --churn articles
              deleted with `medsearch delete` and indexed again by one more run.
Both are scored with `medsearch eval --json` (nDCG@10, shipped ranking) on the set's topics; the two
indexes must hold the same articles and passages, and the difference must stay within --tolerance
(0.002, the bound of issue 18). Also reported: the median time of one update run against the full build's.
Writes results/incremental.md and .tsv; exits 1 when a set is out of bounds.

Usage: benchmarks/incremental.py [--slices 20] [--churn 50] [--seed 7] [--tolerance 0.002] [--sets NAME,...]
Environment: see bench.py.
"""
import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import time

from bench import BENCH_DIR, MEDSEARCH, RESULTS, SHARED, check_setup, commit, fail, run

# name | corpus (folder of ../shared/eval) | topics | qrels
SETS = [
    ("scifact test", "scifact", "scifact/topics.test.tsv", "scifact/qrels.test.txt"),
    ("scifact train", "scifact", "scifact/topics.train.tsv", "scifact/qrels.train.txt"),
    ("nfcorpus-dev", "nfcorpus-dev", "nfcorpus-dev/topics.tsv", "nfcorpus-dev/qrels.txt"),
    ("mediqa-dev", "mediqa-dev", "mediqa-dev/topics.tsv", "mediqa-dev/qrels.txt"),
]
WORK = BENCH_DIR / "incremental"


def timed(command):
    """Runs a command; returns its wall-clock seconds."""
    start = time.monotonic()
    try:
        run(command)
    except (OSError, subprocess.CalledProcessError) as error:  # a failed run names itself and its stderr
        fail(f"{' '.join(map(str, command))} failed: {getattr(error, 'stderr', error)}")
    return time.monotonic() - start


def index_counts(db):
    """The articles and passages `medsearch stats` reports."""
    counts = {}
    for line in run([MEDSEARCH, "stats", "--db", db]).stdout.splitlines():
        name, _, value = line.partition("\t")
        if name in ("articles", "passages"):
            counts[name] = int(value)
    return counts


def build_at_once(corpus, db):
    shutil.rmtree(db, ignore_errors=True)
    return timed([MEDSEARCH, "index", "--format", "beir", "--db", db, corpus])


def build_by_updates(corpus, db, slices_dir, args):
    """Builds db by many small runs; returns the seconds of each run."""
    shutil.rmtree(db, ignore_errors=True)
    shutil.rmtree(slices_dir, ignore_errors=True)
    slices_dir.mkdir(parents=True)
    lines = [line for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    random.Random(args.seed).shuffle(lines)
    size = -(-len(lines) // args.slices)
    files = []
    for number in range(args.slices):
        part = lines[number * size:(number + 1) * size]
        if not part:
            break
        files.append(slices_dir / f"slice-{number:03d}.jsonl")
        files[-1].write_text("\n".join(part) + "\n", encoding="utf-8")
    seconds = [timed([MEDSEARCH, "index", "--format", "beir", "--db", db, path]) for path in files]
    # Every article of the first slice replaced by its own text again.
    seconds.append(timed([MEDSEARCH, "index", "--format", "beir", "--db", db, files[0]]))
    # Some articles deleted, then indexed again.
    churned = random.Random(args.seed + 1).sample(lines, min(args.churn, len(lines)))
    seconds.append(timed([MEDSEARCH, "delete", "--db", db] + [json.loads(line)["_id"] for line in churned]))
    churn_file = slices_dir / "churn.jsonl"
    churn_file.write_text("\n".join(churned) + "\n", encoding="utf-8")
    seconds.append(timed([MEDSEARCH, "index", "--format", "beir", "--db", db, churn_file]))
    return seconds


def ndcg(db, topics, qrels):
    out = run([MEDSEARCH, "eval", "--db", db, "--topics", SHARED / "eval" / topics, "--qrels", SHARED / "eval" / qrels,
               "--metrics", "ndcg_cut.10", "--threads", "0", "--json"]).stdout
    return json.loads(out)["all"]["ndcg_cut_10"]


def write_results(rows, args):
    RESULTS.mkdir(exist_ok=True)
    stamp = f"# {time.strftime('%Y-%m-%d')} commit {commit()}"
    columns = ["set", "articles", "passages", "at_once", "by_updates", "difference", "within", "update_run_vs_build"]
    with (RESULTS / "incremental.tsv").open("w", encoding="utf-8") as out:
        out.write(stamp + "\n" + "\t".join(columns) + "\n")
        for row in rows:
            out.write("\t".join(f"{row[c]:.4f}" if isinstance(row[c], float) else str(row[c]) for c in columns) + "\n")
    lines = [stamp, "",
             f"Made by `benchmarks/incremental.py --slices {args.slices} --churn {args.churn} --seed {args.seed}`. "
             f"\"By updates\": the corpus indexed by {args.slices} runs in a random order, its first slice replaced, "
             f"{args.churn} articles deleted and indexed again. Both indexes hold the same articles and passages "
             "(checked). The last column is the median time of one update run divided by the full build's time.", "",
             f"| set | articles | passages | nDCG@10 at once | by updates | difference | within {args.tolerance} | update run ÷ full build |",
             "|---|---:|---:|---:|---:|---:|---|---:|"]
    for row in rows:
        lines.append(f"| {row['set']} | {row['articles']:,} | {row['passages']:,} | {row['at_once']:.4f} | {row['by_updates']:.4f} | "
                     f"{row['difference']:+.4f} | {'yes' if row['within'] else 'NO'} | {row['update_run_vs_build']:.3f} |")
    (RESULTS / "incremental.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slices", type=int, default=20, help="update runs that build the second index (at least 2)")
    parser.add_argument("--churn", type=int, default=50, help="articles deleted and indexed again at the end")
    parser.add_argument("--seed", type=int, default=7, help="seed of the order and of the churned articles")
    parser.add_argument("--tolerance", type=float, default=0.002, help="largest nDCG@10 difference allowed")
    parser.add_argument("--sets", default=",".join(name for name, *_ in SETS), help="the sets measured, comma-separated")
    args = parser.parse_args()
    chosen = args.sets.split(",")
    if unknown := [name for name in chosen if name not in {name for name, *_ in SETS}]:
        fail(f"no set named {', '.join(unknown)}")
    if args.slices < 2 or args.churn < 0 or args.tolerance < 0:
        fail("--slices needs 2 or more; --churn and --tolerance cannot be negative")
    check_setup()

    built = {}  # corpus -> (at-once db, by-updates db, counts, update-run ratio)
    rows = []
    for name, folder, topics, qrels in (row for row in SETS if row[0] in chosen):
        if folder not in built:
            corpus = SHARED / "eval" / folder / "corpus.jsonl"
            whole, updated = WORK / folder / "at-once", WORK / folder / "by-updates"
            print(f"indexing {folder} at once ...", file=sys.stderr)
            build_seconds = build_at_once(corpus, whole)
            print(f"indexing {folder} by {args.slices} updates ...", file=sys.stderr)
            update_seconds = build_by_updates(corpus, updated, WORK / folder / "slices", args)
            counts, updated_counts = index_counts(whole), index_counts(updated)
            if updated_counts != counts:
                fail(f"{folder}: the updated index holds {updated_counts}, the one built at once {counts}")
            built[folder] = (whole, updated, counts, statistics.median(update_seconds) / build_seconds)
        whole, updated, counts, ratio = built[folder]
        print(f"scoring {name} ...", file=sys.stderr)
        at_once, by_updates = ndcg(whole, topics, qrels), ndcg(updated, topics, qrels)
        rows.append({"set": name, "articles": counts["articles"], "passages": counts["passages"], "at_once": at_once,
                     "by_updates": by_updates, "difference": by_updates - at_once,
                     "within": abs(by_updates - at_once) <= args.tolerance, "update_run_vs_build": ratio})
        print(f"{name}: {at_once:.4f} at once, {by_updates:.4f} by updates", file=sys.stderr)
    write_results(rows, args)
    return 0 if all(row["within"] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
