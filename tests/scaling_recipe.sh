#!/usr/bin/env bash
# The local recipe of docs/scaling.md, run as a test: split a JSONL input into parts, run one
# `factx --jsonl` process per part at the same time, merge the outputs in part order, and
# compare with a single process over the whole input (and with --threads). They must be
# byte-identical: the JSONL mode is a stateless, order-preserving, line-oriented filter.
#
#   tests/scaling_recipe.sh FACTX_BINARY WORK_DIR INPUT.jsonl...
set -euo pipefail

factx="$1"
work="$2"
shift 2
rm -rf "$work"
mkdir -p "$work/parts"

# The input: the given JSONL files, one after the other.
cat "$@" > "$work/input.jsonl"
lines=$(wc -l < "$work/input.jsonl")

# 1. Split into 4 parts at line boundaries (GNU split: -n l/4 never cuts a line), numbered so
#    that the names sort in input order.
split -n l/4 -d -a 3 "$work/input.jsonl" "$work/parts/part-"

# 2. One process per part, all at once (xargs -P; GNU parallel or a cluster's workers do the
#    same). The exit status 2 means "some line was an error line", which is data, not failure.
find "$work/parts" -name 'part-*' ! -name '*.out' -print0 | sort -z |
  xargs -0 -P 4 -I{} sh -c '"$0" --jsonl "$1" > "$1.out"; [ $? -le 2 ]' "$factx" {}

# 3. Merge in part order.
cat "$work"/parts/part-*.out > "$work/merged.jsonl"

# 4. The same input through one process, and through one process with 3 threads.
status=0
"$factx" --jsonl "$work/input.jsonl" > "$work/single.jsonl" || status=$?
[ "$status" -le 2 ] || { echo "single process failed with $status"; exit 1; }
status=0
"$factx" --jsonl --threads 3 "$work/input.jsonl" > "$work/threads.jsonl" || status=$?
[ "$status" -le 2 ] || { echo "--threads 3 failed with $status"; exit 1; }

out_lines=$(wc -l < "$work/merged.jsonl")
if [ "$out_lines" -ne "$lines" ]; then
  echo "FAILED: $lines input lines but $out_lines merged output lines"
  exit 1
fi
cmp "$work/merged.jsonl" "$work/single.jsonl"
cmp "$work/threads.jsonl" "$work/single.jsonl"
echo "scaling recipe: $lines lines in 4 parts, merged output identical to one process"
