#!/usr/bin/env bash
# The figures of docs/import.md ("Measured on the shared PDFs"): every PDF of
# shared/data/un-pdfs imported directly and through pdftotext, the two compared paragraph
# for paragraph, and the 13 that are also in shared/data/ga-texts-en compared with the
# import of the PyMuPDF text. Needs pdftotext (poppler-utils) and a built plenary.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${PLENARY_SHARED:-../shared}
plenary=${PLENARY:-target/debug/plenary}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

mkdir -p "$out/txt"
for pdf in "$shared"/data/un-pdfs/*.pdf; do
  pdftotext "$pdf" "$out/txt/$(basename "${pdf%.pdf}").txt"
done
"$plenary" import "$shared/data/un-pdfs" --into "$out/pdf" > "$out/pdf.log" 2>&1 || true
"$plenary" import "$out/txt" --into "$out/pdftotext" > "$out/pdftotext.log" 2>&1 || true
"$plenary" import "$shared/data/ga-texts-en" --into "$out/pymupdf" > /dev/null 2>&1 || true
tail -1 "$out/pdf.log" "$out/pdftotext.log"
grep -h "error:" "$out/pdf.log" || true

echo "== the PDF read directly against its pdftotext output"
python3 scripts/compare-imports.py "$out/pdf" "$out/pdftotext" "$@"
echo "== the PyMuPDF text (ga-texts-en) against the PDF read directly"
python3 scripts/compare-imports.py "$out/pymupdf" "$out/pdf" "$@" | grep -v '^ga/7[89]/[0-9]*\.en\.md: paragraphs [0-9]* / 0' || true
echo "== the PyMuPDF text against pdftotext's"
python3 scripts/compare-imports.py "$out/pymupdf" "$out/pdftotext" "$@" | tail -1
