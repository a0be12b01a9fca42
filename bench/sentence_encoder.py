"""The sentence-encoder experiment's scikit-learn half (bench/sentence-encoder.ts): a logistic regression (C 8) on the
512-d Universal Sentence Encoder lite embeddings of the training parts, then mixtures of its probabilities with the
shipped members' (`linear`, `cnn-bilstm`), weights on the simplex (step 0.1) and prior factors (0.6-1.4) chosen on
the validation parts only, with the selection score of ensemble.py (airline macro-F1 + 0.5 x PhraseBank macro-F1).
Reads {"embeddings": file.f32, "rows": [{split, source, label}], "members": {name: [[neg, neu, pos]...]}} on stdin;
prints {"choice", "predictions": {candidate: [label...]}} for the rows whose split is "test"."""
import itertools, json, os, sys
import numpy as np
from sklearn.linear_model import LogisticRegression
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'models', 'train'))
from scores import scores, selection  # the models' own validation score

LABELS = ['negative', 'neutral', 'positive']
data = json.load(sys.stdin)
rows = data['rows']
x = np.fromfile(data['embeddings'], dtype=np.float32).reshape(len(rows), -1)
y = np.array([LABELS.index(r['label']) for r in rows])
split = np.array([r['split'] for r in rows])
source = np.array([r['source'] for r in rows])
train, val, test = (np.where(split == s)[0] for s in ('train', 'validation', 'test'))

encoder = LogisticRegression(C=8, max_iter=3000).fit(x[train], y[train]).predict_proba(x)
probs = {name: np.array(p, dtype=np.float64) for name, p in data['members'].items()}
probs['encoder'] = encoder
val_of = {s: val[source[val] == s] for s in ('airline', 'phrasebank')}


def score(p):
    return selection({s: scores(y[i], p[i].argmax(1)) for s, i in val_of.items()})


def choose(names):
    """Weights and prior factors with the best validation score; ties go to factors nearest 1, as in ensemble.py."""
    factors = [round(0.6 + 0.1 * i, 1) for i in range(9)]
    best = None
    for w in itertools.product(range(11), repeat=len(names)):
        if sum(w) != 10:
            continue
        mix = sum(wi / 10 * probs[n] for wi, n in zip(w, names))
        for a, b in itertools.product(factors, factors):
            prior = np.array([1.0, a, b])
            key = (round(score(mix * prior), 6), -(abs(a - 1) + abs(b - 1)))
            if best is None or key > best[0]:
                best = (key, w, prior)
    (s, _), w, prior = best
    mix = sum(wi / 10 * probs[n] for wi, n in zip(w, names)) * prior
    return {'weights': dict(zip(names, [wi / 10 for wi in w])), 'prior': prior.tolist(), 'validation': round(s, 4)}, mix


out = {'choice': {}, 'predictions': {}}
for label, names in (('encoder', ['encoder']), ('members', ['linear', 'cnn-bilstm']),
                     ('members+encoder', ['linear', 'cnn-bilstm', 'encoder'])):
    choice, mix = choose(names)
    out['choice'][label] = choice
    out['predictions'][label] = [LABELS[i] for i in mix[test].argmax(1)]
print(json.dumps(out))
