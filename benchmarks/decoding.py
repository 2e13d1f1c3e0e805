"""Decoding accuracy: real sentences in their usual legacy encodings, decoded blind.

    python -m benchmarks.decoding

Texts of ≥ 200 characters (and, separately, of 50–100) built from lingua's sentences per
language (fixed seed), encoded in that language's usual legacy code page(s); a text counts as
decoded exactly when ``texthygiene.decode`` gives back the very same string. The same texts
encoded as UTF-8 must all come back as UTF-8. charset-normalizer's own first guess is measured
on the same bytes for comparison.
"""

from __future__ import annotations

import random
import time
from collections import defaultdict
from typing import Any

from charset_normalizer import from_bytes

import texthygiene

from .common import LINGUA, fmt_rate, rate, write_result

ENCODINGS = {
    "fr": ["cp1252"], "de": ["cp1252"], "es": ["cp1252"], "it": ["cp1252"], "nl": ["cp1252"],
    "pt": ["cp1252"], "sv": ["cp1252"], "pl": ["cp1250", "iso-8859-2"],
    "cs": ["cp1250", "iso-8859-2"], "hu": ["cp1250", "iso-8859-2"], "ro": ["cp1250"],
    "ru": ["cp1251", "koi8-r"], "uk": ["cp1251"], "bg": ["cp1251"], "el": ["cp1253"],
    "tr": ["cp1254"], "he": ["cp1255"], "ar": ["cp1256"], "lt": ["cp1257"], "th": ["cp874"],
    "ja": ["shift_jis", "euc-jp"], "zh": ["gb18030"], "ko": ["euc-kr"],
}  # fmt: skip
SEED = 20261128


def _texts(lang: str, rng: random.Random, low: int, high: int, n: int) -> list[str]:
    sentences = (LINGUA / "sentences" / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
    out = []
    while len(out) < n:
        text = ""
        while len(text) < low:
            text = (text + " " + rng.choice(sentences)).strip()
        out.append(text[:high] if len(text) > high else text)
    return out


def _run(low: int, high: int, per_language: int) -> dict[str, Any]:
    rng = random.Random(SEED + low)
    ours: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    detector: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    utf8 = [0, 0]
    for lang, encodings in ENCODINGS.items():
        for text in _texts(lang, rng, low, high, per_language):
            utf8[0] += texthygiene.decode(text.encode("utf-8")).text == text
            utf8[1] += 1
            for encoding in encodings:
                try:
                    data = text.encode(encoding)
                except UnicodeEncodeError:
                    continue  # a character this code page lacks: not a text it would carry
                for key in ("all", f"{lang}/{encoding}"):
                    ours[key][0] += texthygiene.decode(data).text == text
                    ours[key][1] += 1
                    best = from_bytes(data).best()
                    detector[key][0] += best is not None and str(best) == text
                    detector[key][1] += 1
    return {
        "texthygiene": {k: rate(*v) for k, v in sorted(ours.items())},
        "charset_normalizer": {k: rate(*v) for k, v in sorted(detector.items())},
        "utf8_roundtrip": rate(*utf8),
    }


def main() -> int:
    if not (LINGUA / "sentences" / "fr.txt").exists():
        print("skipped: ../shared/corpora/external/lingua-testdata is absent")
        return 0
    started = time.perf_counter()
    results = {"long_200_plus": _run(200, 400, 20), "short_50_100": _run(50, 100, 20)}
    for name, result in results.items():
        print(f"\n## {name}")
        print(f"  UTF-8 given back as UTF-8     {fmt_rate(result['utf8_roundtrip'])}")
        print(f"  texthygiene.decode exact       {fmt_rate(result['texthygiene']['all'])}")
        print(f"  charset-normalizer best exact  {fmt_rate(result['charset_normalizer']['all'])}")
        for key, entry in result["texthygiene"].items():
            if key != "all" and entry["rate"] < 1.0:
                print(f"    {key:<16} {fmt_rate(entry)}")
    seconds = round(time.perf_counter() - started, 1)
    write_result("decoding", {"seed": SEED, "results": results, "seconds": seconds})
    print(f"\nwrote benchmarks/results/decoding.json in {seconds} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
