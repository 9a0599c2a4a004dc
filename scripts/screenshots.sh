#!/usr/bin/env bash
# Builds the sample archive and takes the screenshots shown in the README
# (docs/screenshots/), with headless Chromium (Debian package `chromium`).
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screenshots
mkdir -p "$out"
cargo run --quiet --release -- build >/dev/null
port=${PORT:-8765}
python3 -m http.server --bind 127.0.0.1 --directory public "$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server' EXIT
sleep 1
shoot() { # name path width height
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$(mktemp -d)" --window-size="$3,$4" \
    --screenshot="$out/$1.png" "http://127.0.0.1:$port/$2" >/dev/null 2>&1
}
for page in "en en/A/RES/79/20/" "zh zh/A/RES/73/187/" "ar ar/A/RES/217A(III)/"; do
  set -- $page
  shoot "$1-desktop" "$2" 1280 1000
  shoot "$1-mobile" "$2" 390 1100
done
ls "$out"
