"""The three architectures. Every model maps int32 ids [batch, length] (0 = padding) to class probabilities
[batch, 3] in the order negative, neutral, positive. Inputs are int32 so JavaScript feeds Int32Array as is (no
BigInt per id); the graph widens them once."""
import torch
from torch import nn

NEG = -1e4  # finite "minus infinity", so an all-padding row gives uniform attention instead of NaN


class Fast(nn.Module):
    """fastText-style: mean of word and hashed n-gram embeddings (padding excluded), then one linear layer."""

    def __init__(self, vocab_size, buckets, dim=16, dropout=0.2):
        super().__init__()
        self.words = nn.Embedding(vocab_size, dim, padding_idx=0)
        self.grams = nn.Embedding(buckets + 1, dim, padding_idx=0)
        self.drop = nn.Dropout(dropout)
        self.out = nn.Linear(dim, 3)
        nn.init.uniform_(self.words.weight, -0.05, 0.05)
        nn.init.uniform_(self.grams.weight, -0.05, 0.05)
        with torch.no_grad():
            self.words.weight[0].zero_()
            self.grams.weight[0].zero_()

    def forward(self, ids, grams):
        ids, grams = ids.long(), grams.long()
        n = (ids != 0).sum(1, keepdim=True) + (grams != 0).sum(1, keepdim=True)
        h = (self.words(ids).sum(1) + self.grams(grams).sum(1)) / n.clamp(min=1).to(torch.float32)
        return torch.softmax(self.out(self.drop(h)), -1)


def masked_max(h, mask):
    return h.masked_fill(~mask.unsqueeze(-1), NEG).max(1).values


class CnnBiLstm(nn.Module):
    """Seed 000: embedding → CNN → max-pooling → BiLSTM → dense → softmax."""

    def __init__(self, vocab_size, emb=48, conv=64, hidden=48, dense=64, dropout=0.5):
        super().__init__()
        self.emb = nn.Embedding(vocab_size, emb, padding_idx=0)
        self.conv = nn.Conv1d(emb, conv, 3, padding=1)
        self.pool = nn.MaxPool1d(2, ceil_mode=True)
        self.lstm = nn.LSTM(conv, hidden, batch_first=True, bidirectional=True)
        self.drop = nn.Dropout(dropout)
        self.dense = nn.Linear(2 * hidden, dense)
        self.out = nn.Linear(dense, 3)

    def forward(self, ids):
        ids = ids.long()
        mask = ids != 0
        x = self.drop(self.emb(ids)).transpose(1, 2)
        x = self.pool(torch.relu(self.conv(x)))
        m = self.pool(mask.unsqueeze(1).to(torch.float32)).squeeze(1) > 0
        h, _ = self.lstm(x.transpose(1, 2))
        h = self.drop(masked_max(h, m))
        return torch.softmax(self.out(self.drop(torch.relu(self.dense(h)))), -1)


class BiLstmCnnAttention(nn.Module):
    """Seed 002 without BERT: embedding → BiLSTM ×2 → CNN + max-pool → attention → dense → softmax.
    Returns (probabilities, attention [batch, length]); the attention is over token positions, for explanations."""

    def __init__(self, vocab_size, emb=48, h1=48, h2=32, conv=64, dense=64, dropout=0.5):
        super().__init__()
        self.emb = nn.Embedding(vocab_size, emb, padding_idx=0)
        self.lstm1 = nn.LSTM(emb, h1, batch_first=True, bidirectional=True)
        self.lstm2 = nn.LSTM(2 * h1, h2, batch_first=True, bidirectional=True)
        self.conv = nn.Conv1d(2 * h2, conv, 3, padding=1)
        self.pool = nn.MaxPool1d(3, stride=1, padding=1)  # keeps one position per token
        self.att = nn.Linear(conv, conv)
        self.att_v = nn.Linear(conv, 1, bias=False)
        self.drop = nn.Dropout(dropout)
        self.dense = nn.Linear(conv, dense)
        self.out = nn.Linear(dense, 3)

    def forward(self, ids):
        ids = ids.long()
        mask = ids != 0
        h, _ = self.lstm1(self.drop(self.emb(ids)))
        h, _ = self.lstm2(self.drop(h))
        c = self.pool(torch.relu(self.conv(h.transpose(1, 2)))).transpose(1, 2)
        scores = self.att_v(torch.tanh(self.att(c))).squeeze(-1).masked_fill(~mask, NEG)
        a = torch.softmax(scores, -1)
        ctx = (a.unsqueeze(-1) * c).sum(1)
        probs = torch.softmax(self.out(self.drop(torch.relu(self.dense(self.drop(ctx))))), -1)
        return probs, a


def build(arch, vocab_size, buckets, dim=0, dropout=-1.0):
    kw = {k: v for k, v in (('dropout', dropout),) if v >= 0}
    if arch == 'fast':
        return Fast(vocab_size, buckets, **({'dim': dim} if dim else {}), **kw)
    if arch == 'cnn-bilstm':
        return CnnBiLstm(vocab_size, **({'emb': dim} if dim else {}), **kw)
    if arch == 'bilstm-cnn-attention':
        return BiLstmCnnAttention(vocab_size, **({'emb': dim} if dim else {}), **kw)
    raise SystemExit(f'rapport/models: unknown architecture {arch}')
