#!/usr/bin/env bash
# Takes the screenshots of docs/screenshots/ from a built public/ (`plenary build` first),
# with headless Chromium (Debian package `chromium`; fonts from fonts-dejavu-core and
# fonts-wqy-zenhei, so that Arabic and Chinese show glyphs):
#
#   scripts/screenshots.sh [resolution] [series] [search]    (default: all three)
#
# A resolution page, a series page and search results in Arabic, Chinese and English at
# 390x844 (a phone), the resolution pages in English and Chinese also at 1280x800, named
# {lang}-{kind}-{phone|desktop}.png. The pages are served by a small local HTTP server
# (search loads its index with fetch); each shot waits for the page's scripts with a
# virtual time budget, and is cropped to the viewport. pngquant or ImageMagick, when
# present, reduces each to 256 colours.
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screenshots
public=${PUBLIC:-public}
[ -f "$public/index.html" ] || { echo "screenshots: no $public/index.html; run plenary build first" >&2; exit 2; }
for font in fonts-dejavu-core fonts-wqy-zenhei; do
  dpkg-query -W -f='${Status}' "$font" 2>/dev/null | grep -q 'install ok installed' ||
    echo "screenshots: warning: $font is not installed; some glyphs may be missing" >&2
done
kinds=("$@")
[ ${#kinds[@]} -gt 0 ] || kinds=(resolution series search)
mkdir -p "$out"

port=${PORT:-8765}
python3 -m http.server --bind 127.0.0.1 --directory "$public" "$port" >/dev/null 2>&1 &
server=$!
profile=$(mktemp -d)
trap 'kill "$server"; rm -rf "$profile"' EXIT
for _ in $(seq 50); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && break
  sleep 0.1
done

shoot() { # name path width height
  local file="$out/$1.png"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --force-device-scale-factor=1 --user-data-dir="$profile" \
    --window-size="$3,$4" --virtual-time-budget=5000 \
    --screenshot="$file" "http://127.0.0.1:$port/$2" >/dev/null 2>&1
  if command -v pngquant >/dev/null 2>&1; then
    pngquant --force --skip-if-larger --strip --output "$file" 256 -- "$file" || true
  elif convert -version 2>/dev/null | grep -q ImageMagick; then
    convert "$file" -strip -colors 256 -define png:compression-level=9 "PNG8:$file"
  fi
  echo "$file"
}

# The pages: Arabic has one General Assembly resolution in the bundled archive.
declare -A resolution
resolution=([ar]="ar/A/RES/217A(III)/" [zh]="zh/A/RES/73/187/" [en]="en/A/RES/79/20/")
declare -A search
search=([ar]="ar/search/?q=%D9%83%D8%B1%D8%A7%D9%85%D8%A9" [zh]="zh/search/?q=%E7%BD%91%E7%BB%9C%E7%8A%AF%E7%BD%AA" [en]="en/search/?q=Cuba+embargo")

for kind in "${kinds[@]}"; do
  for lang in ar zh en; do
    case "$kind" in
      resolution)
        shoot "$lang-resolution-phone" "${resolution[$lang]}" 390 844
        case "$lang" in en|zh) shoot "$lang-resolution-desktop" "${resolution[$lang]}" 1280 800 ;; esac ;;
      series) shoot "$lang-series-phone" "$lang/series/A/RES/69/32/" 390 844 ;;
      search) shoot "$lang-search-phone" "${search[$lang]}" 390 844 ;;
      *) echo "screenshots: unknown kind '$kind' (resolution, series, search)" >&2; exit 2 ;;
    esac
  done
done
