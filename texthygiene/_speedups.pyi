from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

import numpy as np

_Token = TypeVar("_Token", bound=tuple[object, ...])

def viterbi(
    emissions: np.ndarray, switch_costs: Sequence[float], start: np.ndarray
) -> list[int]: ...
def tokens_of(
    pieces: Iterable[tuple[str, str]],
    token: type[_Token],
    script_pieces: Callable[[str], Sequence[tuple[int, int, str]]],
    groups: Mapping[str, str],
) -> list[_Token]: ...
