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
    "heading", "idiom", "quote", "name_original_script", "handle", "hashtag",
    "url", "email", "code", "brand", "latin", "chrome", "emphasis", "title",
    "standalone_line", "foreign_comment",
}
# Words that must never appear in the corpus (checked case-insensitively as substrings).
BANNED = ["где", "взять", "контент", "для", "блога"]
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
        errors.append("length %d outside 300-2500" % len(text))
    paras = [p for p in re.split(r"\n[ \t]*\n", text) if p.strip()]
    if not 2 <= len(paras) <= 5:
        errors.append("%d paragraphs (need 2-5)" % len(paras))
    low = text.lower()
    for word in BANNED:
        if word in low:
            errors.append("banned word %r present" % word)
    if not traps:
        errors.append("no traps")
    for t, pat in traps:
        if pat not in PATTERNS:
            errors.append("unknown pattern %r" % pat)
        if not t or t != t.strip():
            errors.append("trap %r empty or has surrounding whitespace" % t)
        if t not in text:
            errors.append("trap %r (%s) is not a substring of the text" % (t, pat))
    return ["%s: %s" % (doc_id, e) for e in errors]


def main():
    records, errors = [], []
    seen_ids, seen_texts = set(), set()
    per_host = Counter()
    for modname, mod in load_sources():
        host = mod.HOST
        for doc in mod.DOCS:
            per_host[host] += 1
            doc_id = "leg-%s-%03d" % (host, per_host[host])
            text = doc["text"].strip("\n")
            traps = [(t, p) for t, p in doc["traps"]]
            errors += check_doc(doc_id, text, traps)
            if doc_id in seen_ids:
                errors.append("%s: duplicate id" % doc_id)
            if text in seen_texts:
                errors.append("%s: duplicate text" % doc_id)
            seen_ids.add(doc_id)
            seen_texts.add(text)
            records.append({
                "id": doc_id,
                "host": host,
                "text": text,
                "spans": [],
                "traps": [{"text": t, "pattern": p} for t, p in traps],
            })
    if errors:
        for e in errors:
            print("ERROR " + e, file=sys.stderr)
        print("%d error(s); %s not written" % (len(errors), OUT), file=sys.stderr)
        return 1
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print("wrote %d documents to %s" % (len(records), OUT))
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
        for h in sorted(per_host, key=lambda h: (HOST_ORDER.index(h) if h in HOST_ORDER else 99, h)):
            print("  %-3s %3d" % (h, per_host[h]))
        print("\nper pattern: traps / documents / hosts")
        for p in sorted(PATTERNS):
            print("  %-21s %4d %4d  %s" % (p, pat_traps[p], pat_docs[p], ",".join(sorted(pat_hosts.get(p, [])))))
        lens = [len(r["text"]) for r in records]
        print("\nlength min/median/max: %d / %d / %d" % (min(lens), sorted(lens)[len(lens) // 2], max(lens)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
