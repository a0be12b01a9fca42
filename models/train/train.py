"""Trains one architecture on token and lexicon ids written by models/train/index.ts and exports it to ONNX (opset 17).
Usage: train.py --data ids.jsonl --arch NAME --vocab-size N --buckets B --max-len L --out DIR [--seed S]"""
import argparse, json, random, re, time
import numpy as np
import torch
from sklearn.metrics import accuracy_score, f1_score
from archs import LEX_ZERO, PretrainedEmbedding, build

torch.set_num_threads(1)
p = argparse.ArgumentParser()
for a, t, d in [('data', str, None), ('arch', str, None), ('out', str, None), ('vocab-size', int, None),
                ('buckets', int, 0), ('max-len', int, 48), ('seed', int, 13), ('epochs', int, 15),
                ('patience', int, 3), ('batch', int, 32), ('lr', float, 2e-3), ('class-weight', float, 0.5),
                ('state', str, ''), ('dim', int, 0), ('dropout', float, -1.0), ('weight-decay', float, 0.0),
                ('lex-dropout', float, 0.0), ('glove', str, ''), ('tokens', str, ''), ('glove-delta', str, 'all'),
                ('ema', float, 0.0), ('agreement-power', float, 0.0)]:
    p.add_argument('--' + a, type=t, default=d)
args = p.parse_args()
random.seed(args.seed); np.random.seed(args.seed); torch.manual_seed(args.seed)

rows = [json.loads(l) for l in open(args.data)]
fast = args.arch == 'fast'


def tensors(items, fixed):
    def pad(seqs, width):
        m = np.zeros((len(seqs), max(width, 5)), dtype=np.int64)
        for i, s in enumerate(seqs):
            m[i, :len(s)] = s[:m.shape[1]]
        return torch.from_numpy(m)
    ids = [r['ids'] for r in items]
    width = args.max_len if fixed else max(map(len, ids))
    x = [pad(ids, width)]
    if fast:
        g = [r['grams'] for r in items]
        x.append(pad(g, max(map(len, g))))
    x.append(pad([r['lex'] for r in items], width))
    # Each example weighs (annotator agreement) ** power in the loss: 1 for all at power 0.
    w = torch.tensor([r.get('agreement', 1.0) for r in items], dtype=torch.float32) ** args.agreement_power
    return x, torch.tensor([r['y'] for r in items]), w


def batches(items, shuffle):
    order = list(range(len(items)))
    if shuffle:
        random.shuffle(order)
    for i in range(0, len(order), args.batch):
        yield tensors([items[j] for j in order[i:i + args.batch]], not fast)


train = [r for r in rows if r['split'] == 'train']
val = [r for r in rows if r['split'] == 'validation']
model = build(args.arch, args.vocab_size, args.buckets, dim=args.dim, dropout=args.dropout)


def glove_table(folder, tokens_file):
    """The pretrained vector of each vocabulary token that is a word (letters, inner apostrophes), else zeros: the
    tokenizer's own tokens (<url>, <user>, <num>, <unk>), emoji and punctuation keep a learned vector."""
    words = json.load(open(f'{folder}/words.json'))
    vectors = np.fromfile(f'{folder}/vectors.f32', dtype=np.float32).reshape(len(words), -1)
    row = {w: i for i, w in enumerate(words)}
    table = np.zeros((args.vocab_size, vectors.shape[1]), dtype=np.float32)
    for i, t in enumerate(json.load(open(tokens_file))):
        if i > 1 and t in row and re.fullmatch(r"[^\W\d_]+(?:'[^\W\d_]+)*", t):
            table[i] = vectors[row[t]]
    return torch.from_numpy(table)


if args.glove:
    model.emb = PretrainedEmbedding(glove_table(args.glove, args.tokens), model.emb.embedding_dim, args.glove_delta)
    print(f'rapport/models: {int((model.emb.table != 0).any(1).sum())} of {args.vocab_size} tokens start from GloVe',
          flush=True)
counts = np.bincount([r['y'] for r in train], minlength=3)
weight = torch.tensor((counts.sum() / counts) ** args.class_weight, dtype=torch.float32)
weight = weight / weight.mean()
opt = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
loss_fn = torch.nn.NLLLoss(weight=weight, reduction='none')
mean_agreement = float(np.mean([r.get('agreement', 1.0) ** args.agreement_power for r in train]))


def probs_of(x):
    out = model(*x)
    return out[0] if isinstance(out, tuple) else out


def evaluate(items):
    model.eval()
    pred = []
    with torch.no_grad():
        for x, _, _ in batches(items, False):
            pred += probs_of(x).argmax(-1).tolist()
    y = [r['y'] for r in items]
    return {'accuracy': accuracy_score(y, pred), 'macroF1': f1_score(y, pred, average='macro')}


best, best_state, best_epoch, history, t0 = -1.0, None, 0, [], time.time()
ema = {k: v.clone() for k, v in model.state_dict().items()} if args.ema else None
for epoch in range(1, args.epochs + 1):
    model.train()
    for x, y, w in batches(train, True):
        if args.lex_dropout:
            # Hide some words that carry lexicon valence (word id → unknown), so the model learns to read the lexicon
            # channel too: out of domain, most sentiment words are unknown to the vocabulary.
            ids, lex = x[0], x[-1]
            ids[(lex != LEX_ZERO) & (lex != 0) & (torch.rand(ids.shape) < args.lex_dropout)] = 1
        opt.zero_grad()
        loss = (loss_fn(torch.log(probs_of(x).clamp(min=1e-7)), y) * w).sum() / (weight[y] * mean_agreement).sum()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        opt.step()
        if args.ema:
            with torch.no_grad():
                for k, v in model.state_dict().items():
                    if v.dtype.is_floating_point:
                        ema[k].mul_(args.ema).add_(v, alpha=1 - args.ema)
    if args.ema:  # validate (and keep as the best state) the moving average of the weights, then train on
        live = {k: v.clone() for k, v in model.state_dict().items()}
        model.load_state_dict(ema)
    air = evaluate([r for r in val if r['source'] == 'airline'])
    fpb = evaluate([r for r in val if r['source'] == 'phrasebank'])
    score = air['macroF1'] + 0.5 * fpb['macroF1']  # airline first; business text must not be sacrificed
    history.append({'epoch': epoch, 'airline': air, 'phrasebank': fpb, 'seconds': round(time.time() - t0, 1)})
    print(json.dumps(history[-1]), flush=True)
    if score > best:
        best, best_epoch = score, epoch
        best_state = {k: v.clone() for k, v in model.state_dict().items()}
    if args.ema:
        model.load_state_dict(live)
    if epoch - best_epoch >= args.patience:
        break

model.load_state_dict(best_state)
if args.glove:  # back to a plain embedding table: the exported graph is that of a learned embedding
    model.emb = model.emb.fold()
    best_state = model.state_dict()
if args.state:
    torch.save(best_state, args.state)  # for ensemble.py; kept out of the repository
model.eval()
x, _, _ = tensors(val[:2], not fast)
x = [t.to(torch.int32) for t in x]
names = ['ids', 'grams', 'lex'] if fast else ['ids', 'lex']
outs = ['probabilities', 'attention'] if args.arch == 'bilstm-cnn-attention' else ['probabilities']
axes = {n: {0: 'batch', 1: 'grams' if n == 'grams' else 'length'} for n in names}
axes['probabilities'] = {0: 'batch'}
if len(outs) > 1:
    axes['attention'] = {0: 'batch', 1: 'length'}
torch.onnx.export(model, tuple(x), f'{args.out}/model.onnx', input_names=names, output_names=outs,
                  dynamic_axes=axes, opset_version=17, do_constant_folding=True)
json.dump({'arch': args.arch, 'seed': args.seed, 'bestEpoch': best_epoch, 'epochsRun': len(history),
           'trainSeconds': round(time.time() - t0, 1), 'parameters': sum(p.numel() for p in model.parameters()),
           'hyper': {k: v.rstrip('/').split('/')[-1] if k == 'glove' and v else v  # no machine paths
                     for k, v in vars(args).items() if k not in ('data', 'out', 'state', 'tokens')}, 'history': history},
          open(f'{args.out}/training.json', 'w'), indent=1)
