"""Shared fixtures: the read-only ../shared material, optional extras, hypothesis profiles.

Whatever lies outside the unit tests' own needs is checked per test, when the test runs: a test
marked ``shared(...)`` reads ../shared, one marked ``spark`` or ``browser`` (or using the
``browser`` fixture) needs that extra. Where it is missing the test skips with the reason; in CI
(``CI`` set) it fails instead, since CI must run everything.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = ROOT / "corpora"
DATA = Path(__file__).resolve().parent / "data"

# Model loading is lazy, so the first example of a run is slow: no deadline in CI.
settings.register_profile(
    "ci",
    deadline=None,
    max_examples=150,
    derandomize=True,  # the same examples on every CI run
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, max_examples=60)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def skip_or_fail(reason: str) -> None:
    """Skip the running test, or fail it in CI, where nothing may be skipped for want of it."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must have it")
    pytest.skip(reason)


def shared_path(*parts: str) -> Path:
    """A path under ../shared; skip where it is absent, but fail in CI where it must exist."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        skip_or_fail(f"../shared/{'/'.join(parts)} is absent (read-only material beside the repo)")
    return path


def missing_for(extra: str, *, tools: bool = True) -> list[str]:
    """What the tests marked with ``extra`` need and this environment lacks (modules, and
    with ``tools`` the programs they drive)."""
    modules = {
        "spark": ("pyspark", "pandas", "pyarrow", "warcio"),
        "browser": ("playwright",),
    }[extra]
    missing = [name for name in modules if importlib.util.find_spec(name) is None]
    if not tools:
        return missing
    if extra == "spark" and shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        missing.append("java (a JRE, 17 or later)")
    if extra == "browser":
        from benchmarks.browser import CHROMIUM

        if not CHROMIUM.exists():
            missing.append(f"{CHROMIUM} (Debian's chromium package)")
    return missing


def require_extra(extra: str) -> None:
    missing = missing_for(extra)
    if missing:
        skip_or_fail(f"{extra} tests need {', '.join(missing)}: pip install '.[{extra}]'")


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # A test that opens the browser is a browser test, marked or not.
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(tryfirst=True)  # before the test's fixtures are set up
def pytest_runtest_setup(item: pytest.Item) -> None:
    for marker in item.iter_markers("shared"):
        shared_path(*marker.args)
    for extra in ("spark", "browser"):
        if item.get_closest_marker(extra) is not None:
            require_extra(extra)


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


# Dutch posts with a Russian phrase glued to their last sentence: our own, which every clone
# tests, and the seed post from ../shared, which skips where that is absent.
GLUED_POSTS: list[dict[str, Any]] = json.loads(
    (DATA / "glued_posts.json").read_text(encoding="utf-8")
)


@dataclass(frozen=True)
class GluedPost:
    id: str
    text: str
    fragment: str  # the glued phrase, the one finding expected
    subheading: str


@pytest.fixture(scope="session", params=GLUED_POSTS, ids=[p["id"] for p in GLUED_POSTS])
def glued_post(request: pytest.FixtureRequest) -> GluedPost:
    entry = request.param
    path = shared_path(*entry["shared"]) if "shared" in entry else DATA / entry["file"]
    return GluedPost(
        entry["id"], path.read_text(encoding="utf-8"), entry["fragment"], entry["subheading"]
    )
