#!/usr/bin/env bash
# Runs `anchorage validate` and `anchorage protocol --force` on every file of a corpus (by default the recipe fuzzer's,
# .build-fuzz/corpus/FuzzRecipe, grown by scripts/fuzz.sh) and reports, per command, the slowest wall time, the largest
# ratio of output to input size, and the exit statuses seen. The bound to hold: every file under the 2 MiB cap
# finishes within 5 s and exits 0, 1 or 2.
# Usage: Benchmarks/corpus.sh [CORPUS_DIR] [ANCHORAGE_BINARY]   (default binary: release if built, else debug)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-.build-fuzz/corpus/FuzzRecipe}"
bin="${2:-}"
if [ -z "$bin" ]; then
  if [ -x .build/release/anchorage ]; then bin=.build/release/anchorage; else bin=.build/debug/anchorage; fi
fi
[ -d "$corpus" ] || { echo "no corpus at $corpus (run scripts/fuzz.sh first)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
results="$work/results.tsv"

for file in "$corpus"/*; do
  [ -f "$file" ] || continue
  size=$(wc -c <"$file")
  # A file named like a recipe, as a user would give it.
  cp "$file" "$work/input.yaml"
  for command in validate protocol; do
    arguments=(validate "$work/input.yaml")
    [ "$command" = protocol ] && arguments=(protocol --force --format html "$work/input.yaml")
    start=$(date +%s%N)
    set +e
    timeout 60 "$bin" "${arguments[@]}" >"$work/out" 2>"$work/err"
    status=$?
    set -e
    end=$(date +%s%N)
    printed=$(( $(wc -c <"$work/out") + $(wc -c <"$work/err") ))
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$command" "$(basename "$file")" "$size" "$(( (end - start) / 1000000 ))" "$status" "$printed" >>"$results"
  done
done

# sed reads the whole listing: head would close the pipe early, and with pipefail the script would stop here.
largest=$(ls -S "$corpus" | sed -n 1p)
echo "binary: $bin; corpus: $corpus ($(ls "$corpus" | wc -l) files, largest $(wc -c <"$corpus/$largest") bytes)"
for command in validate protocol; do
  awk -F'\t' -v c="$command" '
    $1 == c {
      n++; if ($4 > slowest) { slowest = $4; slowFile = $2; slowSize = $3 }
      ratio = $6 / ($3 > 0 ? $3 : 1); if ($3 >= 64 && ratio > worst) { worst = ratio; worstFile = $2; worstSize = $3; worstOut = $6 }
      if ($6 - 40 * $3 > excess) excess = $6 - 40 * $3
      statuses[$5]++; total += $4; if ($4 > 5000) over++
    }
    END {
      printf "%s: %d files, mean %.0f ms, slowest %d ms (%s, %d bytes), over 5 s: %d\n", c, n, total / n, slowest, slowFile, slowSize, over + 0
      printf "  largest output/input (inputs of 64 bytes or more): %.1f (%s: %d bytes in, %d out); output beyond 40 × input: at most %d bytes\n", worst, worstFile, worstSize, worstOut, excess
      printf "  exit statuses:"; for (s in statuses) printf " %s×%d", s, statuses[s]; printf "\n"
    }' "$results"
done
