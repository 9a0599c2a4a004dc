#!/usr/bin/env python3
"""Compares two imports of the same resolutions, paragraph for paragraph.

Usage: compare-imports.py A B [--verbose]

A and B are content folders (as `plenary import --into` writes them). For every file in
A that B also has, the paragraphs (each non-blank body line that is no footnote
definition) are compared by their first four words, marks left out, and the footnotes
by their first five words. Prints one line per file and the totals.
"""
import difflib
import os
import re
import sys


def parse(path):
    text = open(path, encoding="utf-8").read()
    body = text.split("\n---\n", 1)[1] if text.startswith("---") else text
    paragraphs, notes = [], {}
    for line in body.split("\n"):
        if not line.strip():
            continue
        note = re.match(r"\[\^(\d+)\]: (.*)", line)
        if note:
            notes[note.group(1)] = note.group(2)
        else:
            paragraphs.append(line.strip())
    return paragraphs, notes


def start(paragraph, words=4):
    paragraph = re.sub(r"\[\^\d+\]", "", paragraph).replace("\\", "")
    return " ".join(paragraph.split()[:words])


def main():
    a, b = sys.argv[1], sys.argv[2]
    verbose = "--verbose" in sys.argv
    totals = dict(files=0, same_files=0, paragraphs=0, matched=0, notes=0, notes_matched=0)
    for root, _, names in sorted(os.walk(a)):
        for name in sorted(names):
            if not name.endswith(".md"):
                continue
            fa = os.path.join(root, name)
            rel = os.path.relpath(fa, a)
            fb = os.path.join(b, rel)
            if not os.path.exists(fb):
                continue
            pa, na = parse(fa)
            pb, nb = parse(fb)
            ka, kb = [start(p) for p in pa], [start(p) for p in pb]
            matcher = difflib.SequenceMatcher(None, ka, kb, autojunk=False)
            matched = sum(m.size for m in matcher.get_matching_blocks())
            notes_matched = sum(
                1 for k, v in na.items() if k in nb and start(nb[k], 5) == start(v, 5)
            )
            totals["files"] += 1
            totals["same_files"] += ka == kb
            totals["paragraphs"] += len(ka)
            totals["matched"] += matched
            totals["notes"] += len(na)
            totals["notes_matched"] += notes_matched
            mark = "" if ka == kb else "  DIFF"
            print(f"{rel}: paragraphs {len(ka)} / {len(kb)}, {matched} alike; "
                  f"notes {len(na)} / {len(nb)}, {notes_matched} alike{mark}")
            if verbose and ka != kb:
                for op, i1, i2, j1, j2 in matcher.get_opcodes():
                    if op != "equal":
                        print(f"    {op} {ka[i1:i2][:4]} -> {kb[j1:j2][:4]}")
    print(totals)


if __name__ == "__main__":
    main()
