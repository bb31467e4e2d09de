// SERKernels: the few inner loops of ser's numeric code that Swift does not vectorise.
//
// Plain C99, no intrinsics: written so that clang's loop and SLP vectorisers turn them into
// SSE2 on baseline x86-64 (and NEON on arm64) without changing a result's rounding except
// where a function's comment says so. Pure functions over caller-owned buffers: no
// allocation, no globals (SERGEMM.h caches one CPU check), safe to call from any thread.
// The exception to "no intrinsics" is SERGEMM.h's AVX-512 matrix product, included here. SERFeatures and SERModel import this
// module (internal import), so no C type reaches a public API.
#ifndef SER_KERNELS_H
#define SER_KERNELS_H

#include <stddef.h>

#include "SERGEMM.h"

/// The q smallest of row[0 .. n), written ascending to out[0 .. q) (1 <= q <= n).
///
/// The same multiset, in the same order, as the first q values of an ascending sort (all
/// values finite; equal values are interchangeable bits unless they are -0 and +0).
void ser_select_smallest(const float *row, size_t n, size_t q, float *out);

/// The q largest of row[0 .. n), written ascending to out[0 .. q) (1 <= q <= n): the last q
/// values of an ascending sort.
void ser_select_largest(const float *row, size_t n, size_t q, float *out);

/// sum over k of a[k] * b[k], in float32 with eight partial sums (the order of the additions
/// differs from a sequential loop by rounding only, as BLAS's does).
float ser_dot(const float *a, const float *b, size_t n);

/// out[j] = w[j] * (double)x[j] for j < n.
void ser_window_double(const double *w, const float *x, double *out, size_t n);

/// For each of the `bins` complex values (re, im) interleaved in `spectrum` (double):
/// rounds both parts to float32, as numpy's cast to complex64, then
/// magnitude[k] = (float)sqrt(re*re + im*im) computed in double (|z| correctly rounded
/// to float32) and power[k] = magnitude[k] * magnitude[k] in float32.
void ser_magnitude_power(const double *spectrum, size_t bins, float *magnitude, float *power);

/// librosa's power_to_db over float32 values in place, before its top_db clamp:
/// x[i] = 10 * log10(max(amin, x[i])) - offset, returning the largest result (n >= 1). The logarithm
/// is a vectorisable polynomial (Cephes' logf: within 2 ulp of glibc's log10f over the
/// positive normal floats), not a libm call per value.
float ser_power_to_db(float *x, size_t n, float amin, float offset);

/// The largest of x[0 .. n) (n >= 1), NaN-free input.
float ser_max(const float *x, size_t n);

/// Index of the first NaN or infinity in x[0 .. n), or -1 if every value is finite.
long ser_first_nonfinite(const float *x, size_t n);

/// numpy.median of x[0 .. n) (n >= 1) in float32: the middle value, or the float32 mean of
/// the two middle values when n is even. Reorders x (quickselect, expected O(n)).
float ser_median(float *x, size_t n);

/// sum[j] += Σ over r < rows of x[r * cols + j], for j < cols (column sums added in row
/// order, the same additions as a row-by-row loop).
void ser_add_column_sums(const float *x, size_t rows, size_t cols, float *sum);

/// LSTM forward cell over `rows` batch rows, in place, the same arithmetic as SERModel's
/// FastMath and LSTMKernels Swift reference (bit for bit): gates [rows, 4H] hold the
/// pre-activations without bias in Keras order [i | f | c | o]; adds `bias` [4H], applies
/// sigmoid to i, f, o and tanh to c~ (tanh: Eigen's [13/6] rational on [-9, 9], clamped;
/// sigmoid(x) = 1/2 + tanh(x/2)/2), then c = f*cPrev + i*c~, tc = tanh(c), h = o*tc
/// (cPrev, c, tc, h are [rows, H]).
void ser_lstm_forward(float *gates, const float *bias, const float *c_prev, float *c, float *tc, float *h,
                      size_t rows, size_t hidden);

/// LSTM cell backward over `rows` rows, in place: on entry gates [rows, 4H] hold the
/// activated gates of the step, on exit the gradient w.r.t. their pre-activations.
/// dh = dh_carry + d_out (d_out row stride ld_out); dc_carry enters as dL/dc_t and leaves as
/// dL/dc_{t-1}.
void ser_lstm_backward(float *gates, const float *c_prev, const float *tc, const float *d_out, size_t ld_out,
                       const float *dh_carry, float *dc_carry, size_t rows, size_t hidden);

/// One Adam step over `count` parameters, in place, in exactly SERModel's order:
/// m += (g - m)·b1, v += (g² - v)·b2, p -= (m·alpha) / (sqrt(v) + epsilon), where b1 = 1 - β1,
/// b2 = 1 - β2 and alpha is the bias-corrected learning rate (no fused multiply-adds, so
/// every vector width gives the bits of the scalar loop).
void ser_adam_step(float *parameters, const float *gradient, float *first, float *second, size_t count, float alpha,
                   float b1, float b2, float epsilon);

/// total[k] += x[k] for k < n.
void ser_add(float *total, const float *x, size_t n);

/// Σ x[k]² in double, with eight partial sums (as ser_dot: the order differs from a
/// sequential loop by rounding only).
double ser_sum_squares(const float *x, size_t n);

#endif
