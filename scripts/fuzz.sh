#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ and runs each for a given time, seeded from the project's own inputs.
#
#   scripts/fuzz.sh [--seconds N] [--release] [--build-only] [--jobs N] [TARGET...]
#
# TARGET is one of FuzzRecipe FuzzQuantity FuzzFormula FuzzCIF FuzzNotebookEntry (all when none is named).
# Corpora grow in .build-fuzz/corpus/TARGET, crashing inputs are kept in .build-fuzz/artifacts/TARGET/, and each
# run's log is .build-fuzz/logs/TARGET.log. The last lines printed give, per target, the executions, coverage
# (libFuzzer's cov: edges and ft: features) and the number of crashing (crash-, oom-, timeout-) and slow inputs kept.
# Exit status 1 if any target stopped on a crash, a sanitizer report, a timeout (10 s) or memory beyond 4 GiB.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

seconds=60
configuration=debug
build_only=0
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --release) configuration=release; shift ;;
    --build-only) build_only=1; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(FuzzRecipe FuzzQuantity FuzzFormula FuzzCIF FuzzNotebookEntry)

work="$root/.build-fuzz"
mkdir -p "$work/logs"
# The fuzz package builds in its own scratch folder: the sanitizer flags must not touch the main build.
swift build --package-path Fuzz --scratch-path "$work/build" -c "$configuration" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld >"$work/logs/build.log" 2>&1 || {
  tail -40 "$work/logs/build.log"; echo "fuzz.sh: the fuzz targets did not build (log: $work/logs/build.log)" >&2; exit 2; }
bin="$work/build/$configuration"
[ "$build_only" = 1 ] && { echo "fuzz targets built in $bin"; exit 0; }

# Seeds: the worked and broken recipes, the CIF fixtures, quantities and formulas as written in them, and
# notebook entries written by the built command.
seed() {
  local target="$1" corpus="$work/corpus/$1"
  mkdir -p "$corpus"
  case "$target" in
    FuzzRecipe) cp recipes/*.yaml recipes/broken/*.yaml "$corpus/" ;;
    FuzzQuantity) cp Fuzz/seeds/quantity/* "$corpus/" ;;
    FuzzFormula)
      cp Fuzz/seeds/formula/* "$corpus/"
      grep -ho 'formula: [^,}]*' recipes/*.yaml | sed 's/^formula: //' | sort -u | while IFS= read -r f; do
        printf '%s' "$f" >"$corpus/recipe-$(printf '%s' "$f" | cksum | cut -d' ' -f1)"; done ;;
    FuzzCIF) cp Tests/AnchoragePoresTests/Fixtures/*.cif "$corpus/" ;;
    FuzzNotebookEntry)
      local anchorage="$root/.build/debug/anchorage"
      if [ -x "$anchorage" ]; then
        local notebook; notebook=$(mktemp -d)
        "$anchorage" record recipes/fe-sa-nc-fe-acac3-zif8.yaml --notebook "$notebook/nb" --operator "A. Chemist" >/dev/null 2>&1 || true
        "$anchorage" record observe NB-0001 --notebook "$notebook/nb" --step 1 --reagent zn --mass 1.702g --note "clear" \
          --operator "A. Chemist" >/dev/null 2>&1 || true
        cp "$notebook"/nb/NB-*.xml "$corpus/" 2>/dev/null || true
        rm -rf "$notebook"
      fi
      printf '<?xml version="1.0"?><entry/>' >"$corpus/minimal.xml" ;;
  esac
}

failed=0
summary=()
for target in "${targets[@]}"; do
  seed "$target"
  artifacts="$work/artifacts/$target/"
  mkdir -p "$artifacts"
  dict=()
  [ "$target" = FuzzRecipe ] && dict=(-dict="$root/Fuzz/dict/recipe.dict")
  log="$work/logs/$target.log"
  set +e
  ASAN_OPTIONS=detect_leaks=0 "$bin/$target" "$work/corpus/$target" "${dict[@]}" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$artifacts" >"$log" 2>&1
  status=$?
  set -e
  executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
  coverage=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1 || true)
  crashes=$(find "$artifacts" -type f ! -name 'slow-unit-*' | wc -l)
  slow=$(find "$artifacts" -type f -name 'slow-unit-*' | wc -l)
  line="$target: ${executions:-?} executions in ${seconds} s, ${coverage:-cov: ?}, $crashes crashing input(s), $slow slow input(s)"
  if [ "$status" -ne 0 ]; then
    failed=1
    line+=" — stopped with status $status: see $log"
  fi
  summary+=("$line")
  echo "$line"
done
echo "----"
printf '%s\n' "${summary[@]}"
exit "$failed"
