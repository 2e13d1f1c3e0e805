"""The flagging score's fitted weights: a logistic regression over the evidence features.

``flag.py`` computes, for every candidate run, named evidence features (``flag.FEATURES``);
the fitted probability is ``sigmoid(intercept + Σ weight·value)``. The weights are data,
fitted on the train split of the real-text corpus by ``corpora/tools/fit_weights.py``,
which writes ``texthygiene/data/flag_weights.json`` with the figures it printed. They are
read once, on first use.

The same script chooses the threshold on the train split, out of fold: the lowest at and
above which the findings are ≥ 95% right and the documents without injection falsely
flagged stay within their targets (dev only confirms it). The score is centred there,
``sigmoid(z − logit(t))``, so the default threshold 0.5 is that operating point and a score
keeps its order.

``tracing()`` lets that script collect every candidate's features while it scans (the
findings alone keep only the candidates at or above the threshold).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

WEIGHTS_FILE = "flag_weights.json"

#: One candidate as the fitting script sees it: start, end, kind, features.
Traced = tuple[int, int, str, dict[str, float]]
_TRACE: ContextVar[list[Traced] | None] = ContextVar("flag_trace", default=None)
_STAND_IN: ContextVar[Model | None] = ContextVar("flag_model", default=None)


@dataclass(frozen=True)
class Model:
    """Intercept and one weight per feature name."""

    intercept: float
    weights: Mapping[str, float]
    threshold: float = 0.5  # the fitted probability that scores 0.5

    @property
    def centre(self) -> float:
        """Log-odds subtracted from every run's: ``logit(threshold)``."""
        return math.log(self.threshold / (1.0 - self.threshold))

    def contributions(self, features: Mapping[str, float]) -> dict[str, float]:
        """Each feature's share of the log-odds (weight × value), zero ones left out."""
        out = {}
        for name, value in features.items():
            share = self.weights[name] * value
            if share:
                out[name] = share
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "intercept": self.intercept,
            "weights": dict(self.weights),
            "threshold": self.threshold,
        }


def parse(data: Mapping[str, Any], features: Sequence[str], where: str) -> Model:
    """The model in ``data`` (a weights file's content), checked against the features the
    flagger computes: both lists must be the same, or the file needs refitting."""
    try:
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        intercept = float(data["intercept"])
        threshold = float(data.get("threshold", 0.5))
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ValueError(f"{where}: not a weights file ({error!r})") from error
    if not 0.0 < threshold < 1.0:
        raise ValueError(f"{where}: threshold {threshold} is not between 0 and 1")
    missing = sorted(set(features) - set(weights))
    unknown = sorted(set(weights) - set(features))
    if missing or unknown:
        raise ValueError(
            f"{where}: features differ from flag.FEATURES (missing {missing}, unknown "
            f"{unknown}); refit with python corpora/tools/fit_weights.py"
        )
    return Model(intercept, weights, threshold)


def model(features: tuple[str, ...]) -> Model:
    """The model to score with: the packaged one, or the stand-in of a ``tracing`` block."""
    return _STAND_IN.get() or fitted(features)


@cache
def fitted(features: tuple[str, ...]) -> Model:
    """The packaged weights for ``features`` (read once)."""
    source = resources.files("texthygiene.data").joinpath(WEIGHTS_FILE)
    data = json.loads(source.read_text(encoding="utf-8"))
    return parse(data, features, f"texthygiene/data/{WEIGHTS_FILE}")


@contextmanager
def tracing(stand_in: Model | None = None) -> Iterator[list[Traced]]:
    """Collect every candidate run the flagger scores inside the block (for fitting),
    scoring with ``stand_in`` if given (the features do not depend on the weights, and a
    weights file out of step with the features cannot be read)."""
    collected: list[Traced] = []
    token = _TRACE.set(collected)
    model_token = _STAND_IN.set(stand_in)
    try:
        yield collected
    finally:
        _STAND_IN.reset(model_token)
        _TRACE.reset(token)


def trace(start: int, end: int, kind: str, features: Mapping[str, float]) -> None:
    collected = _TRACE.get()
    if collected is not None:
        collected.append((start, end, kind, dict(features)))
