#!/usr/bin/env python3
"""Writes data/unvotes/: the rows of the Voeten/unvotes dataset that the bundled archive
needs, unchanged, in the dataset's own two files: the roll calls on the resolutions of
content/ and the members its series recall, as a whole (the rules of src/content/data/voeten.rs: session 31 on, `amend` and
`para` not 1, the first of several), and every country's vote in them.

Usage: python3 scripts/bundled-votes.py [DATASET]   (default: ../shared/data/unvotes-voeten)
"""

import csv
import gzip
import re
import sys
from pathlib import Path

FIRST_JOINED_SESSION = 31
# The members of the bundled series "No first placement of weapons in outer space" that
# its texts recall but content/ does not hold: its series page shows their votes.
RECALLED = ["A/RES/69/32", "A/RES/70/27", "A/RES/71/32", "A/RES/72/27", "A/RES/73/31", "A/RES/74/33"]
ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
         (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(n):
    out = ""
    for value, letters in ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def symbol_of(unres, session):
    """The symbol as content/ writes it (`A/RES/73/187`, `A/RES/3281 (XXIX)`)."""
    m = re.fullmatch(r"(?:A/RES/|R/)([^/]+)/(\d+)([A-Z]?)", unres)
    if not m:
        return None
    in_session, number, part = m.groups()
    part = f" {part}" if part else ""
    if in_session.isdigit() and int(in_session) <= 30 and int(in_session) == session:
        return f"A/RES/{number}{part} ({roman(session)})"
    return f"A/RES/{in_session}/{number}{part}"


def archive_symbols(content):
    symbols = set()
    for path in content.rglob("*.md"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("symbol:"):
                symbols.add(line.split(":", 1)[1].strip())
                break
    return symbols


def main():
    root = Path(__file__).resolve().parent.parent
    dataset = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared/data/unvotes-voeten"
    wanted = archive_symbols(root / "content") | set(RECALLED)
    out = root / "data/unvotes"
    out.mkdir(parents=True, exist_ok=True)

    with open(dataset / "roll_calls.csv", newline="", encoding="utf-8") as f:
        lines = f.read().splitlines(keepends=True)
    header, rows = lines[0], lines[1:]
    chosen = {}
    for line in rows:
        r = next(csv.DictReader([header, line]))
        session = int(r["session"])
        if session < FIRST_JOINED_SESSION or not r["unres"] or "1" in (r["amend"], r["para"]):
            continue
        symbol = symbol_of(r["unres"], session)
        if symbol in wanted and symbol not in chosen:
            chosen[symbol] = (int(r["rcid"]), line)
    rcids = {str(rcid) for rcid, _ in chosen.values()}
    with open(out / "roll_calls.csv", "w", encoding="utf-8", newline="") as f:
        f.write(header)
        f.writelines(line for _, line in sorted(chosen.values()))

    votes = dataset / "votes.csv.gz"
    opener = gzip.open if votes.exists() else open
    votes = votes if votes.exists() else dataset / "votes.csv"
    with opener(votes, "rt", encoding="utf-8", newline="") as f, open(out / "votes.csv", "w", encoding="utf-8", newline="") as w:
        w.write(next(f))
        for line in f:
            if line.split(",", 1)[0] in rcids:
                w.write(line)
    print(f"{len(chosen)} resolutions with recorded votes: {', '.join(sorted(chosen))}")


if __name__ == "__main__":
    main()
