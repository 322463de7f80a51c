#!/usr/bin/env bash
# Speed of anchorage, each figure as a ratio against a baseline measured in the same run on the same machine:
#   validate of one recipe (whole process)  vs  `anchorage --version` (the process floor)
#                                            vs  a PyYAML + jsonschema shape-only check of the same recipe
#   validate of 1,000 and 10,000 generated recipes in one process: recipes/s, peak memory (/usr/bin/time -v)
#   plan --metal Fe (whole process)
#   pores over the twelve reference CIFs with --jobs 1 and --jobs 2 (results checked against Zeo++'s, 0.1 Å)
#     vs  Zeo++ `network -ha -res` on the same files, when `network` is on the PATH
# Usage: Benchmarks/speed.sh [RUNS]   (release build; medians with hyperfine when installed, else /usr/bin/time)
#        ANCHORAGE_BIN=path/to/release/anchorage Benchmarks/speed.sh [RUNS]   to time a binary already built
# Needs: python3 with PyYAML and jsonschema (the baseline only), GNU time at /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-15}"
if [ -n "${ANCHORAGE_BIN:-}" ]; then
  bin="$ANCHORAGE_BIN"   # an already built release binary (no build, e.g. while tests hold the build folder)
else
  swift build -c release --product anchorage >/dev/null
  bin="$(swift build -c release --show-bin-path)/anchorage"
fi
recipe=recipes/fe-sa-nc-fe-acac3-zif8.yaml
schema=schemas/recipe.schema.json
cifs=Tests/AnchoragePoresTests/Fixtures
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 10,000 distinct recipes from the shipped ones: each with its own id, a comment, and (where it has one) a mass
# changed by a few milligrams. The first 1,000 are the smaller batch.
python3 - "$work" recipes/*.yaml <<'PY'
import os, re, sys
out, sources = sys.argv[1], sys.argv[2:]
texts = [open(p, encoding="utf-8").read() for p in sources]
os.makedirs(f"{out}/b1000"); os.makedirs(f"{out}/b10000")
for i in range(10000):
    text = texts[i % len(texts)]
    text = re.sub(r"(?m)^id: .*$", f"id: batch-{i}", text, count=1)
    text = re.sub(r"mass: (\d+(?:\.\d+)?) mg", lambda m: f"mass: {float(m.group(1)) + (i % 7)} mg", text, count=1)
    text = f"# generated variant {i}\n" + text
    name = f"r{i:05d}.yaml"
    with open(f"{out}/b10000/{name}", "w", encoding="utf-8") as handle: handle.write(text)
    if i < 1000: os.link(f"{out}/b10000/{name}", f"{out}/b1000/{name}")
PY

# median_ms NAME CMD...: median wall time in ms over $runs runs.
median_ms() {
  local json="$work/hf.json"
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --warmup 2 --runs "$runs" -N -i --export-json "$json" "$(printf '%q ' "$@")" >/dev/null 2>&1
    python3 -c 'import json,sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["median"] * 1000))' "$json"
  else
    local times=()
    for _ in $(seq 1 "$runs"); do
      /usr/bin/time -f "%e" -o "$work/t" "$@" >/dev/null 2>&1 || true
      times+=("$(cat "$work/t" | tail -1)")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f\n", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2) * 1000}'
  fi
}
ratio() { python3 -c 'import sys; print("%.2f" % (float(sys.argv[1]) / float(sys.argv[2])))' "$1" "$2"; }

# peak NAME CMD...: wall seconds and peak resident memory (MB) of one run, by /usr/bin/time -v.
peak() {
  /usr/bin/time -v -o "$work/tv" "$@" >/dev/null 2>&1 || true
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/tv" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$work/tv")
  echo "$wall $rss"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(uname -sr), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')   anchorage $("$bin" --version)"
echo

floor=$(median_ms "$bin" --version)
one=$(median_ms "$bin" validate "$recipe")
python=$(median_ms python3 Benchmarks/shape-check.py "$schema" "$recipe")
echo "anchorage --version (baseline):          ${floor} ms"
echo "validate one recipe, whole process:      ${one} ms   $(ratio "$one" "$floor") × --version"
echo "PyYAML + jsonschema shape check (same):  ${python} ms   validate is $(ratio "$python" "$one") × faster"
echo

read -r w1 m1 < <(peak "$bin" validate "$work"/b1000/*.yaml)
read -r w10 m10 < <(peak "$bin" validate "$work"/b10000/*.yaml)
echo "validate 1,000 recipes, one process:     ${w1} s   $(python3 -c "print('%.0f' % (1000 / $w1))") recipes/s   peak ${m1} MB"
echo "validate 10,000 recipes, one process:    ${w10} s   $(python3 -c "print('%.0f' % (10000 / $w10))") recipes/s   peak ${m10} MB ($(ratio "$m10" "$m1") × the 1,000-recipe peak)"
echo

plan=$(median_ms "$bin" plan --metal Fe)
echo "plan --metal Fe, whole process:          ${plan} ms   $(ratio "$plan" "$floor") × --version"
echo

files=("$cifs"/*.cif)
read -r p1 pm1 < <(peak "$bin" pores "${files[@]}" --jobs 1)
read -r p2 pm2 < <(peak "$bin" pores "${files[@]}" --jobs 2)
"$bin" pores "${files[@]}" --jobs 2 --output "$work/pores.csv" 2>/dev/null || true
echo "pores, 12 reference CIFs, --jobs 1:      ${p1} s   peak ${pm1} MB"
echo "pores, 12 reference CIFs, --jobs 2:      ${p2} s   peak ${pm2} MB   ($(ratio "$p1" "$p2") × faster than --jobs 1)"
python3 - "$work/pores.csv" "$cifs/reference-zeopp.tsv" <<'PY'
import csv, os, sys
rows = {os.path.basename(r["file"]): r for r in csv.DictReader(open(sys.argv[1]))}
worst, bad = 0.0, []
for line in open(sys.argv[2]).read().splitlines()[1:]:
    name, di, df = line.split("\t")[:3]
    r = rows.get(name)
    if r is None or r["status"] != "ok": bad.append(name); continue
    for ours, theirs in ((r["lcd"], di), (r["pld"], df)):
        worst = max(worst, abs(float(ours) - float(theirs)))
        if abs(float(ours) - float(theirs)) >= 0.1: bad.append(name)
print(f"  --jobs 2 against Zeo++ (reference-zeopp.tsv): largest LCD/PLD difference {worst:.3f} Å over {len(rows)} structures; "
      + ("all within 0.1 Å" if not bad else "OUTSIDE 0.1 Å: " + ", ".join(sorted(set(bad)))))
PY
if command -v network >/dev/null 2>&1; then
  start=$(date +%s%N)
  for f in "${files[@]}"; do network -ha -res "$work/zeo.res" "$f" >/dev/null 2>&1 || true; done
  end=$(date +%s%N)
  zeo=$(python3 -c "print('%.2f' % (($end - $start) / 1e9))")
  echo "Zeo++ network -ha -res, same 12 files:   ${zeo} s   pores --jobs 1 is $(ratio "$zeo" "$p1") × faster"
else
  echo "Zeo++ (network) is not installed: no Zeo++ baseline in this run"
fi
