"""Combines trained models into one ONNX graph (inputs ids, grams, lex): a weighted mean of their probabilities times
per-class prior factors (renormalised). Weights and factors are chosen on validation only (simplex grid, step 0.1;
factors 0.6-1.4), among member sets that fit 5 MB; embedding tables are stored as int8 (quantize.py). Members share
the ensemble's encoder, so `fast` (its own hashing) cannot be one. Usage: ensemble.py --data ids.jsonl --out DIR
--vocab-size N --buckets B --max-len L --member arch@seed=state.pt ..."""
import argparse, itertools, json, os
import numpy as np
import torch
from torch import nn
from archs import build
from quantize import quantize, stored_bytes
from scores import scores, selection

torch.set_num_threads(1)
p = argparse.ArgumentParser()
p.add_argument('--data'); p.add_argument('--out'); p.add_argument('--vocab-size', type=int)
p.add_argument('--buckets', type=int); p.add_argument('--max-len', type=int, default=48)
p.add_argument('--member', action='append', default=[])
p.add_argument('--max-recurrent', type=int, default=99)  # members with an LSTM: the costly ones at run time
args = p.parse_args()


BUDGET = 5_000_000  # bytes of model.onnx


def arch_of(name):
    return name.split('@')[0]


def run_member(name, m, ids, grams, lex):
    arch = arch_of(name)
    return m(grams, lex) if arch == 'linear' else m(ids, grams, lex) if arch == 'fast' else m(ids, lex)


names, members = [], []
for spec in args.member:
    name, state = spec.split('=', 1)
    m = build(arch_of(name), args.vocab_size, args.buckets)
    m.load_state_dict(torch.load(state))
    names.append(name); members.append(quantize(m.eval()))
sizes = [stored_bytes(m) for m in members]


class Ensemble(nn.Module):
    def __init__(self, names, members, weights, prior):
        super().__init__()
        self.names, self.weights = names, weights
        self.members = nn.ModuleList(members)
        self.register_buffer('prior', torch.tensor(prior, dtype=torch.float32))

    def forward(self, ids, grams, lex):
        total, attention = 0, None
        for name, m, w in zip(self.names, self.members, self.weights):
            if w == 0:
                continue
            out = run_member(name, m, ids, grams, lex)
            if isinstance(out, tuple):
                out, attention = out
            total = total + w * out
        total = total * self.prior
        total = total / total.sum(-1, keepdim=True)
        return (total, attention) if attention is not None else total


rows = [json.loads(l) for l in open(args.data) if '"validation"' in l]


def inputs(items):
    ids = np.zeros((len(items), args.max_len), dtype=np.int32)
    lex = np.zeros((len(items), args.max_len), dtype=np.int32)
    width = max(5, max(len(r['grams']) for r in items))
    grams = np.zeros((len(items), width), dtype=np.int32)
    for i, r in enumerate(items):
        ids[i, :len(r['ids'])] = r['ids'][:args.max_len]
        lex[i, :len(r['lex'])] = r['lex'][:args.max_len]
        grams[i, :len(r['grams'])] = r['grams']
    return torch.from_numpy(ids), torch.from_numpy(grams), torch.from_numpy(lex)


probs = {}
with torch.no_grad():
    for source in ('airline', 'phrasebank'):
        items = [r for r in rows if r['source'] == source]
        y = np.array([r['y'] for r in items])
        ps = []
        for name, m in zip(names, members):
            out = []
            for i in range(0, len(items), 256):
                o = run_member(name, m, *inputs(items[i:i + 256]))
                out.append((o[0] if isinstance(o, tuple) else o).numpy())
            ps.append(np.concatenate(out))
        probs[source] = (y, np.stack(ps))


def score(w, prior):
    s = {source: scores(y, (np.tensordot(np.asarray(w), ps, 1) * prior).argmax(1)) for source, (y, ps) in probs.items()}
    return selection(s), s


# Only member sets that fit the file budget (5% slack for graph and headers).
grid = [w for w in itertools.product(range(11), repeat=len(names)) if sum(w) == 10
        and 1.05 * sum(sz for sz, wi in zip(sizes, w) if wi) <= BUDGET
        and sum(1 for n, wi in zip(names, w) if wi and arch_of(n) != 'fast') <= args.max_recurrent]
factors = [round(0.6 + 0.1 * i, 1) for i in range(9)]
priors = [(1.0, a, b) for a in factors for b in factors]
# Ties go to the plainest choice: prior factors nearest 1, then the first weights in grid order.
results = sorted(((score([x / 10 for x in w], np.array(pr)), w, pr) for w in grid for pr in priors),
                 key=lambda r: (-round(r[0][0], 6), abs(r[2][1] - 1) + abs(r[2][2] - 1)))
def export(w, prior):
    weights = [x / 10 for x in w]
    model = Ensemble(names, members, weights, list(prior)).eval()
    ids, grams, lex = inputs(rows[:2])
    with_att = any(arch_of(n) == 'bilstm-cnn-attention' and x > 0 for n, x in zip(names, weights))
    outs = ['probabilities'] + (['attention'] if with_att else [])
    axes = {'ids': {0: 'batch', 1: 'length'}, 'grams': {0: 'batch', 1: 'grams'}, 'lex': {0: 'batch', 1: 'length'},
            'probabilities': {0: 'batch'}}
    if with_att:
        axes['attention'] = {0: 'batch', 1: 'length'}
    # No constant folding: it would widen the int8 tables back to float32 in the file.
    torch.onnx.export(model, (ids, grams, lex), f'{args.out}/model.onnx', input_names=['ids', 'grams', 'lex'], output_names=outs,
                      dynamic_axes=axes, opset_version=17, do_constant_folding=False)
    return model, weights


for (best_score, best_sets), best_w, prior in results:
    model, weights = export(best_w, prior)
    if os.path.getsize(f'{args.out}/model.onnx') <= BUDGET:
        break
    print(f'rapport/models: {best_w} exceeds {BUDGET} bytes, trying the next best', flush=True)
plain = score(weights, np.ones(3))
print(json.dumps({'weights': dict(zip(names, weights)), 'prior': prior, 'score': best_score, 'validation': best_sets,
                  'withoutPrior': plain[0]}), flush=True)
json.dump({'arch': 'ensemble', 'seed': None, 'bestEpoch': 0, 'epochsRun': 0, 'trainSeconds': 0,
           'parameters': sum(t.numel() for m, w in zip(members, weights) if w for t in m.state_dict().values()),
           'hyper': {'weights': dict(zip(names, weights)), 'prior': dict(zip(['negative', 'neutral', 'positive'], prior)),
                     'grid': 'weights: simplex, step 0.1; prior factors 0.6-1.4', 'embeddings': 'int8, per-row float16 scale'},
           'validation': best_sets, 'validationScoreWithoutPrior': round(plain[0], 4),
           'top5': [[list(w), list(pr), round(s[0], 4)] for s, w, pr in results[:5]]},
          open(f'{args.out}/training.json', 'w'), indent=1)
