#!/usr/bin/env python3
"""Facts of JSONL documents with Dask: the `factx --jsonl` contract, across processes
and machines.

Reads documents ({"id", "text", "ref_date"} per line, docs/jsonl.md) with dask.bag,
extracts with one factx.Extractor per worker process (factx.shared_extractor()), and
writes one output line per input line, in input order, as `factx --jsonl` writes it: the
facts come from the same serializer, byte for byte. Output goes to OUT_DIR/00000.jsonl,
00001.jsonl, ... (one file per partition); `cat OUT_DIR/*.jsonl` is the whole output.

    # here: a LocalCluster of 2 worker processes
    python3 examples/python/dask_pipeline.py --local-workers 2 -o facts/ docs.jsonl
    # a real cluster: every worker needs the factx module (pip install ./python)
    python3 examples/python/dask_pipeline.py --scheduler tcp://10.0.0.5:8786 \\
        -o /shared/facts/ '/shared/docs/*.jsonl'

Lines that are not documents get {"id": ..., "error": "..."} lines, as with the CLI; the
messages for JSON that does not parse are Python's (the CLI's come from RapidJSON).
"""

import argparse
import json
import sys
import time

import dask.bag
import distributed

import factx


def _json(value):
    # The CLI's writer: UTF-8 as is, the same escapes, ", " and ": " separators.
    return json.dumps(value, ensure_ascii=False)


def _error_line(document_id, message):
    return '{"id": %s, "error": %s}' % (_json(document_id), _json(message))


def answer(line, default_ref_date=None, kinds=None):
    """The output line for one input line (without its newline)."""
    if not line.strip(" \t\r\n"):
        return _error_line(None, "empty line")
    try:
        document = json.loads(line)
    except ValueError as error:
        return _error_line(None, "invalid JSON: %s" % error)
    if not isinstance(document, dict):
        return _error_line(None, "invalid JSON: not a JSON object")
    document_id = document.get("id")
    text = document.get("text")
    if not isinstance(text, str):
        return _error_line(document_id, 'missing string field "text"')
    ref_date = document.get("ref_date")
    if ref_date is None:
        ref_date = default_ref_date
    elif not isinstance(ref_date, str):
        return _error_line(document_id, "invalid ref_date: not a string or null")
    try:
        # Bytes that were not UTF-8 were read as surrogate escapes: give them back
        # as they were, so that the extractor names the bad byte as the CLI does.
        facts = factx.shared_extractor().extract_json(
            text.encode("utf-8", "surrogateescape"), ref_date=ref_date, kinds=kinds
        )
    except (ValueError, RuntimeError) as error:
        return _error_line(document_id, str(error))
    return '{"id": %s, "facts": %s}' % (_json(document_id), facts)


def answer_partition(lines, default_ref_date=None, kinds=None):
    return [answer(line.rstrip("\n"), default_ref_date, kinds) for line in lines]


def run(inputs, out_dir, blocksize="4MiB", ref_date=None, kinds=None):
    """Builds and computes the bag on the current Dask client; returns the files written."""
    lines = dask.bag.read_text(inputs, blocksize=blocksize, encoding="utf-8",
                               errors="surrogateescape")
    answers = lines.map_partitions(answer_partition, ref_date, kinds)
    return answers.to_textfiles(out_dir.rstrip("/") + "/*.jsonl",
                                name_function=lambda i: "%05d" % i,
                                encoding="utf-8", last_endline=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="JSONL files or globs")
    parser.add_argument("-o", "--out-dir", required=True)
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--local-workers", type=int,
                       help="start a LocalCluster of this many worker processes")
    where.add_argument("--scheduler", help="address of a running Dask scheduler")
    parser.add_argument("--threads-per-worker", type=int, default=1)
    parser.add_argument("--blocksize", default="4MiB",
                        help="bytes of input per partition (default 4MiB)")
    parser.add_argument("--ref-date", help="YYYY-MM-DD for documents without one")
    parser.add_argument("--kinds", help="comma-separated: money,percent,date,investment")
    args = parser.parse_args(argv)
    kinds = set(args.kinds.split(",")) if args.kinds else None

    if args.scheduler:
        client = distributed.Client(args.scheduler)
        cluster = None
    else:
        cluster = distributed.LocalCluster(n_workers=args.local_workers,
                                           threads_per_worker=args.threads_per_worker,
                                           processes=True, dashboard_address=None)
        client = distributed.Client(cluster)
    try:
        began = time.perf_counter()
        written = run(args.inputs, args.out_dir, args.blocksize, args.ref_date, kinds)
        seconds = time.perf_counter() - began
        print("dask_pipeline: %d files in %s, %.2f s" % (len(written), args.out_dir, seconds),
              file=sys.stderr)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
