"""The architectures. Every model maps int32 ids [batch, length] (0 = padding) and lexicon ids `lex` [batch, length]
(models/tokenizer/lexicon.ts) to class probabilities [batch, 3] in the order negative, neutral, positive. Inputs are
int32 so JavaScript feeds Int32Array as is (no BigInt per id); the graph widens them once."""
import torch
from torch import nn

NEG = -1e4  # finite "minus infinity", so an all-padding row gives uniform attention instead of NaN
LEX_ZERO = 17  # lexicon id of a token without valence; ids 1..33 are valences -4..4 in quarter steps, 0 pads
LEX_IDS = 2 * LEX_ZERO
LEX_FEATURES = 7


class LexFeatures(nn.Module):
    """Sentence-level lexicon scores from the lexicon ids: sums of positive and of negative valence, their difference,
    tanh(difference / 4), whether any positive / any negative word occurs, and whether none does."""

    def __init__(self):
        super().__init__()
        values = [0.0] + [(i - LEX_ZERO) / 4 for i in range(1, LEX_IDS)]
        self.register_buffer('values', torch.tensor(values, dtype=torch.float32))

    def forward(self, lex):
        v = self.values[lex.long()]
        pos, neg = v.clamp(min=0).sum(1), (-v).clamp(min=0).sum(1)
        anyp, anyn = (pos > 0).to(torch.float32), (neg > 0).to(torch.float32)
        return torch.stack([pos, neg, pos - neg, torch.tanh((pos - neg) / 4), anyp, anyn, (1 - anyp) * (1 - anyn)], 1)


class LexLogits(nn.Module):
    """The lexicon's direct say in a model's logits: a linear map of the sentence-level lexicon scores."""

    def __init__(self):
        super().__init__()
        self.features = LexFeatures()
        self.linear = nn.Linear(LEX_FEATURES, 3)

    def forward(self, lex):
        return self.linear(self.features(lex))


class Fast(nn.Module):
    """fastText-style: mean of word and hashed n-gram embeddings (padding excluded), then one linear layer, plus the
    lexicon scores' linear term."""

    def __init__(self, vocab_size, buckets, dim=16, dropout=0.2):
        super().__init__()
        self.words = nn.Embedding(vocab_size, dim, padding_idx=0)
        self.grams = nn.Embedding(buckets + 1, dim, padding_idx=0)
        self.drop = nn.Dropout(dropout)
        self.out = nn.Linear(dim, 3)
        self.lex = LexLogits()
        nn.init.uniform_(self.words.weight, -0.05, 0.05)
        nn.init.uniform_(self.grams.weight, -0.05, 0.05)
        with torch.no_grad():
            self.words.weight[0].zero_()
            self.grams.weight[0].zero_()

    def forward(self, ids, grams, lex):
        ids, grams = ids.long(), grams.long()
        n = (ids != 0).sum(1, keepdim=True) + (grams != 0).sum(1, keepdim=True)
        h = (self.words(ids).sum(1) + self.grams(grams).sum(1)) / n.clamp(min=1).to(torch.float32)
        return torch.softmax(self.out(self.drop(h)) + self.lex(lex), -1)


class PretrainedEmbedding(nn.Module):
    """The training-time form of a word embedding started from pretrained vectors: a frozen table (one row per token,
    zeros for tokens without a vector) times a learned projection to the model's width, plus a learned per-token
    correction (`delta` 'all': every token; 'oov': only tokens without a pretrained vector). Tokens without a vector
    start from a random vector as plain nn.Embedding rows do; the others from their projected vector. `fold()` returns
    the plain nn.Embedding the exported graph holds, so the graph and its speed are those of a learned embedding."""

    def __init__(self, table, dim, delta='all'):
        super().__init__()
        has = (table != 0).any(1)
        self.register_buffer('table', table / table[has].std())  # unit spread, whatever the vectors' scale
        self.proj = nn.Linear(table.shape[1], dim, bias=False)
        self.delta = nn.Embedding(table.shape[0], dim, padding_idx=0)
        with torch.no_grad():
            self.delta.weight[has] = 0
            self.delta.weight[0] = 0
        self.register_buffer('delta_mask', (torch.ones_like(has) if delta == 'all' else ~has).to(torch.float32)[:, None])

    def weight(self):
        return self.proj(self.table) + self.delta.weight * self.delta_mask

    def forward(self, ids):
        return self.proj(self.table[ids]) + self.delta(ids) * self.delta_mask[ids]

    def fold(self):
        emb = nn.Embedding(self.table.shape[0], self.proj.out_features, padding_idx=0)
        with torch.no_grad():
            emb.weight.copy_(self.weight())
        return emb


def masked_max(h, mask):
    return h.masked_fill(~mask.unsqueeze(-1), NEG).max(1).values


class CnnBiLstm(nn.Module):
    """Seed 000: embedding → CNN → max-pooling → BiLSTM → dense → softmax. Each token's embedding is extended by an
    embedding of its lexicon id, and the lexicon scores add a linear term to the logits."""

    def __init__(self, vocab_size, emb=48, conv=64, hidden=48, dense=64, dropout=0.5, lex_dim=8):
        super().__init__()
        self.emb = nn.Embedding(vocab_size, emb, padding_idx=0)
        self.lex_emb = nn.Embedding(LEX_IDS, lex_dim, padding_idx=0)
        self.lex = LexLogits()
        self.conv = nn.Conv1d(emb + lex_dim, conv, 3, padding=1)
        self.pool = nn.MaxPool1d(2, ceil_mode=True)
        self.lstm = nn.LSTM(conv, hidden, batch_first=True, bidirectional=True)
        self.drop = nn.Dropout(dropout)
        self.dense = nn.Linear(2 * hidden, dense)
        self.out = nn.Linear(dense, 3)

    def forward(self, ids, lex):
        ids = ids.long()
        mask = ids != 0
        x = self.drop(torch.cat([self.emb(ids), self.lex_emb(lex.long())], -1)).transpose(1, 2)
        x = self.pool(torch.relu(self.conv(x)))
        m = self.pool(mask.unsqueeze(1).to(torch.float32)).squeeze(1) > 0
        h, _ = self.lstm(x.transpose(1, 2))
        h = self.drop(masked_max(h, m))
        return torch.softmax(self.out(self.drop(torch.relu(self.dense(h)))) + self.lex(lex), -1)


class BiLstmCnnAttention(nn.Module):
    """Seed 002 without BERT: embedding → BiLSTM ×2 → CNN + max-pool → attention → dense → softmax.
    Returns (probabilities, attention [batch, length]); the attention is over token positions, for explanations.
    Lexicon ids enter as for CnnBiLstm."""

    def __init__(self, vocab_size, emb=48, h1=48, h2=32, conv=64, dense=64, dropout=0.5, lex_dim=8):
        super().__init__()
        self.emb = nn.Embedding(vocab_size, emb, padding_idx=0)
        self.lex_emb = nn.Embedding(LEX_IDS, lex_dim, padding_idx=0)
        self.lex = LexLogits()
        self.lstm1 = nn.LSTM(emb + lex_dim, h1, batch_first=True, bidirectional=True)
        self.lstm2 = nn.LSTM(2 * h1, h2, batch_first=True, bidirectional=True)
        self.conv = nn.Conv1d(2 * h2, conv, 3, padding=1)
        self.pool = nn.MaxPool1d(3, stride=1, padding=1)  # keeps one position per token
        self.att = nn.Linear(conv, conv)
        self.att_v = nn.Linear(conv, 1, bias=False)
        self.drop = nn.Dropout(dropout)
        self.dense = nn.Linear(conv, dense)
        self.out = nn.Linear(dense, 3)

    def forward(self, ids, lex):
        ids = ids.long()
        mask = ids != 0
        h, _ = self.lstm1(self.drop(torch.cat([self.emb(ids), self.lex_emb(lex.long())], -1)))
        h, _ = self.lstm2(self.drop(h))
        c = self.pool(torch.relu(self.conv(h.transpose(1, 2)))).transpose(1, 2)
        scores = self.att_v(torch.tanh(self.att(c))).squeeze(-1).masked_fill(~mask, NEG)
        a = torch.softmax(scores, -1)
        ctx = (a.unsqueeze(-1) * c).sum(1)
        probs = torch.softmax(self.out(self.drop(torch.relu(self.dense(self.drop(ctx))))) + self.lex(lex), -1)
        return probs, a


class Linear(nn.Module):
    """Logistic regression over binary hashed n-grams (tf-idf weighted, L2-normalised) plus the lexicon scores, fitted
    by scikit-learn (linear.py) and copied in. One float16 row per bucket holds the three class weights times the
    bucket's idf and the idf squared, so a text costs one gather and a sum: logits = Σ w·idf / sqrt(Σ idf²)."""

    def __init__(self, buckets):
        super().__init__()
        self.register_buffer('table', torch.zeros(buckets + 1, 4, dtype=torch.float16))
        self.lex = LexLogits()

    def set_weights(self, weight, idf, lex_weight, bias):
        self.table.copy_(torch.cat([weight * idf[:, None], (idf ** 2)[:, None]], 1).half())
        self.lex.linear.weight.copy_(lex_weight)
        self.lex.linear.bias.copy_(bias)

    def forward(self, grams, lex):
        s = self.table[grams.long()].float().sum(1)  # gather, then widen only the rows used
        return torch.softmax(s[:, :3] / s[:, 3:].sqrt().clamp(min=1e-6) + self.lex(lex), -1)

def build(arch, vocab_size, buckets, dim=0, dropout=-1.0):
    kw = {k: v for k, v in (('dropout', dropout),) if v >= 0}
    if arch == 'fast':
        return Fast(vocab_size, buckets, **({'dim': dim} if dim else {}), **kw)
    if arch == 'cnn-bilstm':
        return CnnBiLstm(vocab_size, **({'emb': dim} if dim else {}), **kw)
    if arch == 'bilstm-cnn-attention':
        return BiLstmCnnAttention(vocab_size, **({'emb': dim} if dim else {}), **kw)
    if arch == 'linear':
        return Linear(buckets)
    raise SystemExit(f'rapport/models: unknown architecture {arch}')

