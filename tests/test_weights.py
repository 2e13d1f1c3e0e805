"""The flagging score's fitted weights (texthygiene/weights.py, texthygiene/data/
flag_weights.json) and the script that fits them (corpora/tools/fit_weights.py)."""

from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

import texthygiene
from benchmarks.common import load_script
from texthygiene.flag import FEATURE_NAMES, FEATURES, Candidate, _scored, evidence
from texthygiene.results import REASON_CODES
from texthygiene.weights import WEIGHTS_FILE, Model, fitted, parse, tracing

ROOT = Path(__file__).resolve().parent.parent


@cache
def fit_script() -> ModuleType:
    return load_script(ROOT / "corpora" / "tools" / "fit_weights.py")


def _packaged() -> dict[str, object]:
    source = resources.files("texthygiene.data").joinpath(WEIGHTS_FILE)
    data: dict[str, object] = json.loads(source.read_text(encoding="utf-8"))
    return data


def test_the_weights_file_has_exactly_the_features_flag_computes() -> None:
    data = _packaged()
    assert set(data["weights"]) == set(FEATURE_NAMES)  # type: ignore[call-overload]
    model = fitted(FEATURE_NAMES)
    assert all(math.isfinite(w) for w in model.weights.values())
    assert math.isfinite(model.intercept)


def test_the_weights_file_says_how_it_was_fitted() -> None:
    data = _packaged()
    for key in (
        "seed",
        "corpus",
        "figures",
        "lambda",
        "fitted_by",
        "threshold",
        "threshold_rule",
        "dev",
    ):
        assert key in data, key
    assert "realworld_train_sha256" in data["corpus"]  # type: ignore[operator]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda w: w.pop("glued_to_sentence"), "missing ['glued_to_sentence']"),
        (lambda w: w.update(a_new_cue=1.0), "unknown ['a_new_cue']"),
    ],
    ids=["feature-missing", "feature-unknown"],
)
def test_a_weights_file_out_of_step_with_flag_is_refused(change, message) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(json.dumps(_packaged()))
    change(data["weights"])
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse(data, FEATURE_NAMES, "flag_weights.json")


def test_a_malformed_weights_file_names_itself() -> None:
    with pytest.raises(ValueError, match=r"broken\.json: not a weights file"):
        parse({"weights": {"x": "heavy"}, "intercept": 0}, ("x",), "broken.json")


def test_every_feature_explains_itself_with_a_reason_code() -> None:
    assert {code for code, _ in FEATURES.values()} <= set(REASON_CODES)


TRACED_TEXTS = [
    # glued, different script
    "Ik heb gisteren de nieuwe versie geïnstalleerd en alles werkt.где купить дешево",
    # own line, spam terms and cues
    "We gaan morgen naar het strand met de kinderen.\n\nsitus judi slot gacor "
    "daftar sekarang WA 0812 3456 7890\n\nHet weer wordt mooi.",
    # quoted, parenthetical, inside a sentence
    'Hij zei "that is so random" en lachte. De stad Lviv (Львів) ligt in het westen.',
    # English run between two Spanish sentences
    "No me lo creo. That is so random and I love it. Vamos a la playa mañana.",
]


def test_every_feature_flag_computes_is_in_the_list() -> None:
    # The fit and the score use one list: a feature computed but not listed would be
    # silently dropped by the fit and make the score fail.
    seen: set[str] = set()
    with tracing() as traced:
        for text in TRACED_TEXTS:
            texthygiene.scan(text)
    for _, _, _, features in traced:
        seen.update(features)
    assert seen, "no candidate traced"
    assert seen <= set(FEATURE_NAMES)


def test_tracing_collects_nothing_outside_its_block() -> None:
    with tracing() as traced:
        pass
    texthygiene.scan(TRACED_TEXTS[0])
    assert traced == []


def test_reasons_come_largest_share_first() -> None:
    model = fitted(FEATURE_NAMES)
    cand = Candidate(0, 0, "foreign_fragment", "ru")
    cand.features = dict.fromkeys(FEATURE_NAMES, 1.0)
    score, shares = _scored(cand)
    assert list(shares.values()) == sorted(shares.values(), reverse=True)
    z = model.intercept - model.centre + sum(model.weights.values())
    assert score == pytest.approx(1 / (1 + math.exp(-z)))


def test_the_score_is_centred_on_the_chosen_threshold() -> None:
    # a run whose fitted probability is the threshold chosen on train scores 0.5 (the default
    # threshold); the order of scores is the fitted one
    model = fitted(FEATURE_NAMES)
    assert 0.0 < model.threshold < 1.0
    cand = Candidate(0, 0, "foreign_fragment", "ru")
    weight = model.weights["script_mismatch"]
    logit = math.log(model.threshold / (1 - model.threshold))
    cand.features = {"script_mismatch": (logit - model.intercept) / weight}
    score, _ = _scored(cand)
    assert score == pytest.approx(0.5)


def test_where_another_language_is_expected_its_evidence_is_cancelled() -> None:
    cand = Candidate(0, 0, "foreign_fragment", "ru", expected=True)
    cand.features = {"script_mismatch": 1.0, "script_words": 2.0, "sentence_boundary": 1.0}
    _, shares = _scored(cand)
    model = fitted(FEATURE_NAMES)
    language = model.weights["script_mismatch"] + 2 * model.weights["script_words"]
    assert shares["multilingual_document"] == pytest.approx(-language)
    assert set(evidence(cand)) == {"sentence_boundary"}


def _synthetic(seed: int, n: int = 600) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    direction = np.array([2.0, -1.5, 0.0, 1.0])
    x = rng.normal(size=(n, direction.size))
    p = 1 / (1 + np.exp(-(x @ direction - 0.5)))
    y = (rng.random(n) < p).astype(float)
    return x, y, direction


def test_the_fit_recovers_a_known_direction() -> None:
    x, y, direction = _synthetic(7)
    w, b = fit_script().fit(x, y, lam=0.1)
    cosine = w @ direction / np.linalg.norm(w) / np.linalg.norm(direction)
    assert cosine > 0.98
    assert abs(w[2]) < 0.3  # the feature that carries nothing gets next to nothing
    assert b == pytest.approx(-0.5, abs=0.3)


def test_the_penalty_draws_towards_the_prior() -> None:
    x, y, _ = _synthetic(11, n=100)
    prior = np.array([5.0, 5.0, 5.0, 5.0])
    strong, _ = fit_script().fit(x, y, lam=1e4, prior=prior)
    assert np.allclose(strong, prior, atol=0.1)
    # a feature the data never shows keeps its prior at any strength
    zeros = np.hstack([x, np.zeros((len(y), 1))])
    w, _ = fit_script().fit(zeros, y, lam=0.1, prior=np.append(np.zeros(4), 3.0))
    assert w[4] == pytest.approx(3.0)


def test_the_fit_and_its_folds_are_deterministic() -> None:
    script = fit_script()
    x, y, _ = _synthetic(3)
    groups = [f"doc{i // 4}" for i in range(len(y))]
    folds = script.folds_of(groups, 5, script.SEED)
    assert np.array_equal(folds, script.folds_of(groups, 5, script.SEED))
    # whole documents per fold
    assert all(len({folds[i] for i in range(len(y)) if groups[i] == g}) == 1 for g in groups)
    first = script.cross_validate(x, y, folds, (0.1, 10.0), np.zeros(4), 0.0)
    again = script.cross_validate(x, y, folds, (0.1, 10.0), np.zeros(4), 0.0)
    assert first == again
    w1, b1 = script.fit(x, y, 1.0)
    w2, b2 = script.fit(x, y, 1.0)
    assert np.array_equal(w1, w2)
    assert b1 == b2


def _point(right: int, total: int, legitimate: int = 0, cms: int = 0, clean: int = 0):  # type: ignore[no-untyped-def]
    return {
        "findings": [right, total],
        "legitimate": [legitimate, 1000],
        "cms": [cms, 1000],
        "clean": [clean, 1000],
    }


@pytest.mark.parametrize(
    ("points", "chosen"),
    [
        # 96% right at 0.3 (less its standard error, 0.2%: still over 95%) and above
        ({0.2: _point(9300, 10000), 0.3: _point(9600, 10000), 0.4: _point(9700, 9900)}, 0.3),
        # 95.1% right at 0.2 is within the target, but not by a standard error
        ({0.2: _point(9510, 10000), 0.3: _point(9600, 10000)}, 0.3),
        # precise enough at 0.2, but below the target at 0.3: the stable threshold is above
        ({0.2: _point(9600, 10000), 0.3: _point(9400, 9900), 0.4: _point(9700, 9800)}, 0.4),
        # 3.0% of the legitimate documents flagged is on the edge: 2.0% is within by a margin
        ({0.2: _point(99, 100, legitimate=30), 0.3: _point(99, 100, legitimate=20)}, 0.3),
        # the CMS target (1%) decides
        ({0.2: _point(99, 100, cms=10), 0.3: _point(99, 100, cms=3)}, 0.3),
        # the clean target (1%) decides
        ({0.2: _point(99, 100, clean=10), 0.3: _point(99, 100, clean=0)}, 0.3),
        # no finding at all is no wrong one
        ({0.2: _point(90, 100), 0.3: _point(0, 0)}, 0.3),
        # the highest threshold fails: none is stable
        ({0.2: _point(9900, 10000), 0.3: _point(9000, 10000)}, None),
    ],
    ids=["reaches", "margin", "dip", "legitimate", "cms", "clean", "empty", "none"],
)
def test_the_threshold_is_the_lowest_that_meets_every_target_with_all_above(
    points: dict[float, dict[str, list[int]]], chosen: float | None
) -> None:
    assert fit_script().stable_threshold(points) == chosen


INJECTED = (
    "Ik heb gisteren de nieuwe versie geïnstalleerd en alles werkt goed.где купить дешево "
    "Morgen gaan we verder met de tuin.\n\nsitus judi slot gacor daftar sekarang\n\n"
    "Het weer wordt mooi, zegt de radio."
)


@pytest.mark.parametrize(
    "text", [*TRACED_TEXTS, INJECTED], ids=["glued", "own_line", "quoted", "english", "two"]
)
def test_findings_rebuilt_from_traced_scores_are_the_scans(text: str) -> None:
    # The threshold is chosen on findings rebuilt from each candidate's out-of-fold score;
    # with the packaged model's scores they must be what a scan at the same threshold
    # reports (spans and order of scores).
    script = fit_script()
    model = fitted(FEATURE_NAMES)
    uncentred = Model(model.intercept, model.weights)
    with tracing(uncentred) as traced:
        report = texthygiene.scan(text, config=texthygiene.Config(threshold=0.2))
    rows = [
        {"doc": "d", "start": s, "end": e, "kind": k, "features": f, "overlaps": 0}
        for s, e, k, f in traced
    ]
    z = np.array(
        [
            model.intercept + sum(model.weights[n] * v for n, v in row["features"].items())
            for row in rows
        ]
    )
    rebuilt = script.resolved_findings(rows, z).get("d", [])
    scanned = [f for f in report.findings if f.kind in ("foreign_fragment", "spam_fragment")]
    assert rows, "no candidate traced"
    assert [(s, e) for _, s, e, _ in rebuilt] == [(f.start, f.end) for f in scanned]
    assert [p for p, *_ in rebuilt] == pytest.approx([f.score for f in scanned])


@pytest.mark.parametrize(("stable", "chosen"), [(0.26, 0.5), (0.62, 0.62), (None, 0.5)])
def test_the_default_threshold_is_never_below_the_floor(
    monkeypatch: pytest.MonkeyPatch, stable: float | None, chosen: float
) -> None:
    script = fit_script()
    monkeypatch.setattr(script, "stable_threshold", lambda points: stable)
    assert script.THRESHOLD_FLOOR == 0.5
    assert script.default_threshold({}) == chosen


def test_the_packaged_threshold_follows_the_rule_and_dev_confirms_it() -> None:
    data = _packaged()
    rule = data["threshold_rule"]
    points = {float(t): p for t, p in rule["train_out_of_fold"].items()}  # type: ignore[index]
    assert fit_script().default_threshold(points) == data["threshold"]
    assert data["dev"]["confirms"] is True  # type: ignore[index]


def test_rebuilt_findings_resolve_overlaps_best_score_first() -> None:
    def row(start: int, end: int, kind: str = "foreign_fragment") -> dict[str, object]:
        return {"doc": "d", "start": start, "end": end, "kind": kind, "overlaps": start < 8}

    rows = [row(0, 10), row(5, 15), row(12, 20), row(30, 40), row(50, 60, "hidden_text")]
    z = np.array([2.0, 3.0, 0.0, -2.0, 5.0])  # the run at 30 scores 0.12: below 0.2
    found = fit_script().resolved_findings(rows, z)["d"]
    assert [(s, e, right) for _, s, e, right in found] == [(5, 15, True)]
