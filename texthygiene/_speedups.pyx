# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""The hot loops compiled: each function is the twin of the one of the same name in
``_pure.py`` and returns exactly what it does (same float64 arithmetic in the same order,
numpy's argmax and maximum rules for ties and NaN); ``speedups`` picks which runs.

Arguments of a shape or dtype the compiled loop does not take go to the pure function,
so an unusual call still gets the pure result (or the pure error).
"""

from cpython.mem cimport PyMem_Free, PyMem_Malloc
from cython cimport floating

import numpy as np

from ._pure import host_words as _pure_host_words
from ._pure import viterbi as _pure_viterbi

_FLOAT32 = np.dtype(np.float32)
_FLOAT64 = np.dtype(np.float64)


cdef inline Py_ssize_t _argmax(const double* row, Py_ssize_t n) noexcept nogil:
    # numpy's argmax: the first of equal maxima, and the first NaN if there is one.
    cdef Py_ssize_t best = 0, j
    cdef double top = row[0], value
    if top != top:
        return 0
    for j in range(1, n):
        value = row[j]
        if value != value:
            return j
        if value > top:
            top = value
            best = j
    return best


def viterbi(emissions, switch_costs, start):
    """Best label sequence: emissions [T, L], cost of switching before each step, start scores.

    >>> import numpy as np
    >>> e = np.array([[0, -5], [0, -5], [-5, 0], [-5, 0]], dtype=float)
    >>> viterbi(e, [0, 3, 3, 3], np.zeros(2))
    [0, 0, 1, 1]
    """
    if (
        isinstance(emissions, np.ndarray)
        and isinstance(start, np.ndarray)
        and emissions.ndim == 2
        and start.ndim == 1
        and emissions.shape[0] > 0
        and emissions.shape[1] > 0
        and start.shape[0] == emissions.shape[1]
        and start.dtype == _FLOAT64
        and len(switch_costs) >= emissions.shape[0]
    ):
        if emissions.dtype == _FLOAT32:
            return _viterbi[float](emissions, switch_costs, start)
        if emissions.dtype == _FLOAT64:
            return _viterbi[double](emissions, switch_costs, start)
    return _pure_viterbi(emissions, switch_costs, start)


cdef list _viterbi(const floating[:, :] emissions, switch_costs, const double[:] start):
    cdef Py_ssize_t steps = emissions.shape[0], width = emissions.shape[1]
    cdef Py_ssize_t t, j, best, label
    cdef double jump, value
    cdef double* scores = <double*> PyMem_Malloc(steps * width * sizeof(double))
    cdef double* jumps = <double*> PyMem_Malloc(steps * sizeof(double))
    cdef Py_ssize_t* best_prev = <Py_ssize_t*> PyMem_Malloc(steps * sizeof(Py_ssize_t))
    cdef double* score
    cdef double* before
    cdef list labels
    try:
        if scores == NULL or jumps == NULL or best_prev == NULL:
            raise MemoryError()
        # The float costs first: reading one may raise, which must not happen without the GIL.
        for t in range(1, steps):
            jumps[t] = switch_costs[t]
        for j in range(width):
            scores[j] = start[j] + <double> emissions[0, j]
        with nogil:
            for t in range(1, steps):
                before = scores + (t - 1) * width
                score = before + width
                best = _argmax(before, width)
                best_prev[t] = best
                jump = before[best] - jumps[t]
                jumps[t] = jump
                for j in range(width):
                    value = before[j]
                    # numpy's maximum: NaN from either side, else the first when equal.
                    if not (value >= jump or value != value):
                        value = jump
                    score[j] = value + <double> emissions[t, j]
            label = _argmax(scores + (steps - 1) * width, width)
        labels = [label] * steps
        for t in range(steps - 1, 0, -1):
            if jumps[t] > scores[(t - 1) * width + label]:
                label = best_prev[t]
            labels[t - 1] = label
        return labels
    finally:
        PyMem_Free(scores)
        PyMem_Free(jumps)
        PyMem_Free(best_prev)


def host_words(tokens, labels, host):
    """Index of every word labelled ``host`` that starts lowercase and holds no digit: see
    ``_pure``. Python's own character tests (``Py_UNICODE_ISLOWER``, ``ISDIGIT``), which
    ``str.islower`` of one character and ``str.isdigit`` use."""
    if not (type(tokens) is list and type(labels) is list and len(labels) >= len(tokens)):
        return _pure_host_words(tokens, labels, host)
    cdef list listed = tokens, labelled = labels, found = []
    cdef Py_ssize_t i
    cdef object text
    cdef Py_UCS4 ch
    for i in range(len(listed)):
        token = listed[i]
        if not (token.kind == "word" and labelled[i] == host):
            continue
        text = token.text
        if type(text) is not str:
            if text[:1].islower() and not any(c.isdigit() for c in text):
                found.append(i)
            continue
        if not text or not (<str> text)[0].islower():
            continue
        for ch in <str> text:
            if ch.isdigit():
                break
        else:
            found.append(i)
    return found
