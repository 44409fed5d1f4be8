#!/usr/bin/env python3
"""Writes a varied, shuffled document file for bench/cold_start.

Mixes every document of the regression corpus (tests/corpus), the shared development set
(../shared/corpus, when present) and generated news articles (make_news_corpus, seed 77 by
default, which the project's other benchmarks do not use), shuffles them with a fixed seed,
and writes them as `REF_DATE<TAB>TEXT` records separated by NUL bytes (REF_DATE may be empty).

    python3 bench/varied_corpus.py build --bytes 2000000 > /tmp/varied.docs
    build/bench/cold_start /tmp/varied.docs
"""
import argparse
import glob
import json
import os
import random
import subprocess
import sys


def read_documents(lines):
    for line in lines:
        if line.strip():
            doc = json.loads(line)
            yield doc.get("ref_date") or "", doc["text"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build_dir", help="build directory holding bench/make_news_corpus")
    parser.add_argument("--bytes", type=int, default=2_000_000,
                        help="bytes of generated news to add (default 2000000)")
    parser.add_argument("--seed", type=int, default=77, help="generator and shuffle seed")
    args = parser.parse_args()

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    paths = sorted(glob.glob(os.path.join(root, "tests", "corpus", "*.jsonl")))
    paths += sorted(glob.glob(os.path.join(root, "..", "shared", "corpus", "*.jsonl")))
    docs = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            docs += read_documents(f)
    generated = subprocess.run(
        [os.path.join(args.build_dir, "bench", "make_news_corpus"), "--bytes",
         str(args.bytes), "--format", "jsonl", "--seed", str(args.seed)],
        check=True, capture_output=True, text=True).stdout
    docs += read_documents(generated.splitlines())
    random.Random(args.seed).shuffle(docs)
    out = sys.stdout.buffer
    for ref_date, text in docs:
        out.write(ref_date.encode() + b"\t" + text.replace("\0", " ").encode() + b"\0")


if __name__ == "__main__":
    main()
