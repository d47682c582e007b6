"""Attention layers."""

import math


def scaled_dot_product(q, k, v):
    """Scaled dot-product attention from `Attention Is All You Need
    <https://arxiv.org/pdf/1706.03762v7.pdf>`_: softmax(q k^T / sqrt(d)) v."""
    d = len(q[0])
    scores = [[sum(a * b for a, b in zip(row, col)) / math.sqrt(d) for col in k] for row in q]
    return scores, v


class LayerNorm:
    """Layer normalization.

    References
    ----------
    .. [1] J. L. Ba, J. R. Kiros and G. E. Hinton, "Layer Normalization",
       arXiv preprint, 2016. https://arxiv.org/abs/1607.06450
    """


def running_variance(values):
    """Numerically stable one-pass variance.

    References
    ----------
    .. [1] B. P. Welford, "Note on a method for calculating corrected sums of squares
       and products", Technometrics, vol. 4, no. 3, pp. 419-420, 1962.
    """
    count, mean, m2 = 0, 0.0, 0.0
    for x in values:
        count += 1
        delta = x - mean
        mean += delta / count
        m2 += delta * (x - mean)
    return m2 / count if count else float("nan")
