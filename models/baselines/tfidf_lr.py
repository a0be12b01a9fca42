"""The scikit-learn peer of the models: TF-IDF word 1-2-grams + char 2-5-grams, logistic regression (C=1), fitted
on the airline training buckets. Reads {"train": [[text, label]...], "test": {...name: [[text, label]...]}} as JSON on
stdin, prints {"name": {"accuracy", "macroF1", "predictions", "probabilities"}} as JSON; probabilities are
[negative, neutral, positive] per text."""
import json, sys
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score

data = json.load(sys.stdin)
texts, labels = zip(*data['train'])
word = TfidfVectorizer(ngram_range=(1, 2))
char = TfidfVectorizer(analyzer='char', ngram_range=(2, 5))
x = hstack([word.fit_transform(texts), char.fit_transform(texts)]).tocsr()
clf = LogisticRegression(C=1.0, max_iter=2000).fit(x, labels)
out = {}
for name, rows in data['test'].items():
    t, y = zip(*rows)
    features = hstack([word.transform(t), char.transform(t)]).tocsr()
    pred = clf.predict(features)
    order = [list(clf.classes_).index(c) for c in ('negative', 'neutral', 'positive')]
    probs = clf.predict_proba(features)[:, order]
    out[name] = {'accuracy': round(accuracy_score(y, pred), 4), 'macroF1': round(f1_score(y, pred, average='macro'), 4),
                 'predictions': [str(p) for p in pred], 'probabilities': [[round(float(x), 6) for x in row] for row in probs]}
print(json.dumps(out))
