#!/bin/sh
# Imports the bundled archive's texts into content/ from the shared data sets, with
# `plenary import`:
#   - the General Assembly texts of sessions 78 and 79 (ga-texts-en), all but the 31
#     resolutions whose files were annotated by hand (listed below), which stay as they are;
#   - the Security Council texts 1 (1946) to 1454 (2002) of CR-UNSC (cr-unsc-en-gold).
# The UDHR (content/ga/3) and the seed 73/187 (content/ga/73) are files of their own and
# are not touched. The script owns the files it imports, so it replaces them (`--force`);
# it never writes over a hand-annotated file. Running it twice gives the same files.
#
# Usage: scripts/bundle-archive.sh [DATA]   (DATA: the shared data folder, default ../shared/data;
#        PLENARY=path/to/plenary to use a binary already built)
# Texts that do not import are reported by `plenary import` with their reasons; the
# script then exits 1 after the others are written.
set -eu

cd "$(dirname "$0")/.."
data=${1:-../shared/data}
ga="$data/ga-texts-en"
sc="$data/cr-unsc-en-gold"
for d in "$ga" "$sc"; do
    [ -d "$d" ] || { echo "error: $d not found; hint: give the shared data folder as the first argument" >&2; exit 2; }
done

# The General Assembly resolutions annotated by hand in content/ga/78 and content/ga/79.
hand="78/2 78/7 78/12 78/18 78/19 78/20 78/21 78/24 78/25 78/34 78/35 78/37 78/38 78/44
78/54 79/3 79/7 79/14 79/17 79/18 79/19 79/20 79/22 79/26 79/27 79/31 79/33 79/37 79/38
79/44 79/45"

list=$(mktemp)
trap 'rm -f "$list"' EXIT
for f in "$ga"/A_RES_*.en.txt; do
    n=$(basename "$f" .en.txt | sed 's/^A_RES_//; s/_/\//')
    case " $(echo $hand) " in
        *" $n "*) ;;
        *) echo "$f" >>"$list" ;;
    esac
done
ls "$sc"/S_RES_*_EN_GOLD.txt >>"$list"

# PLENARY: a plenary binary to import with, instead of building this one.
plenary=${PLENARY:-}
if [ -z "$plenary" ]; then
    cargo build --release --locked --quiet
    plenary=target/release/plenary
fi
# shellcheck disable=SC2046
"$plenary" import --into content --force $(cat "$list")
