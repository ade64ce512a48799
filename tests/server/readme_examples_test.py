#!/usr/bin/env python3
"""The curl examples of README's "Serving" section run as written: each is taken from the README, run by
the shell against `serve` over an index of corpus/articles, and must exit 0 with a JSON answer that is not
an error. Only the port differs from the README (the test takes a free one), so a server already on 8080
does not matter."""

import argparse
import json
import re
import shlex
import socket
import subprocess
import sys
import tempfile


def serving_examples(readme):
    text = open(readme, encoding="utf-8").read()
    section = re.search(r"^### Serving\n(.*?)^### ", text, re.S | re.M)
    if not section:
        sys.exit("readme examples: README has no \"### Serving\" section")
    examples = [line for block in re.findall(r"```sh\n(.*?)```", section.group(1), re.S)
                for line in block.splitlines() if line.startswith("curl ")]
    if len(examples) < 5:
        sys.exit("readme examples: the Serving section has %d curl examples, expected at least 5" % len(examples))
    return examples


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--medsearch", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--readme", required=True)
    args = parser.parse_args()
    examples = serving_examples(args.readme)

    with tempfile.TemporaryDirectory() as scratch:
        db = scratch + "/db"
        subprocess.run([args.medsearch, "index", "--db", db, args.corpus], check=True, capture_output=True)
        port = free_port()
        server = subprocess.Popen([args.medsearch, "serve", "--db", db, "--listen", "127.0.0.1:%d" % port],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            line = server.stdout.readline().strip()
            if not line.startswith("listening on "):
                sys.exit("readme examples: serve did not start: " + line + server.stderr.read())
            for example in examples:
                command = example.replace("127.0.0.1:8080", "127.0.0.1:%d" % port)
                done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=60)
                if done.returncode != 0:
                    sys.exit("readme examples: %s\nexited %d: %s" % (example, done.returncode, done.stderr))
                try:
                    answer = json.loads(done.stdout)
                except json.JSONDecodeError as error:
                    sys.exit("readme examples: %s\ndid not answer JSON (%s): %s" % (example, error, done.stdout[:300]))
                if isinstance(answer, dict) and "error" in answer:
                    sys.exit("readme examples: %s\nanswered an error: %s" % (example, done.stdout[:300]))
                if "/api/search" in example and not answer.get("hits"):
                    sys.exit("readme examples: %s\nfound nothing" % example)
                print("ok:", shlex.split(example)[-1])
        finally:
            server.terminate()
            server.wait(timeout=30)
    print("readme examples: %d curl examples ran as written" % len(examples))


if __name__ == "__main__":
    main()
