from collections.abc import Sequence

import numpy as np

def viterbi(
    emissions: np.ndarray, switch_costs: Sequence[float], start: np.ndarray
) -> list[int]: ...
