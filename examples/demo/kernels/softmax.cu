// Fused softmax kernels.

/**
 * One-pass softmax: the running maximum and the normalizer are updated together, as in
 * "Online normalizer calculation for softmax" (Milakov and Gimelshein, 2018),
 * https://arxiv.org/abs/1805.02867
 */
__global__ void online_softmax(const float* x, float* y, int n) {
  float m = -1e30f, d = 0.f;
  for (int i = 0; i < n; ++i) {
    float mi = fmaxf(m, x[i]);
    d = d * __expf(m - mi) + __expf(x[i] - mi);
    m = mi;
  }
  for (int i = 0; i < n; ++i) y[i] = __expf(x[i] - m) / d;
}
