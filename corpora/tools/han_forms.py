#!/usr/bin/env python3
"""Build ``texthygiene/data/han_forms.json``: Han characters Chinese writes and Japanese does
not (issue 15 item 2: simplified-only forms against Japanese ones).

    python corpora/tools/han_forms.py            # write the file
    python corpora/tools/han_forms.py --check    # fail if the file differs

No Unihan data is needed: wordfreq's large Chinese and Japanese lists (words cut by jieba and
MeCab) say how often each character is written in each language, as the summed frequency of
the words holding it. A character is a language's own when it is common there (Zipf >=
``COMMON``, at least once in 100 000 words) and rare in the other (Zipf < ``RARE``, under
three times in 10 million words: the lists' noise, Chinese names in Japanese news): 购 们 这
电 说 are Chinese only (1264 characters). The reverse is not built: wordfreq's Chinese list is
written in simplified characters, so the forms it finds Japanese only (見 時 間) are those of
traditional Chinese too; Japanese is told from Chinese by its kana instead.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.metadata
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

import msgpack

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "texthygiene" / "data" / "han_forms.json"
COMMON, RARE = 4.0, 2.5


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def char_zipf(language: str) -> dict[str, float]:
    """Each Han character's Zipf in ``language``: the summed frequency of its words."""
    import wordfreq

    path = Path(wordfreq.__file__).parent / "data" / f"large_{language}.msgpack.gz"
    buckets = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=False)[1:]
    freq: dict[str, float] = defaultdict(float)
    for i, bucket in enumerate(buckets):
        share = 10 ** (-i / 100)
        for word in bucket:
            for ch in word:
                if _is_han(ch):
                    freq[ch] += share
    return {ch: math.log10(f) + 9 for ch, f in freq.items()}


def build() -> dict[str, object]:
    chinese, japanese = char_zipf("zh"), char_zipf("ja")
    own = [ch for ch, z in chinese.items() if z >= COMMON and japanese.get(ch, 0.0) < RARE]
    return {
        "source": f"wordfreq {importlib.metadata.version('wordfreq')} large_zh, large_ja",
        "rule": f"Zipf >= {COMMON} in the language, < {RARE} in the other",
        "fitted_by": "python corpora/tools/han_forms.py",
        "zh": "".join(sorted(own)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the file differs")
    args = parser.parse_args(argv)
    text = json.dumps(build(), ensure_ascii=False, indent=1) + "\n"
    if args.check:
        same = OUT.is_file() and OUT.read_text(encoding="utf-8") == text
        print(f"{OUT.relative_to(ROOT)}: {'up to date' if same else 'DIFFERS'}")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    data = json.loads(text)
    print(f"wrote {OUT.relative_to(ROOT)}: zh {len(data['zh'])} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
