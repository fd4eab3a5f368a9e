"""The ``Rearrange`` module of einops, over the stand-in ``rearrange``."""

import torch.nn as nn

from einops import rearrange


class Rearrange(nn.Module):
    def __init__(self, pattern, **sizes):
        super().__init__()
        self.pattern, self.sizes = pattern, sizes

    def forward(self, x):
        return rearrange(x, self.pattern, **self.sizes)
