#!/usr/bin/env python3
"""The Dask pipeline (examples/python/dask_pipeline.py) on a LocalCluster of 2 worker
processes gives the same output as `factx --jsonl`, line for line, over the inputs.

    dask_pipeline_test.py --factx build/examples/factx --pipeline PATH --work-dir DIR IN...
"""

import argparse
import glob
import os
import shutil
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--factx", required=True)
    parser.add_argument("--pipeline", required=True)
    parser.add_argument("--work-dir", required=True)
    parser.add_argument("inputs", nargs="+")
    args = parser.parse_args()

    shutil.rmtree(args.work_dir, ignore_errors=True)
    out_dir = os.path.join(args.work_dir, "facts")
    os.makedirs(args.work_dir)

    expected = b""
    for path in args.inputs:
        with open(path, "rb") as document_lines:
            run = subprocess.run([args.factx, "--jsonl"], stdin=document_lines,
                                 stdout=subprocess.PIPE, check=False)
        if run.returncode not in (0, 2):
            sys.exit("factx --jsonl failed on %s: exit %d" % (path, run.returncode))
        expected += run.stdout

    # Small partitions, so that every file is split across both workers.
    subprocess.run([sys.executable, args.pipeline, "--local-workers", "2",
                    "--blocksize", "16KiB", "-o", out_dir] + args.inputs, check=True)
    parts = sorted(glob.glob(os.path.join(out_dir, "*.jsonl")))
    if len(parts) < 2:
        sys.exit("expected several partitions, got %d" % len(parts))
    actual = b"".join(open(part, "rb").read() for part in parts)

    expected_lines = expected.split(b"\n")
    actual_lines = actual.split(b"\n")
    for number, (want, got) in enumerate(zip(expected_lines, actual_lines), 1):
        if want != got:
            sys.exit("line %d differs:\n  factx --jsonl: %s\n  dask:          %s"
                     % (number, want[:300], got[:300]))
    if len(expected_lines) != len(actual_lines):
        sys.exit("factx --jsonl wrote %d lines, dask %d"
                 % (len(expected_lines) - 1, len(actual_lines) - 1))
    print("dask_pipeline_test: %d lines in %d partitions equal factx --jsonl"
          % (len(expected_lines) - 1, len(parts)))


if __name__ == "__main__":
    main()
