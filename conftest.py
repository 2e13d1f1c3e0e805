"""The package's doctests: texthygiene/spark.py's need the spark extra, and are marked spark.

Without its modules, importing it fails, which would stop the collection of the whole run; it
is collected instead as one test that skips with the reason (in CI: fails).
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import missing_for, require_extra

_SPARK_MODULE = Path(__file__).resolve().parent / "texthygiene" / "spark.py"


class _NeedsSpark(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        yield _NeedsSparkItem.from_parent(self, name="doctests")


class _NeedsSparkItem(pytest.Item):
    def runtest(self) -> None:
        require_extra("spark")

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, "doctests (need the spark extra)"


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path == _SPARK_MODULE:
            item.add_marker(pytest.mark.spark)


@pytest.hookimpl(wrapper=True)
def pytest_collect_file(
    file_path: Path, parent: pytest.Collector
) -> Generator[None, list[Any], list[Any]]:
    collected = yield
    if file_path == _SPARK_MODULE and missing_for("spark", tools=False):
        return [_NeedsSpark.from_parent(parent, path=file_path)]
    return collected
