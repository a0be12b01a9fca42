"""Accuracy and macro-F1 as the models are judged, and the validation score that picks epochs, settings and weights."""
import numpy as np


def macro_f1(y, pred):
    f = []
    for k in range(3):
        tp = np.sum((pred == k) & (y == k)); p = np.sum(pred == k); r = np.sum(y == k)
        f.append(0 if tp == 0 else 2 * tp / (p + r))
    return float(np.mean(f))


def scores(y, pred):
    y, pred = np.asarray(y), np.asarray(pred)
    return {'accuracy': float(np.mean(pred == y)), 'macroF1': macro_f1(y, pred)}


def selection(sets):
    """Airline validation macro-F1 + 0.5 × PhraseBank validation macro-F1 (models/eval/sets.ts, selectionScore)."""
    return sets['airline']['macroF1'] + 0.5 * sets['phrasebank']['macroF1']
