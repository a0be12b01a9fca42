"""The sentence-encoder experiment's scikit-learn half (bench/sentence-encoder.ts): a logistic regression (C 8) on the
512-d Universal Sentence Encoder lite embeddings of the training parts, then mixtures of its probabilities with the
shipped members' (`linear`, `cnn-bilstm`), weights and prior factors chosen on the validation parts only by
models/train/mix.py (ensemble.py's grid and selection score: airline macro-F1 + 0.5 x PhraseBank macro-F1).
Reads {"embeddings": file.f32, "rows": [{split, source, label}], "members": {name: [[neg, neu, pos]...]}} on stdin;
prints {"choice", "predictions": {candidate: [label...]}} for the rows whose split is "test"."""
import json, os, sys
import numpy as np
from sklearn.linear_model import LogisticRegression
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'models', 'train'))
from mix import choose, mix  # the models' own validation score and grid (ensemble.py's)

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


out = {'choice': {}, 'predictions': {}}
for label, names in (('encoder', ['encoder']), ('members', ['linear', 'cnn-bilstm']),
                     ('members+encoder', ['linear', 'cnn-bilstm', 'encoder'])):
    choice = choose(probs, names, y, val_of)
    out['choice'][label] = choice
    mixed = mix(probs, names, list(choice['weights'].values()), choice['prior'])
    out['predictions'][label] = [LABELS[i] for i in mixed[test].argmax(1)]
print(json.dumps(out))
