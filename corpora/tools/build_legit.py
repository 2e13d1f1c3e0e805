#!/usr/bin/env python3
"""Build corpora/legit.jsonl from the hand-written sources in corpora/tools/legit_src_*.py.

Each source module defines
    HOST = "nl"                      # host language of every document in the module
    DOCS = [{"text": "...", "traps": [("exact substring", "pattern"), ...]}, ...]

Documents get ids leg-<host>-<NNN> in source order. The script is deterministic
(same sources -> byte-identical output) and exits with status 1 if any check fails:
  * every trap is an exact substring of its document, without surrounding whitespace
  * every trap pattern is one of PATTERNS
  * the document is 300-2500 characters and has 2-5 blank-line separated paragraphs
  * the banned words listed in BANNED do not occur anywhere
Usage: python3 corpora/tools/build_legit.py [--stats]
"""

import glob
import importlib.util
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "legit.jsonl"))

PATTERNS = {
    "heading",
    "idiom",
    "quote",
    "name_original_script",
    "handle",
    "hashtag",
    "url",
    "email",
    "code",
    "brand",
    "latin",
    "chrome",
    "emphasis",
    "title",
    "standalone_line",
    "foreign_comment",
}
# Words that must never appear in the corpus (checked case-insensitively as substrings).
# Written as escapes so that the words themselves never appear in the repository.
BANNED = [
    "\u0433\u0434\u0435",
    "\u0432\u0437\u044f\u0442\u044c",
    "\u043a\u043e\u043d\u0442\u0435\u043d\u0442",
    "\u0434\u043b\u044f",
    "\u0431\u043b\u043e\u0433\u0430",
]
# Output order of host languages; hosts not listed follow alphabetically.
HOST_ORDER = ["nl", "de", "en", "fr", "es", "it", "pl", "pt", "sv", "ru", "el"]


def load_sources():
    mods = []
    for path in sorted(glob.glob(os.path.join(HERE, "legit_src_*.py"))):
        name = os.path.splitext(os.path.basename(path))[0]
        spec = importlib.util.spec_from_file_location(name, path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        mods.append((name, mod))

    def key(item):
        host = item[1].HOST
        return (HOST_ORDER.index(host) if host in HOST_ORDER else len(HOST_ORDER), host, item[0])

    return sorted(mods, key=key)


def check_doc(doc_id, text, traps):
    errors = []
    if text != text.strip():
        errors.append("text has leading/trailing whitespace")
    if not 300 <= len(text) <= 2500:
        errors.append(f"length {len(text)} outside 300-2500")
    paras = [p for p in re.split(r"\n[ \t]*\n", text) if p.strip()]
    if not 2 <= len(paras) <= 5:
        errors.append(f"{len(paras)} paragraphs (need 2-5)")
    low = text.lower()
    for word in BANNED:
        if word in low:
            errors.append(f"banned word {word!r} present")
    if not traps:
        errors.append("no traps")
    for t, pat in traps:
        if pat not in PATTERNS:
            errors.append(f"unknown pattern {pat!r}")
        if not t or t != t.strip():
            errors.append(f"trap {t!r} empty or has surrounding whitespace")
        if t not in text:
            errors.append(f"trap {t!r} ({pat}) is not a substring of the text")
    return [f"{doc_id}: {e}" for e in errors]


def main():
    records, errors = [], []
    seen_ids, seen_texts = set(), set()
    per_host = Counter()
    for _modname, mod in load_sources():
        host = mod.HOST
        for doc in mod.DOCS:
            per_host[host] += 1
            doc_id = f"leg-{host}-{per_host[host]:03d}"
            text = doc["text"].strip("\n")
            traps = [(t, p) for t, p in doc["traps"]]
            errors += check_doc(doc_id, text, traps)
            if doc_id in seen_ids:
                errors.append(f"{doc_id}: duplicate id")
            if text in seen_texts:
                errors.append(f"{doc_id}: duplicate text")
            seen_ids.add(doc_id)
            seen_texts.add(text)
            records.append(
                {
                    "id": doc_id,
                    "host": host,
                    "text": text,
                    "spans": [],
                    "traps": [{"text": t, "pattern": p} for t, p in traps],
                }
            )
    if errors:
        for e in errors:
            print("ERROR " + e, file=sys.stderr)
        print(f"{len(errors)} error(s); {OUT} not written", file=sys.stderr)
        return 1
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} documents to {OUT}")
    if "--stats" in sys.argv:
        pat_docs, pat_traps, pat_hosts = Counter(), Counter(), {}
        for rec in records:
            pats = {t["pattern"] for t in rec["traps"]}
            for p in pats:
                pat_docs[p] += 1
                pat_hosts.setdefault(p, set()).add(rec["host"])
            for t in rec["traps"]:
                pat_traps[t["pattern"]] += 1
        print("\nper host:")
        for h in sorted(
            per_host, key=lambda h: (HOST_ORDER.index(h) if h in HOST_ORDER else 99, h)
        ):
            print(f"  {h:<3} {per_host[h]:3d}")
        print("\nper pattern: traps / documents / hosts")
        for p in sorted(PATTERNS):
            hosts = ",".join(sorted(pat_hosts.get(p, [])))
            print(f"  {p:<21} {pat_traps[p]:4d} {pat_docs[p]:4d}  {hosts}")
        lens = [len(r["text"]) for r in records]
        median = sorted(lens)[len(lens) // 2]
        print(f"\nlength min/median/max: {min(lens)} / {median} / {max(lens)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
