#!/usr/bin/env python3
"""Writes data/agenda/ and data/unbis/: what the bundled archive needs of the agenda items
and of the UNBIS Thesaurus, in the files' own published formats.

- data/agenda/agenda_items.json: every entry of the sessions the archive holds (and of
  those its texts will come from), unchanged, in the published order and layout.
- data/unbis/all_topics.json: the topics the subjects of content/ name, and their
  broader topics up to the microthesauri, unchanged, in the published order and layout.
- data/unbis/unbis_thesaurus.lst: the lines of the GATE list on the same concepts.

Usage: python3 scripts/bundled-terms.py [SHARED_DATA]   (default: ../shared/data)
"""

import json
import re
import sys
from pathlib import Path

SESSIONS = {73, 78, 79}
ROOT = Path(__file__).resolve().parent.parent


def subjects_of_content():
    found = set()
    for f in (ROOT / "content").rglob("*.md"):
        m = re.search(r"^subjects: \[(.*)\]$", f.read_text(encoding="utf-8"), re.M)
        if m:
            found.update(s.strip().strip('"').upper() for s in m.group(1).split(","))
    return found


def write_json(path, value):
    """The published layout: four-space (topics) or two-space (agenda) indent, UTF-8."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(value + "\n", encoding="utf-8")


def main():
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
    agenda = json.loads((shared / "un-agenda-items" / "agenda_items.json").read_text(encoding="utf-8"))
    kept = [e for e in agenda if e["session"] in SESSIONS]
    write_json(ROOT / "data" / "agenda" / "agenda_items.json", json.dumps(kept, indent=2, ensure_ascii=False))

    lst_lines = (shared / "unbis-thesaurus" / "unbis_thesaurus.lst").read_text(encoding="utf-8").splitlines()
    topics = json.loads((shared / "unbis-thesaurus-6lang" / "all_topics.json").read_text(encoding="utf-8"))["topics"]
    by_id = {t["identifier"]: t for t in topics}
    wanted = subjects_of_content()
    ids = set()
    for line in lst_lines:
        label, pref, uri = line.split("\t")[:3]
        if label.upper() in wanted:
            ids.add(uri.rsplit("#", 1)[1])
    todo = list(ids)
    while todo:
        for b in by_id[todo.pop()]["related"]:
            if b not in ids and b in by_id:
                ids.add(b)
                todo.append(b)
    kept_topics = [t for t in topics if t["identifier"] in ids]
    write_json(ROOT / "data" / "unbis" / "all_topics.json",
               json.dumps({"topics": kept_topics}, indent=4, ensure_ascii=False))
    kept_lines = [l for l in lst_lines if l.split("\t")[2].rsplit("#", 1)[1] in ids]
    (ROOT / "data" / "unbis" / "unbis_thesaurus.lst").write_text("\n".join(kept_lines) + "\n", encoding="utf-8")
    print(f"{len(kept)} agenda entries, {len(kept_topics)} topics, {len(kept_lines)} list lines")


if __name__ == "__main__":
    main()
