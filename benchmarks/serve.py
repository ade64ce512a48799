#!/usr/bin/env python3
"""How `medsearch serve` holds up under load, against a process per question, in the same run.

Indexes the bundled corpus (corpus/articles), starts `serve` on a free loopback port and drives
/api/search with `wrk` (Debian) at 1, 8 and 64 connections for --seconds each, cycling through the MEDIQA
dev questions: requests/s, p50/p99 latency and errors (any non-2xx answer, timeout or socket error). The
baseline asks the same questions with `search --json`, one process each, as a site's CGI would; its
requests/s is 1 / mean time per process. The ratio is taken within the run (the machine may be shared).
Then again at 8 connections while an `index` run adds MedQuAD articles the corpus lacks: the errors must
stay zero, and a question only a new article answers must be answered by the running server afterwards.
Writes results/serve.md and .tsv.

Usage: benchmarks/serve.py [--seconds 10] [--questions 60] [--threads 0] [--repeats 3]
Environment as the other benchmarks (common.sh): MEDSEARCH, MEDSEARCH_SHARED_DIR, MEDSEARCH_BENCH_DIR.
"""
import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path
from xml.etree import ElementTree

from bench import BENCH_DIR, MEDSEARCH, REPO, RESULTS, SHARED, commit, fail, run

WORK = BENCH_DIR / "serve"
CONNECTIONS = [1, 8, 64]
# MedQuAD articles added during the "while indexing" run: the first files of this collection that the
# bundled corpus does not hold.
ADDED_COLLECTION = "3_GHR_QA"
ADDED_FILES = 150

# wrk's script: cycles through the request paths of a file, and prints the figures as one JSON line when
# the run ends (wrk's own summary is text meant for people).
WRK_SCRIPT = """
local paths, next_path = {}, 1
for line in io.lines(os.getenv("SERVE_PATHS")) do paths[#paths + 1] = line end
request = function()
  local path = paths[next_path]
  next_path = next_path % #paths + 1
  return wrk.format("GET", path)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('RESULT {"requests": %d, "seconds": %f, "p50_us": %d, "p99_us": %d, ' ..
    '"errors": %d}\\n', summary.requests, summary.duration / 1e6, latency:percentile(50),
    latency:percentile(99), e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def questions(count):
    topics = SHARED / "eval" / "mediqa-dev" / "topics.tsv"
    if not topics.exists():
        fail(f"{topics} is missing: the questions come from ../shared (set MEDSEARCH_SHARED_DIR)")
    with topics.open(encoding="utf-8") as lines:
        found = [line.rstrip("\n").split("\t", 1)[1] for line in lines if "\t" in line]
    return found[:count]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def search_path(question):
    return "/api/search?" + urllib.parse.urlencode({"q": question, "k": 10})


class Server:
    def __init__(self, db, threads):
        self.port = free_port()
        self.process = subprocess.Popen([str(MEDSEARCH), "serve", "--db", str(db), "--listen", f"127.0.0.1:{self.port}",
                                         "--threads", str(threads)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline().strip()
        if not line.startswith("listening on "):
            self.process.kill()
            fail("serve did not start: " + line + self.process.stderr.read())

    def get(self, path):
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=30) as answer:
            return json.loads(answer.read())

    def stop(self):
        self.process.terminate()
        if self.process.wait(timeout=60) != 0:
            fail(f"serve exited {self.process.returncode} on SIGTERM: {self.process.stderr.read()}")


def wrk(server, connections, seconds, paths_file, script_file):
    threads = min(connections, 2)
    done = run(["wrk", "-t", threads, "-c", connections, "-d", f"{seconds}s", "--timeout", "30s", "-s", script_file,
                f"http://127.0.0.1:{server.port}"], env={**os.environ, "SERVE_PATHS": str(paths_file)})
    line = next((l for l in done.stdout.splitlines() if l.startswith("RESULT ")), None)
    if line is None:
        fail("wrk printed no result: " + done.stdout + done.stderr)
    figures = json.loads(line[len("RESULT "):])
    figures["rps"] = figures["requests"] / figures["seconds"]
    return figures


def process_per_question(db, asked):
    """Seconds per `search --json` process, each question once, in order."""
    times = []
    for question in asked:
        start = time.perf_counter()
        run([MEDSEARCH, "search", "--db", db, "-k", "10", "--json", question])
        times.append(time.perf_counter() - start)
    return times


def added_articles(bundled):
    collection = SHARED / "data" / "medquad" / ADDED_COLLECTION
    if not collection.is_dir():
        fail(f"{collection} is missing (set MEDSEARCH_SHARED_DIR)")
    present = {path.name for path in (bundled / "medquad" / ADDED_COLLECTION).glob("*.xml")}
    return [path for path in sorted(collection.glob("*.xml")) if path.name not in present][:ADDED_FILES]


def article_id(path):
    """A MedQuAD article's id as the reader makes it: SOURCE_ID from the <Document> attributes."""
    root = ElementTree.parse(path).getroot()
    return f"{root.get('source')}_{root.get('id')}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="length of each wrk run")
    parser.add_argument("--questions", type=int, default=60, help="MEDIQA dev questions cycled through")
    parser.add_argument("--threads", type=int, default=0, help="serve --threads (0: one per core)")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each condition; medians are reported")
    args = parser.parse_args()
    if args.seconds <= 0 or args.questions <= 0 or args.repeats <= 0 or args.threads < 0:
        fail("--seconds, --questions and --repeats must be positive, --threads at least 0")
    for program in (MEDSEARCH, shutil.which("wrk")):
        if not program or not Path(program).exists():
            fail(f"{program or 'wrk'} is missing (build medsearch; wrk is in scripts/install-deps.sh)")

    if WORK.exists():
        shutil.rmtree(WORK)
    WORK.mkdir(parents=True)
    db = WORK / "db"
    run([MEDSEARCH, "index", "--db", db, REPO / "corpus" / "articles"])
    asked = questions(args.questions)
    paths_file, script_file = WORK / "paths.txt", WORK / "cycle.lua"
    paths_file.write_text("\n".join(search_path(q) for q in asked) + "\n", encoding="utf-8")
    script_file.write_text(WRK_SCRIPT, encoding="utf-8")

    # Each repeat measures the baseline and every connection count once, so each ratio compares runs
    # made at the same time.
    server = Server(db, args.threads)
    rows = {c: [] for c in CONNECTIONS}
    baseline_rps = []
    for _ in range(args.repeats):
        times = process_per_question(db, asked[:20])
        baseline_rps.append(1 / statistics.mean(times))
        for connections in CONNECTIONS:
            figures = wrk(server, connections, args.seconds, paths_file, script_file)
            figures["ratio"] = figures["rps"] / baseline_rps[-1]
            rows[connections].append(figures)

    # While an index run adds articles: the server keeps answering, then answers from the new articles.
    added = added_articles(REPO / "corpus" / "articles")
    staging = WORK / "added"
    staging.mkdir()
    for path in added:
        shutil.copy(path, staging / path.name)
    indexer = subprocess.Popen([str(MEDSEARCH), "index", "--db", str(db), "--batch", "20", str(staging)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    during = []
    while indexer.poll() is None:
        during.append(wrk(server, 8, max(2, args.seconds // 2), paths_file, script_file))
    if indexer.returncode != 0:
        fail(f"index of the added articles exited {indexer.returncode}: {indexer.stderr.read()}")
    new_ids = [article_id(path) for path in added]
    found_new = 0
    for new_id in new_ids[:20]:
        answer = server.get("/api/search?" + urllib.parse.urlencode({"q": "what", "article": new_id, "k": 1}))
        found_new += bool(answer.get("hits"))
    stats = server.get("/api/stats")
    server.stop()

    def median(name, connections):
        return statistics.median(r[name] for r in rows[connections])

    RESULTS.mkdir(exist_ok=True)
    stamp = f"# {time.strftime('%Y-%m-%d')} commit {commit()}"
    columns = ["condition", "connections", "rps", "p50_ms", "p99_ms", "errors", "ratio_to_process_per_question"]
    table = []
    for connections in CONNECTIONS:
        table.append(["serve", connections, median("rps", connections), median("p50_us", connections) / 1000,
                      median("p99_us", connections) / 1000, sum(r["errors"] for r in rows[connections]),
                      median("ratio", connections)])
    base = statistics.median(baseline_rps)
    table.append(["process per question", 1, base, 1000 / base, float("nan"), 0, 1.0])
    if during:
        table.append(["serve while indexing", 8, statistics.median(r["rps"] for r in during),
                      statistics.median(r["p50_us"] for r in during) / 1000, max(r["p99_us"] for r in during) / 1000,
                      sum(r["errors"] for r in during), statistics.median(r["rps"] for r in during) / base])
    with (RESULTS / "serve.tsv").open("w", encoding="utf-8") as out:
        out.write(stamp + "\n" + "\t".join(columns) + "\n")
        for row in table:
            out.write("\t".join(f"{v:.4f}" if isinstance(v, float) else str(v) for v in row) + "\n")
    lines = [stamp, "",
             f"Made by `benchmarks/serve.py --seconds {args.seconds} --questions {args.questions} --threads {args.threads} "
             f"--repeats {args.repeats}` on {os.cpu_count()} CPUs: `wrk` against `serve` over the bundled corpus "
             f"({stats.get('articles')} articles after the added ones), MEDIQA dev questions cycled, `k=10`. Medians of "
             f"{args.repeats} runs; errors are summed over all runs. \"× process\" is requests/s against `search --json` "
             "run as one process per question in the same repeat.", "",
             "| condition | connections | requests/s | p50 ms | p99 ms | errors | × process |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for name, connections, rps, p50, p99, errors, ratio in table:
        p99_text = "" if p99 != p99 else f"{p99:.1f}"
        lines.append(f"| {name} | {connections} | {rps:.1f} | {p50:.1f} | {p99_text} | {errors} | {ratio:.1f} |")
    lines += ["", f"While indexing: `index --batch 20` added {len(added)} MedQuAD articles ({ADDED_COLLECTION}) during "
              f"{len(during)} wrk runs at 8 connections; afterwards the running server found {found_new} of "
              f"{min(20, len(new_ids))} new articles checked (`article=` filter), without a restart."]
    (RESULTS / "serve.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    total_errors = sum(row[5] for row in table)
    if total_errors or found_new < min(20, len(new_ids)):
        fail(f"{total_errors} errors; {found_new} new articles found")


if __name__ == "__main__":
    main()
