"""A minimal stand-in for einops' ``rearrange``, for machines without the einops package.

Only what the reference benchmark needs: named axes, parenthesised groups on both sides, ``...``
and sizes given as keyword arguments. It reshapes to the elementary axes, permutes them and
reshapes to the right-hand groups, as einops does.
"""

from math import prod


def _parse(side):
    groups, i, tokens = [], 0, side.replace("(", " ( ").replace(")", " ) ").split()
    while i < len(tokens):
        if tokens[i] == "(":
            j = tokens.index(")", i)
            groups.append(tokens[i + 1 : j])
            i = j + 1
        else:
            groups.append([tokens[i]])
            i += 1
    return groups


def _expand(groups, rest):
    out = []
    for g in groups:
        out.extend([[f"_ell{k}"] for k in range(rest)] if g == ["..."] else [g])
    return out


def rearrange(tensor, pattern, **sizes):
    left, right = (s.strip() for s in pattern.split("->"))
    lgroups = _parse(left)
    rest = tensor.dim() - (len(lgroups) - 1)
    lgroups = _expand(lgroups, rest)
    if len(lgroups) != tensor.dim():
        raise ValueError(f"pattern {pattern!r} does not match a tensor of rank {tensor.dim()}")
    known = dict(sizes)
    for group, dim in zip(lgroups, tensor.shape):
        unknown = [a for a in group if a not in known]
        fixed = prod(known[a] for a in group if a in known)
        if len(unknown) > 1:
            raise ValueError(f"cannot infer the sizes of {unknown} in {pattern!r}")
        if unknown:
            known[unknown[0]] = dim // fixed
    names = [a for g in lgroups for a in g]
    rgroups = _expand(_parse(right), rest)
    rnames = [a for g in rgroups for a in g]
    if sorted(names) != sorted(rnames):
        raise ValueError(f"axes differ between the sides of {pattern!r}")
    t = tensor.reshape([known[a] for a in names])
    t = t.permute([names.index(a) for a in rnames])
    return t.reshape([prod(known[a] for a in g) for g in rgroups])
