#!/usr/bin/env bash
# Whole-process time of `anchorage validate` on one recipe, and throughput on a batch of 1,000 recipes, each against a
# baseline measured in the same run (the process start of `anchorage --version`), so the figures compare across machines.
# Usage: Benchmarks/validate.sh [RUNS]   (release build; hyperfine is used when installed)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
swift build -c release --product anchorage >/dev/null
bin="$(swift build -c release --show-bin-path)/anchorage"
recipe=recipes/fe-sa-nc-fe-acac3-zif8.yaml
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A batch of 1,000 distinct recipes: the worked one with its id and iron mass varied.
for i in $(seq 1 1000); do
  mg=$(( 50 + i % 200 ))
  sed -e "s/^id: .*/id: batch-$i/" -e "s/mass: 0.10 g/mass: ${mg} mg/" "$recipe" > "$work/r$i.yaml"
done

mean_ms() {  # mean wall time of a command over $runs runs, in ms
  local start end
  start=$(date +%s%N)
  for _ in $(seq 1 "$runs"); do "$@" >/dev/null 2>&1 || true; done
  end=$(date +%s%N)
  echo "scale=2; ($end - $start) / 1000000 / $runs" | bc
}

if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 3 --runs "$runs" -N "$bin --version" "$bin validate $recipe" "$bin validate $work/r*.yaml" 2>/dev/null
fi
baseline=$(mean_ms "$bin" --version)
one=$(mean_ms "$bin" validate "$recipe")
batch_runs=3
start=$(date +%s%N)
for _ in $(seq 1 $batch_runs); do "$bin" validate "$work"/r*.yaml >/dev/null 2>&1 || true; done
end=$(date +%s%N)
batch_ms=$(echo "scale=2; ($end - $start) / 1000000 / $batch_runs" | bc)
throughput=$(echo "scale=0; 1000 * 1000 / $batch_ms" | bc)
echo "baseline (anchorage --version):      ${baseline} ms"
echo "validate one recipe, whole process:  ${one} ms  ($(echo "scale=2; $one / $baseline" | bc) × baseline)"
echo "validate 1,000 recipes, one process: ${batch_ms} ms  (${throughput} recipes/s; $(echo "scale=2; $batch_ms / 1000 / $baseline" | bc) × baseline per recipe)"
