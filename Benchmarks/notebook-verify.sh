#!/usr/bin/env bash
# Whole-process time of `anchorage notebook verify` on a notebook of six entries (the baseline), the same notebook
# with the hardening reproducer of an entry whose start tag has 40,000 attributes as its seventh entry (H5), and with
# a stray NB-100000.xml (H6), with the number of lines verify prints for each.
# Usage: Benchmarks/notebook-verify.sh [RUNS] [BINARY]   (release build unless BINARY is given; hyperfine when installed)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
if [ -n "${2:-}" ]; then
  bin="$2"
else
  swift build -c release --product anchorage >/dev/null
  bin="$(swift build -c release --show-bin-path)/anchorage"
fi
repro=../shared/repro/hardening/h5-entry-40000-attributes.xml
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

make_notebook() {  # a record and five observations of it
  "$bin" record recipes/fe-sa-nc-fe-acac3-zif8.yaml --notebook "$1" --operator A >/dev/null
  for i in 1 2 3 4 5; do
    "$bin" record observe NB-0001 --notebook "$1" --operator A --step 4 --status in-progress --note "check $i" >/dev/null
  done
}
make_notebook "$work/base"
make_notebook "$work/h5"
if [ -f "$repro" ]; then cp "$repro" "$work/h5/NB-0007.xml"; else echo "note: $repro not found; H5 not measured" >&2; fi
make_notebook "$work/h6"
cp "$work/h6/NB-0002.xml" "$work/h6/NB-100000.xml"

for case in base h5 h6; do
  echo "$case: $("$bin" notebook verify "$work/$case" 2>&1 | wc -l) lines of output"
done
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 1 --runs "$runs" -N -i \
    "$bin notebook verify $work/base" "$bin notebook verify $work/h5" "$bin notebook verify $work/h6" 2>/dev/null
else
  for case in base h5 h6; do /usr/bin/time -f "$case: %e s, %M KB" "$bin" notebook verify "$work/$case" >/dev/null 2>&1 || true; done
fi
