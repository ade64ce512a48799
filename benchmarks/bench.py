"""What the Python benchmark drivers share: where the program, the data, the work folder and the results are,
running a command, and the commit a result was measured at. Imported by the drivers beside it.

Environment (as common.sh for the shell scripts): MEDSEARCH (the binary, default build/medsearch),
PLAIN_XAPIAN_DIR, MEDSEARCH_SHARED_DIR (default ../shared), MEDSEARCH_BENCH_DIR (default /tmp/medsearch-bench).
"""
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MEDSEARCH = Path(os.environ.get("MEDSEARCH", REPO / "build" / "medsearch"))
PLAIN = Path(os.environ.get("PLAIN_XAPIAN_DIR", MEDSEARCH.parent / "benchmarks"))
SHARED = Path(os.environ.get("MEDSEARCH_SHARED_DIR", REPO.parent / "shared"))
BENCH_DIR = Path(os.environ.get("MEDSEARCH_BENCH_DIR", "/tmp/medsearch-bench"))
RESULTS = REPO / "benchmarks" / "results"


def fail(message):
    """Stops the driver with one line naming it."""
    sys.exit(f"{Path(sys.argv[0]).name}: {message}")


def run(command, **kwargs):
    """Runs a command to completion, its output captured as text; a failure raises CalledProcessError."""
    return subprocess.run([str(part) for part in command], capture_output=True, text=True, check=True, **kwargs)


def check_setup():
    """Fails with a clear line when the program or the data is missing."""
    if not os.access(MEDSEARCH, os.X_OK):
        fail(f"no medsearch binary at {MEDSEARCH} (build it, or set MEDSEARCH)")
    if not (SHARED / "eval").is_dir():
        fail(f"no evaluation data at {SHARED / 'eval'} (set MEDSEARCH_SHARED_DIR)")


def commit():
    """HEAD's short hash, "-dirty" when tracked files outside benchmarks/results differ from it."""
    try:
        head = run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"]).stdout.strip()
        dirty = run(["git", "-C", REPO, "status", "--porcelain", "--untracked-files=no", "--", ".",
                     ":!benchmarks/results"]).stdout.strip()
        return head + ("-dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
