"""Rectified Adam."""

import math


class RAdam:
    """Adam with a rectified adaptive learning rate.

    The variance of the adaptive rate is large in the first steps; RAdam switches the
    adaptive term on only once it is tractable. See "On the Variance of the Adaptive Learning
    Rate and Beyond", https://arxiv.org/abs/1908.03265.
    """

    def __init__(self, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):
        self.lr, self.betas, self.eps = lr, betas, eps
        self.state = {}

    # The length of the approximated simple moving average, rho_t, follows eq. (6) of
    # arXiv:1908.03265v4; below 5 the update falls back to momentum SGD.
    def rho(self, step):
        beta2 = self.betas[1]
        rho_inf = 2 / (1 - beta2) - 1
        return rho_inf - 2 * step * beta2**step / (1 - beta2**step)

    def rectification(self, step):
        rho_t, rho_inf = self.rho(step), 2 / (1 - self.betas[1]) - 1
        if rho_t <= 5:
            return None
        return math.sqrt(((rho_t - 4) * (rho_t - 2) * rho_inf)
                         / ((rho_inf - 4) * (rho_inf - 2) * rho_t))


class Adam:
    """The original method of Kingma & Ba (2014), arXiv:1412.6980."""
