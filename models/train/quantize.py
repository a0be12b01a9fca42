"""int8 storage for embedding tables, so more ensemble members fit in the 5 MB file."""
import torch
from torch import nn


class Int8Embedding(nn.Module):
    """An embedding table stored as int8 with one float16 scale per row (symmetric, absmax / 127)."""

    def __init__(self, emb):
        super().__init__()
        w = emb.weight.detach()
        scale = (w.abs().max(1, keepdim=True).values / 127).clamp(min=1e-8)
        self.register_buffer('weight', torch.round(w / scale).to(torch.int8))
        self.register_buffer('scale', scale.half())

    def forward(self, ids):
        return self.weight[ids].float() * self.scale[ids].float()  # gather, then widen only the rows used


def quantize(module):
    for name, child in module.named_children():
        if isinstance(child, nn.Embedding):
            setattr(module, name, Int8Embedding(child))
        else:
            quantize(child)
    return module


def stored_bytes(module):
    # what the exported file holds, give or take headers
    return sum(t.numel() * t.element_size() for t in module.state_dict().values())
