"""Choosing where the opt-in `quality` model is worth its cost: it becomes a cascade, consulted only where the fast gate
model (the default, `ensemble`) is unsure — its two most probable classes less than a margin apart. The margin is the
smallest on a 0.1 grid whose validation score (scores.py) is within TOLERANCE of sending every text to `quality`."""
import numpy as np
from scores import scores, selection

MARGINS = [round(0.1 * i, 1) for i in range(1, 11)]
# A third of the ±0.006 by which a split of validation moves a score (models/README.md, round 1): below noise.
TOLERANCE = 0.002


def top_margin(p):
    top = np.sort(p, 1)
    return top[:, -1] - top[:, -2]


def choose_margin(full, gate, y, val_of):
    """full, gate: [n, 3] probabilities (or scores) over all rows; y: gold class ids; val_of: source -> validation
    row indices. Returns {'margin', 'validation', 'fullValidation', 'unsure': source -> share sent to `quality`}."""
    def score(pred):
        return selection({s: scores(y[i], pred[i]) for s, i in val_of.items()})

    best = score(full.argmax(1))
    for m in MARGINS:
        unsure = top_margin(gate) < m
        s = score(np.where(unsure, full.argmax(1), gate.argmax(1)))
        if s >= best - TOLERANCE or m == MARGINS[-1]:
            return {'margin': m, 'validation': round(s, 4), 'fullValidation': round(best, 4),
                    'unsure': {k: round(float(unsure[i].mean()), 3) for k, i in val_of.items()}}
