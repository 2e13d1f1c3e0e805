from collections.abc import Sequence

import numpy as np

from ._pure import _Word

def viterbi(
    emissions: np.ndarray, switch_costs: Sequence[float], start: np.ndarray
) -> list[int]: ...
def host_words(
    tokens: Sequence[_Word], labels: Sequence[str | None], host: str | None
) -> list[int]: ...
