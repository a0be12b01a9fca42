"""Choosing a mixture of models' probabilities on validation, as ensemble.py does: weights on the simplex (step 0.1)
times per-class prior factors (0.6-1.4, step 0.1), best selection score (scores.py); ties go to the factors nearest 1,
then to the first weights in grid order. Used by quality.py and bench/sentence_encoder.py; ensemble.py runs the same
grid over its own, size-filtered weight sets and keeps the whole ranking, to fall back when a choice exceeds 5 MB."""
import itertools
import numpy as np
from scores import scores, selection

FACTORS = [round(0.6 + 0.1 * i, 1) for i in range(9)]


def mix(probs, names, weights, prior):
    """The mixture's unnormalised class scores: sum of weight x probabilities, times the prior factors."""
    return sum(w * probs[n] for w, n in zip(weights, names)) * np.asarray(prior)


def choose(probs, names, y, val_of):
    """probs: name -> [n, 3] probabilities over all rows; y: gold class ids; val_of: source -> validation row indices.
    Returns {'weights': {name: w}, 'prior': [3], 'validation': score}."""
    def score(p):
        return selection({s: scores(y[i], p[i].argmax(1)) for s, i in val_of.items()})

    best = None
    for w in itertools.product(range(11), repeat=len(names)):
        if sum(w) != 10:
            continue
        weights = [wi / 10 for wi in w]
        plain = mix(probs, names, weights, [1.0, 1.0, 1.0])
        for a, b in itertools.product(FACTORS, FACTORS):
            prior = [1.0, a, b]
            key = (round(score(plain * np.asarray(prior)), 6), -(abs(a - 1) + abs(b - 1)))
            if best is None or key > best[0]:
                best = (key, weights, prior)
    (s, _), weights, prior = best
    return {'weights': dict(zip(names, weights)), 'prior': prior, 'validation': round(s, 4)}
