#!/usr/bin/env bash
# One entry point for set-up, build, demo and tests. Idempotent: run it as often as you like.
#
#   ./build.sh demo    install missing Debian packages, build, print the facts of the sample article
#   ./build.sh test    install missing Debian packages, build (benchmarks too), run the whole test suite
#   ./build.sh build   install missing Debian packages and build (Release, in build/)
#
# Environment: FACTX_BUILD_DIR (build), FACTX_BUILD_TYPE (Release), FACTX_JOBS (nproc),
# FACTX_CMAKE_ARGS (extra arguments for the configure step).
set -euo pipefail
cd "$(dirname "$0")"

readonly packages=(cmake g++ make pkg-config libre2-dev libicu-dev libgtest-dev libbenchmark-dev
                   clang libclang-rt-14-dev rapidjson-dev
                   python3 python3-dev pybind11-dev python3-pybind11 python3-setuptools
                   python3-pip python3-venv python3-pytest python3-dask python3-distributed)
# clang: the public headers are checked with clang++ too, and the sanitizer and fuzzer tests
# build with it; libclang-rt-14-dev: its ASan, UBSan, TSan and libFuzzer runtimes.
# rapidjson-dev: the factx tool reads JSONL with it. python3-*, pybind11-dev: the Python
# module (python/, FACTX_BUILD_PYTHON, for Debian's /usr/bin/python3), its pytest tests, the
# Dask pipeline test, and `pip install --no-build-isolation ./python` (pip, venv).
readonly build_dir="${FACTX_BUILD_DIR:-build}"
readonly build_type="${FACTX_BUILD_TYPE:-Release}"
readonly jobs="${FACTX_JOBS:-$(nproc 2>/dev/null || echo 2)}"

install_missing_packages() {
  local missing=()
  for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "build.sh: installing ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
}

configure_and_build() {
  # shellcheck disable=SC2086
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE="$build_type" -DFACTX_BUILD_PYTHON=ON "$@" \
    ${FACTX_CMAKE_ARGS:-}
  cmake --build "$build_dir" --parallel "$jobs"
}

case "${1:-}" in
  demo)
    install_missing_packages
    configure_and_build
    "$build_dir/examples/factx" --ref-date 2020-05-06 examples/sample_article.txt
    ;;
  test)
    install_missing_packages
    # The benchmarks are built too, so they keep compiling, and their corpus check runs
    # (benchmark_inputs: every generated figure is found; no timing).
    configure_and_build -DFACTX_BUILD_BENCHMARKS=ON
    ctest --test-dir "$build_dir" --output-on-failure --parallel "$jobs"
    ;;
  build)
    install_missing_packages
    configure_and_build
    ;;
  *)
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
    exit 1
    ;;
esac
