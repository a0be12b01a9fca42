"""The `linear` model: logistic regression (scikit-learn, L2, lbfgs) over binary hashed word 1-2-grams and character
2-5-grams, tf-idf weighted and L2-normalised, plus the sentence-level lexicon scores; C and the class weighting are
chosen on validation. With --nb 1 the n-gram features are scaled by naive-Bayes log-count ratios, one set per class, and
one binary logistic regression is fitted per class (one-vs-rest, NB-LR after Wang & Manning 2012); the three decision
functions are the logits, so the exported graph is the same. The fitted weights are copied into a PyTorch module (float16 table) and exported to ONNX.
Usage: linear.py --data ids.jsonl --out DIR --buckets B [--state FILE]"""
import argparse, json, time
import numpy as np
import torch
from scipy.sparse import csr_matrix, diags, hstack
from sklearn.linear_model import LogisticRegression
from archs import Linear, LexFeatures
from scores import scores, selection

torch.set_num_threads(1)
p = argparse.ArgumentParser()
p.add_argument('--data'); p.add_argument('--out'); p.add_argument('--buckets', type=int); p.add_argument('--state', default='')
p.add_argument('--grid', default='2,4')  # values of C tried, each with and without balanced class weights
p.add_argument('--lex-scale', type=float, default=0.3)  # the lexicon scores' size beside the unit-length n-gram vector
p.add_argument('--nb', type=int, default=0)  # 1: naive-Bayes log-count-ratio scaling, one-vs-rest
p.add_argument('--nb-alpha', type=float, default=1.0)  # smoothing of the n-gram counts in the ratios
p.add_argument('--agreement-power', type=float, default=0.0)  # training examples weigh (annotator agreement) ** power
args = p.parse_args()
t0 = time.time()
rows = [json.loads(l) for l in open(args.data)]
train = [r for r in rows if r['split'] == 'train']
width = args.buckets + 1  # column 0 is the padding id, never set


def grams_matrix(items):
    indptr = np.cumsum([0] + [len(r['grams']) for r in items])
    cols = np.concatenate([np.asarray(r['grams'], dtype=np.int64) for r in items])
    return csr_matrix((np.ones(len(cols), dtype=np.float64), cols, indptr), shape=(len(items), width))


def lex_features(items):
    lex = np.zeros((len(items), max(5, max(len(r['lex']) for r in items))), dtype=np.int64)
    for i, r in enumerate(items):
        lex[i, :len(r['lex'])] = r['lex']
    with torch.no_grad():
        return LexFeatures()(torch.from_numpy(lex)).double().numpy()


df = np.asarray((grams_matrix(train) > 0).sum(0)).ravel()
idf = np.where(df > 0, np.log((1 + len(train)) / (1 + df)) + 1, 0.0)  # unseen buckets weigh nothing, as in sklearn
idf[0] = 0


def features(items):
    x = grams_matrix(items) @ diags(idf)
    norm = np.sqrt(np.asarray(x.multiply(x).sum(1)).ravel())
    x = diags(1 / np.maximum(norm, 1e-6)) @ x
    return hstack([x, csr_matrix(lex_features(items) * args.lex_scale)]).tocsr()


xt, yt = features(train), np.array([r['y'] for r in train])
wt = np.array([r.get('agreement', 1.0) for r in train]) ** args.agreement_power
wt = wt / wt.mean()
val = {s: [r for r in rows if r['split'] == 'validation' and r['source'] == s] for s in ('airline', 'phrasebank')}
xv = {s: (features(items), np.array([r['y'] for r in items])) for s, items in val.items()}


def nb_scale(k, alpha):
    """Column scaling for class k: log of (n-gram share in class k) / (share in the other classes); lexicon columns 1."""
    binary = grams_matrix(train) > 0
    p_, q_ = (alpha + np.asarray(binary[yt == k].sum(0), dtype=np.float64).ravel(),
              alpha + np.asarray(binary[yt != k].sum(0), dtype=np.float64).ravel())
    return np.concatenate([np.log((p_ / p_.sum()) / (q_ / q_.sum())), np.ones(xt.shape[1] - width)])


class OneVsRestNB:
    """Three binary logistic regressions on class-specific NB-scaled features; coef_ and intercept_ as scikit-learn's
    multinomial model has them, with the scaling folded into the weights."""

    def __init__(self, c, weighting, scales):
        self.coef_ = np.zeros((3, xt.shape[1])); self.intercept_ = np.zeros(3)
        for k, r in enumerate(scales):
            b = LogisticRegression(C=c, max_iter=3000, class_weight=weighting).fit(xt @ diags(r), (yt == k).astype(int), sample_weight=wt)
            self.coef_[k], self.intercept_[k] = b.coef_[0] * r, b.intercept_[0]

    def predict(self, x):
        return np.asarray(x @ self.coef_.T + self.intercept_).argmax(1)


scales = [nb_scale(k, args.nb_alpha) for k in range(3)] if args.nb else None
tried = []
for c in [float(v) for v in args.grid.split(',')]:
    for weighting in (None, 'balanced'):
        clf = (OneVsRestNB(c, weighting, scales) if args.nb else
               LogisticRegression(C=c, max_iter=3000, class_weight=weighting).fit(xt, yt, sample_weight=wt))
        sets = {s: scores(y, clf.predict(x)) for s, (x, y) in xv.items()}
        tried.append({'C': c, 'classWeight': weighting or 'none', 'score': round(selection(sets), 4), 'validation': sets, 'clf': clf})
        print(json.dumps({k: v for k, v in tried[-1].items() if k != 'clf'}), flush=True)
best = max(tried, key=lambda t: t['score'])  # first of equals: the smaller C, unweighted
clf = best['clf']

coef, bias = clf.coef_, clf.intercept_  # classes 0, 1, 2 = negative, neutral, positive
model = Linear(args.buckets)
with torch.no_grad():
    model.set_weights(torch.tensor(coef[:, :width].T, dtype=torch.float32), torch.tensor(idf, dtype=torch.float32),
                      torch.tensor(coef[:, width:] * args.lex_scale, dtype=torch.float32), torch.tensor(bias, dtype=torch.float32))
model.eval()
if args.state:
    torch.save(model.state_dict(), args.state)  # for ensemble.py; kept out of the repository


def padded(items):
    g = np.zeros((len(items), max(5, max(len(r['grams']) for r in items))), dtype=np.int32)
    l = np.zeros((len(items), max(5, max(len(r['lex']) for r in items))), dtype=np.int32)
    for i, r in enumerate(items):
        g[i, :len(r['grams'])] = r['grams']
        l[i, :len(r['lex'])] = r['lex']
    return torch.from_numpy(g), torch.from_numpy(l)


with torch.no_grad():  # the exported module must agree with scikit-learn (float16 table: labels may rarely differ)
    agree = {s: float(np.mean(model(*padded(items)).argmax(-1).numpy() == clf.predict(xv[s][0]))) for s, items in val.items()}
print(json.dumps({'chosen': {'C': best['C'], 'classWeight': best['classWeight']}, 'agreement': agree}), flush=True)
torch.onnx.export(model, padded(val['airline'][:2]), f'{args.out}/model.onnx', input_names=['grams', 'lex'],
                  output_names=['probabilities'], opset_version=17, do_constant_folding=False,
                  dynamic_axes={'grams': {0: 'batch', 1: 'grams'}, 'lex': {0: 'batch', 1: 'length'}, 'probabilities': {0: 'batch'}})
json.dump({'arch': 'linear', 'seed': None, 'bestEpoch': 1, 'epochsRun': 1, 'trainSeconds': round(time.time() - t0, 1),
           'parameters': int(coef.size + bias.size), 'hyper': {'C': best['C'], 'classWeight': best['classWeight'],
           'buckets': args.buckets, 'lexScale': args.lex_scale, 'grid': args.grid, 'solver': 'lbfgs',
           **({'nb': 'one-vs-rest on naive-Bayes log-count-ratio scaled features', 'nbAlpha': args.nb_alpha} if args.nb else {}),
           **({'agreementPower': args.agreement_power} if args.agreement_power else {})},
           'validation': best['validation'], 'tried': [{k: v for k, v in t.items() if k != 'clf'} for t in tried]},
          open(f'{args.out}/training.json', 'w'), indent=1)
