#!/usr/bin/env bash
# fuzz/run.sh [SECONDS [LIBFUZZER_FLAGS...]]: build the libFuzzer target and run it from the
# seed corpus, as CI's fuzz_extract test does.
#
#   fuzz/run.sh                   a 600 s run (the figures in docs/performance.md)
#   fuzz/run.sh 60                what CI runs
#   fuzz/run.sh 0 -runs=100000    the first 100,000 inputs, with no time limit
#
# It builds with clang, AddressSanitizer + UndefinedBehaviorSanitizer and -O1 (the flags of
# CI's nested `sanitizers` build) in its own directory, writes the seed corpus that
# fuzz/CMakeLists.txt makes (the texts of tests/corpus/*.jsonl, the sample article, a few
# awkward inputs), and runs one process on one core with CI's limits and fixed libFuzzer seed,
# starting each time from those seeds alone (new inputs go to a fresh directory). Build, seeds,
# flags and seed are fixed; the inputs are not bit for bit the same from run to run (two
# `-runs=3000` runs ended at 4,215 and 4,219 coverage points: libFuzzer's feedback is not fully
# deterministic), and how far a run gets in SECONDS depends on the machine.
# A crash is written to the build directory as crash-<sha1>; rerun it with
#   FUZZ_BUILD_DIR/fuzz/extract_fuzzer FUZZ_BUILD_DIR/crash-<sha1>
#
# Environment: FUZZ_BUILD_DIR (build-fuzz), FUZZ_SEED (1, CI's), FUZZ_JOBS (2, for the build).
set -euo pipefail
cd "$(dirname "$0")/.."

readonly seconds="${1:-600}"
readonly build_dir="${FUZZ_BUILD_DIR:-build-fuzz}"
readonly seed="${FUZZ_SEED:-1}"
readonly jobs="${FUZZ_JOBS:-2}"
readonly sanitize="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"

cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang \
  "-DCMAKE_CXX_FLAGS=$sanitize -fsanitize=fuzzer-no-link -O1" \
  -DFACTX_BUILD_FUZZERS=ON -DFACTX_BUILD_TESTS=OFF -DFACTX_BUILD_EXAMPLES=OFF \
  -DFACTX_INSTALL=OFF
cmake --build "$build_dir" --parallel "$jobs" --target extract_fuzzer extract_fuzzer_seeds

readonly corpus="$build_dir/fuzz/corpus-run"
rm -rf "$corpus"
mkdir -p "$corpus"
# The limits are CI's (fuzz/CMakeLists.txt): inputs up to 8 KiB, 10 s per input, 2 GB.
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1}"
exec "$build_dir/fuzz/extract_fuzzer" -seed="$seed" -max_total_time="$seconds" \
  -max_len=8192 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$build_dir/" "${@:2}" "$corpus" "$build_dir/fuzz/seeds"
