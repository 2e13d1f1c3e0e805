"""The compiled hot loops (``_speedups``) against their pure-Python twins (``_pure``): the
same results exactly, on the calls real texts make and on any arrays, and the switch
(``TEXTHYGIENE_PURE``, ``texthygiene.COMPILED``, ``--version``)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import texthygiene
from texthygiene import _pure, identify, segment, speedups
from texthygiene.identify import identify_words
from texthygiene.segment import Token

from .conftest import CORPORA, DATA, ROOT, load_jsonl, skip_or_fail

#: Texts whose scans the kernels see: every post of our corpus and the language samples.
TEXTS = [
    record["text"]
    for path in (CORPORA / "injected.jsonl", CORPORA / "legit.jsonl", DATA / "languages.jsonl")
    for record in load_jsonl(path)
]


@pytest.fixture(scope="module")
def compiled() -> ModuleType:
    try:
        from texthygiene import _speedups
    except ImportError:
        skip_or_fail(
            "texthygiene._speedups is not built in this tree "
            "(`python setup.py build_ext --inplace`, with Cython and setuptools>=77)"
        )
        raise  # unreachable: skip_or_fail raises
    return _speedups


def _recorded_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """The arguments of every Viterbi call the scans of ``TEXTS`` make."""
    calls: list[tuple[Any, ...]] = []

    def record(emissions: np.ndarray, costs: Sequence[float], start: np.ndarray) -> list[int]:
        calls.append((emissions.copy(), list(costs), start.copy()))
        return _pure.viterbi(emissions, costs, start)

    monkeypatch.setattr(identify, "viterbi", record)
    for text in TEXTS:
        texthygiene.scan(text)
    return calls


def test_viterbi_twins_agree_on_the_calls_real_texts_make(
    compiled: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _recorded_calls(monkeypatch)
    assert len(calls) > 100  # the corpus's injected posts need paths, not the shortcut
    assert {emissions.dtype for emissions, _, _ in calls} == {np.dtype(np.float32)}
    for emissions, costs, start in calls:
        assert compiled.viterbi(emissions, costs, start) == _pure.viterbi(emissions, costs, start)


@pytest.mark.parametrize("kernel", ["pure", "compiled"])
def test_reports_are_identical_whichever_viterbi_runs(
    kernel: str, compiled: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = [texthygiene.scan(text).to_dict() for text in TEXTS]
    viterbi = _pure.viterbi if kernel == "pure" else compiled.viterbi
    monkeypatch.setattr(identify, "viterbi", viterbi)
    assert [texthygiene.scan(text).to_dict() for text in TEXTS] == expected


#: Few distinct values, so that ties (argmax takes the first) and equal jumps are common;
#: infinities and NaN, whose rules (numpy's maximum propagates NaN, argmax stops at it) the
#: compiled loop must copy.
_VALUES = st.sampled_from([0.0, -0.0, -1.0, -2.5, -5.0, 1.5, 3.0, -np.inf, np.inf, np.nan])
_FINITE = st.floats(-50, 50, width=32)


@st.composite
def _viterbi_args(draw: Callable[..., Any]) -> tuple[np.ndarray, list[float], np.ndarray]:
    steps, width = draw(st.integers(1, 30)), draw(st.integers(1, 8))
    dtype = draw(st.sampled_from([np.float32, np.float64]))
    elements = draw(st.sampled_from([_VALUES, _FINITE]))
    emissions = draw(hnp.arrays(dtype, (steps, width), elements=elements))
    costs = draw(st.lists(st.one_of(_VALUES, _FINITE, st.integers(0, 9)), min_size=steps))
    start = draw(hnp.arrays(np.float64, width, elements=_VALUES))
    return emissions, costs, start


@given(_viterbi_args())
def test_viterbi_twins_agree_on_any_arrays(
    compiled: ModuleType, args: tuple[np.ndarray, list[float], np.ndarray]
) -> None:
    with np.errstate(all="ignore"):  # inf - inf: numpy warns, C does not; both give NaN
        expected = _pure.viterbi(*args)
    assert compiled.viterbi(*args) == expected


@pytest.mark.parametrize(
    ("emissions", "start"),
    [
        (np.zeros((3, 2), dtype=np.float16), np.zeros(2)),  # a dtype the loop does not take
        (np.zeros((3, 2), dtype=np.float32), np.zeros(2, dtype=np.float32)),  # float32 sums
        (np.zeros((3, 2)), np.zeros(1)),  # start broadcast over the languages
        (np.arange(9.0).reshape(3, 3)[:, ::-1], np.zeros(3)),  # strided
    ],
)
def test_viterbi_twins_agree_on_unusual_arrays(
    compiled: ModuleType, emissions: np.ndarray, start: np.ndarray
) -> None:
    costs = [0.0, 1.0, 1.0]
    assert compiled.viterbi(emissions, costs, start) == _pure.viterbi(emissions, costs, start)


@pytest.mark.parametrize(
    ("emissions", "costs", "error"),
    [
        (np.zeros((0, 2)), [], IndexError),  # no steps
        (np.zeros((3, 2)), [0.0], IndexError),  # a cost missing
        (np.zeros((2, 2)), [0.0, "x"], TypeError),  # a cost that is no number
    ],
)
def test_viterbi_raises_what_the_pure_loop_raises(
    compiled: ModuleType, emissions: np.ndarray, costs: list[Any], error: type[Exception]
) -> None:
    with pytest.raises(error):
        _pure.viterbi(emissions, costs, np.zeros(2))
    with pytest.raises(error):
        compiled.viterbi(emissions, costs, np.zeros(2))


#: Words the character tests tell apart: a digit that is no decimal (x², ৪), title case
#: (ǅ), caseless letters (東), lowercase outside the Basic Multilingual Plane (𝐚).
TRICKY = ["de x² en mp3 of b৪ maar c", "ǅemal en ǆemal", "東京 en 𝐚𝐛𝐜 en 𝐀𝐁", "ßig ẞIG 7de"]


def test_host_words_twins_agree_on_real_texts(compiled: ModuleType) -> None:
    for text in [*TEXTS, *TRICKY]:
        tokens = segment.tokenize(text)
        words = identify_words(tokens, frozenset(), frozenset())
        for host in (words.host, None, "en"):
            expected = _pure.host_words(tokens, words.labels, host)
            assert compiled.host_words(tokens, words.labels, host) == expected


#: Lower, upper and title case, caseless letters, digits that are no decimal (², ৪), and
#: characters outside the Basic Multilingual Plane.
_CHARS = st.sampled_from("aZéÉǅß東ก7²৪٣-'𝐚𝐀")
_TOKENS = st.lists(
    st.builds(
        Token,
        start=st.just(0),
        end=st.just(0),
        kind=st.sampled_from(["word", "word", "word", "space"]),
        script=st.just("Latin"),
        text=st.text(_CHARS, max_size=5),
        group=st.just("Latin"),
    ),
    max_size=20,
)
_LABEL = st.sampled_from([None, "nl", "nl", "nl", "en"])  # mostly the host's: the words read


@given(_TOKENS, st.lists(_LABEL, min_size=20, max_size=20), _LABEL)
def test_host_words_twins_agree_on_any_tokens(
    compiled: ModuleType, tokens: list[Token], labels: list[str | None], host: str | None
) -> None:
    assert compiled.host_words(tokens, labels, host) == _pure.host_words(tokens, labels, host)


def test_host_words_hands_what_it_does_not_take_to_the_pure_loop(compiled: ModuleType) -> None:
    tokens = segment.tokenize("de fiets en de boot")
    labels = ["nl"] * len(tokens)
    assert compiled.host_words(tuple(tokens), labels, "nl") == [0, 2, 4, 6, 8]
    with pytest.raises(IndexError):
        _pure.host_words(tokens, labels[:3], "nl")
    with pytest.raises(IndexError):
        compiled.host_words(tokens, labels[:3], "nl")


def _run(args: list[str], pure: str | None) -> str:
    """The output of ``python args`` on this tree, with ``TEXTHYGIENE_PURE`` as given."""
    env = {k: v for k, v in os.environ.items() if k != speedups.PURE_ENV}
    if pure is not None:
        env[speedups.PURE_ENV] = pure
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


_WHICH = (
    "import texthygiene, texthygiene.identify as i; "
    "print(texthygiene.COMPILED, i.viterbi.__module__)"
)


@pytest.mark.parametrize(
    ("pure", "forced"), [("1", True), ("yes", True), ("0", False), ("", False)]
)
def test_the_environment_variable_forces_the_pure_loops(pure: str, forced: bool) -> None:
    compiled = not forced and importlib.util.find_spec("texthygiene._speedups") is not None
    module = "texthygiene._speedups" if compiled else "texthygiene._pure"
    assert _run(["-c", _WHICH], pure) == f"{compiled} {module}"


@pytest.mark.parametrize("pure", ["1", "0"])
def test_version_says_which_loops_run(pure: str) -> None:
    compiled = pure == "0" and importlib.util.find_spec("texthygiene._speedups") is not None
    build = "compiled" if compiled else "pure Python"
    version = _run(["-m", "texthygiene", "--version"], pure)
    assert version == f"texthygiene {texthygiene.__version__} ({build})"
