#include "SERKernels.h"

#include <math.h>

/* No fused multiply-adds: a * b + c rounds twice in every clone below, so the AVX2 and
 * AVX-512 clones (which could fuse) give the bits of the baseline one on every CPU. This
 * pragma, not a -ffp-contract flag, so that the package needs no unsafe build flags. */
#pragma clang fp contract(off)

/* IEEE square root without errno: correctly rounded like sqrt/sqrtf, but clang may
 * vectorise it (a libm call that can set errno stops the vectoriser unless the whole target
 * is built with -fno-math-errno, an unsafe flag). */
#if defined(__has_builtin)
#if __has_builtin(__builtin_elementwise_sqrt)
#define SER_SQRT(x) __builtin_elementwise_sqrt(x)
#endif
#endif
#ifndef SER_SQRT
#define SER_SQRT(x) _Generic((x), float: sqrtf, default: sqrt)(x)
#endif

/* Loops whose arithmetic is the same element by element at any vector width get an AVX2
 * clone beside the baseline one, chosen at load time by the CPU (ifunc; Linux x86-64 only).
 * FMA contraction is off (the pragma above), so both clones round identically. */
#if defined(__linux__) && defined(__x86_64__) && defined(__clang__)
#define SER_MULTIVERSION __attribute__((target_clones("avx2", "default")))
#else
#define SER_MULTIVERSION
#endif
/* The LSTM cell and optimizer loops also get an AVX-512 clone (16 lanes): the same arithmetic again. */
#if defined(__linux__) && defined(__x86_64__) && defined(__clang__)
#define SER_MULTIVERSION_WIDE __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define SER_MULTIVERSION_WIDE
#endif
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Inserts v into the ascending a[0 .. count), giving count + 1 values. */
static void insert_ascending(float v, size_t count, float *a) {
    size_t j = count;
    while (j > 0 && a[j - 1] > v) { a[j] = a[j - 1]; j--; }
    a[j] = v;
}

/* Drops the largest of the ascending a[0 .. count) and inserts v (< it) in order. */
static void replace_largest(float v, size_t count, float *a) {
    size_t j = count - 1;
    while (j > 0 && a[j - 1] > v) { a[j] = a[j - 1]; j--; }
    a[j] = v;
}

/* Drops the smallest of the ascending a[0 .. count) and inserts v (> it) in order. */
static void replace_smallest(float v, size_t count, float *a) {
    size_t j = 0;
    while (j + 1 < count && a[j + 1] < v) { a[j] = a[j + 1]; j++; }
    a[j] = v;
}

/* Offers v to the q smallest kept so far in out[0 .. *kept). */
static void offer_small(float v, size_t q, size_t *kept, float *out) {
    if (*kept < q) { insert_ascending(v, *kept, out); (*kept)++; }
    else if (v < out[q - 1]) replace_largest(v, q, out);
}

/* Offers v to the q largest kept so far in out[0 .. *kept). */
static void offer_large(float v, size_t q, size_t *kept, float *out) {
    if (*kept < q) { insert_ascending(v, *kept, out); (*kept)++; }
    else if (v > out[0]) replace_smallest(v, q, out);
}

/* Bit j set where block[j] <= bound (smallest) or block[j] >= bound (largest), j < width
 * (8 or 16). */
static inline unsigned block_mask(const float *block, size_t width, float bound, int smallest) {
#if defined(__SSE2__)
    __m128 t = _mm_set1_ps(bound);
    unsigned mask = 0;
    for (size_t i = 0; i < width / 4; i++) {
        __m128 v = _mm_loadu_ps(block + 4 * i);
        __m128 c = smallest ? _mm_cmple_ps(v, t) : _mm_cmpge_ps(v, t);
        mask |= (unsigned)_mm_movemask_ps(c) << (4 * i);
    }
    return mask;
#else
    unsigned mask = 0;
    for (size_t j = 0; j < width; j++)
        mask |= (unsigned)(smallest ? block[j] <= bound : block[j] >= bound) << j;
    return mask;
#endif
}

/* Sort m[0 .. 8) and m[0 .. 16) ascending with Batcher's odd-even merge networks (19 and 63
 * branch-free compare-exchanges in a fixed order, generated from the textbook recursion and
 * checked against a sort): cheaper than insertions that mispredict. */
#define CE(a, b) { float x = m[a], y = m[b]; m[a] = y < x ? y : x; m[b] = y < x ? x : y; }
static inline void sort8(float *m) {
    CE(0, 1) CE(2, 3) CE(4, 5) CE(6, 7) CE(0, 2) CE(1, 3) CE(4, 6) CE(5, 7)
    CE(1, 2) CE(5, 6) CE(0, 4) CE(1, 5) CE(2, 6) CE(3, 7) CE(2, 4) CE(3, 5)
    CE(1, 2) CE(3, 4) CE(5, 6)
}
static inline void sort16(float *m) {
    CE(0, 1) CE(2, 3) CE(4, 5) CE(6, 7) CE(8, 9) CE(10, 11) CE(12, 13) CE(14, 15)
    CE(0, 2) CE(1, 3) CE(4, 6) CE(5, 7) CE(8, 10) CE(9, 11) CE(12, 14) CE(13, 15)
    CE(1, 2) CE(5, 6) CE(9, 10) CE(13, 14) CE(0, 4) CE(1, 5) CE(2, 6) CE(3, 7)
    CE(8, 12) CE(9, 13) CE(10, 14) CE(11, 15) CE(2, 4) CE(3, 5) CE(10, 12) CE(11, 13)
    CE(1, 2) CE(3, 4) CE(5, 6) CE(9, 10) CE(11, 12) CE(13, 14) CE(0, 8) CE(1, 9)
    CE(2, 10) CE(3, 11) CE(4, 12) CE(5, 13) CE(6, 14) CE(7, 15) CE(4, 8) CE(5, 9)
    CE(6, 10) CE(7, 11) CE(2, 4) CE(3, 5) CE(6, 8) CE(7, 9) CE(10, 12) CE(11, 13)
    CE(1, 2) CE(3, 4) CE(5, 6) CE(7, 8) CE(9, 10) CE(11, 12) CE(13, 14)
}
#undef CE

/*
 * Two passes instead of a sort, `width` (8 or 16, at least q) values at a time. The first
 * keeps `width` running minima (maxima), lane j over the values at width*b + j of the whole
 * blocks: they are distinct values, so their q-th smallest (largest), T, found by the
 * sorting network, has at least q values of the row at or beyond it. The second pass takes
 * a bit mask of the values at or beyond the bound a block at a time and offers only those;
 * once q are kept the bound tightens to the q-th kept. On speech spectra a band holds a few
 * such values (q to 2q), so most of the work is vector compares. (Appending the candidates
 * branch-free and ordering them with the network instead of insertions measured 3 % slower
 * over the whole feature set.) Rows shorter than one block are offered value by value.
 */
static inline __attribute__((always_inline)) void select_blocks(
    const float *restrict row, size_t n, size_t q, float *restrict out, int smallest, size_t width) {
    size_t blocks = n / width;
    size_t kept = 0;
    if (blocks == 0) {
        for (size_t k = 0; k < n; k++)
            smallest ? offer_small(row[k], q, &kept, out) : offer_large(row[k], q, &kept, out);
        return;
    }
    float m[16];
    for (size_t j = 0; j < width; j++) m[j] = row[j];
    for (size_t b = 1; b < blocks; b++) {
        const float *block = row + b * width;
        if (smallest)
            for (size_t j = 0; j < width; j++) m[j] = block[j] < m[j] ? block[j] : m[j];
        else
            for (size_t j = 0; j < width; j++) m[j] = block[j] > m[j] ? block[j] : m[j];
    }
    if (width == 8) sort8(m); else sort16(m);
    float bound = smallest ? m[q - 1] : m[width - q];
    for (size_t b = 0; b < blocks; b++) {
        const float *block = row + b * width;
        unsigned mask = block_mask(block, width, bound, smallest);
        while (mask) {
            float v = block[__builtin_ctz(mask)];
            mask &= mask - 1;
            if (smallest) offer_small(v, q, &kept, out); else offer_large(v, q, &kept, out);
        }
        if (kept == q) bound = smallest ? out[q - 1] : out[0];
    }
    for (size_t k = blocks * width; k < n; k++)
        if (smallest ? row[k] <= bound : row[k] >= bound)
            smallest ? offer_small(row[k], q, &kept, out) : offer_large(row[k], q, &kept, out);
}

/* q = 1 is a plain minimum (maximum), with 16 running values the vectoriser keeps in
 * registers. Always inlined, like select_extreme, so that `smallest` is a constant in each
 * public entry point: clang -O2 does not split these loops on it by itself (-O3 does). */
static inline __attribute__((always_inline)) float extreme(const float *restrict row, size_t n, int smallest) {
    float m[16];
    size_t k = 0;
    for (size_t j = 0; j < 16; j++) m[j] = row[0];
    for (; k + 16 <= n; k += 16) {
        if (smallest)
            for (size_t j = 0; j < 16; j++) m[j] = row[k + j] < m[j] ? row[k + j] : m[j];
        else
            for (size_t j = 0; j < 16; j++) m[j] = row[k + j] > m[j] ? row[k + j] : m[j];
    }
    float e = m[0];
    for (size_t j = 1; j < 16; j++) e = smallest ? (m[j] < e ? m[j] : e) : (m[j] > e ? m[j] : e);
    for (; k < n; k++) e = smallest ? (row[k] < e ? row[k] : e) : (row[k] > e ? row[k] : e);
    return e;
}

static inline __attribute__((always_inline)) void select_extreme(
    const float *restrict row, size_t n, size_t q, float *restrict out, int smallest) {
    if (q == 1) {
        out[0] = extreme(row, n, smallest);
    } else if (q <= 8) {
        select_blocks(row, n, q, out, smallest, 8);
    } else if (q <= 16) {
        select_blocks(row, n, q, out, smallest, 16);
    } else {
        size_t kept = 0;
        for (size_t k = 0; k < n; k++)
            smallest ? offer_small(row[k], q, &kept, out) : offer_large(row[k], q, &kept, out);
    }
}

void ser_select_smallest(const float *restrict row, size_t n, size_t q, float *restrict out) {
    select_extreme(row, n, q, out, 1);
}

void ser_select_largest(const float *restrict row, size_t n, size_t q, float *restrict out) {
    select_extreme(row, n, q, out, 0);
}

SER_MULTIVERSION
float ser_dot(const float *restrict a, const float *restrict b, size_t n) {
    float acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    size_t k = 0;
    for (; k + 8 <= n; k += 8)
        for (size_t j = 0; j < 8; j++) acc[j] += a[k + j] * b[k + j];
    float sum = ((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7]));
    for (; k < n; k++) sum += a[k] * b[k];
    return sum;
}

SER_MULTIVERSION
void ser_window_double(const double *restrict w, const float *restrict x, double *restrict out, size_t n) {
    for (size_t j = 0; j < n; j++) out[j] = w[j] * (double)x[j];
}

SER_MULTIVERSION
void ser_magnitude_power(const double *restrict spectrum, size_t bins, float *restrict magnitude, float *restrict power) {
    for (size_t k = 0; k < bins; k++) {
        double re = (double)(float)spectrum[2 * k];
        double im = (double)(float)spectrum[2 * k + 1];
        float m = (float)SER_SQRT(re * re + im * im);
        magnitude[k] = m;
        power[k] = m * m;
    }
}

float ser_max(const float *restrict x, size_t n) {
    return extreme(x, n, 0);
}

long ser_first_nonfinite(const float *restrict x, size_t n) {
    enum { BLOCK = 64 };
    size_t k = 0;
    for (; k + BLOCK <= n; k += BLOCK) {
        /* Exponent all ones = NaN or infinity; test a block without branching. */
        int bad = 0;
        for (size_t j = 0; j < BLOCK; j++) {
            union { float f; unsigned u; } v = { x[k + j] };
            bad |= (v.u & 0x7f800000u) == 0x7f800000u;
        }
        if (bad) break;
    }
    for (; k < n; k++)
        if (!isfinite(x[k])) return (long)k;
    return -1;
}

/* Moves the k-th smallest of x[0 .. n) to x[k], smaller-or-equal values before it and
 * greater-or-equal after (Hoare partition around a median of three). */
static void select_kth(float *x, size_t n, size_t k) {
    size_t lo = 0, hi = n - 1;
    while (hi > lo) {
        size_t mid = lo + (hi - lo) / 2;
        float a = x[lo], b = x[mid], c = x[hi];
        float pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
        size_t i = lo, j = hi;
        while (i <= j) {
            while (x[i] < pivot) i++;
            while (x[j] > pivot) j--;
            if (i <= j) {
                float t = x[i]; x[i] = x[j]; x[j] = t;
                i++;
                if (j == 0) break;
                j--;
            }
        }
        if (k <= j) hi = j;
        else if (k >= i) lo = i;
        else return;
    }
}

float ser_median(float *x, size_t n) {
    size_t m = n / 2;
    select_kth(x, n, m);
    if (n % 2 == 1) return x[m];
    float below = x[0];
    for (size_t j = 1; j < m; j++) below = x[j] > below ? x[j] : below;
    return (below + x[m]) / 2;
}

/* Natural logarithm of a positive normal float, branch-free (Cephes logf): x = m * 2^e with
 * m in [sqrt(1/2), sqrt(2)), log(m) by a degree-9 polynomial in m - 1, e * ln 2 added in two
 * parts (0.693359375 exactly, then -2.12194440e-4) so that no rounding is lost. */
static inline float log_positive(float x) {
    union { float f; unsigned u; } v = { x };
    int e = (int)((v.u >> 23) & 0xff) - 126;
    v.u = (v.u & 0x007fffffu) | 0x3f000000u; /* mantissa in [0.5, 1) */
    float m = v.f;
    int small = m < 0.707106781186547524f;
    e -= small;
    m = small ? m + m - 1.0f : m - 1.0f;
    float z = m * m;
    float y = 7.0376836292e-2f;
    y = y * m - 1.1514610310e-1f;
    y = y * m + 1.1676998740e-1f;
    y = y * m - 1.2420140846e-1f;
    y = y * m + 1.4249322787e-1f;
    y = y * m - 1.6668057665e-1f;
    y = y * m + 2.0000714765e-1f;
    y = y * m - 2.4999993993e-1f;
    y = y * m + 3.3333331174e-1f;
    y = y * m * z;
    float fe = (float)e;
    y += -2.12194440e-4f * fe;
    y += -0.5f * z;
    return m + y + 0.693359375f * fe;
}

SER_MULTIVERSION
float ser_power_to_db(float *restrict x, size_t n, float amin, float offset) {
    const float scale = 4.342944819032518f; /* 10 / ln 10 */
    for (size_t i = 0; i < n; i++) {
        float v = x[i] > amin ? x[i] : amin;
        x[i] = scale * log_positive(v) - offset;
    }
    return extreme(x, n, 0);
}

SER_MULTIVERSION
void ser_add_column_sums(const float *restrict x, size_t rows, size_t cols, float *restrict sum) {
    for (size_t r = 0; r < rows; r++) {
        const float *row = x + r * cols;
        for (size_t j = 0; j < cols; j++) sum[j] += row[j];
    }
}

/* Eigen's [13/6] rational tanh on [-9, 9], clamped: SERModel's FastMath.tanh, same
 * constants (hex, so that no compiler rounds a decimal differently) and the same order. */
static inline float rational_tanh(float value) {
    float x = value > 9 ? 9 : (value < -9 ? -9 : value);
    float x2 = x * x;
    float p = -0x1.3e4b8p-52f;
    p = p * x2 + 0x1.c266fcp-43f;
    p = p * x2 + -0x1.7a6ffep-34f;
    p = p * x2 + 0x1.b80082p-25f;
    p = p * x2 + 0x1.f28694p-17f;
    p = p * x2 + 0x1.4e1bdap-11f;
    p = p * x2 + 0x1.40b3b8p-8f;
    p = p * x;
    float q = 0x1.41a7bp-20f;
    q = q * x2 + 0x1.f12bacp-14f;
    q = q * x2 + 0x1.29540ap-9f;
    q = q * x2 + 0x1.40b3bap-8f;
    return p / q;
}

static inline float rational_sigmoid(float x) {
    return 0.5f + 0.5f * rational_tanh(0.5f * x);
}

SER_MULTIVERSION_WIDE
void ser_lstm_forward(float *restrict gates, const float *restrict bias, const float *restrict c_prev, float *restrict c,
                      float *restrict tc, float *restrict h, size_t rows, size_t hidden) {
    const size_t hh = hidden;
    for (size_t r = 0; r < rows; r++) {
        float *g = gates + r * 4 * hh;
        for (size_t k = 0; k < 2 * hh; k++) g[k] = rational_sigmoid(g[k] + bias[k]);
        for (size_t k = 2 * hh; k < 3 * hh; k++) g[k] = rational_tanh(g[k] + bias[k]);
        for (size_t k = 3 * hh; k < 4 * hh; k++) g[k] = rational_sigmoid(g[k] + bias[k]);
        const float *gi = g, *gf = g + hh, *gc = g + 2 * hh, *go = g + 3 * hh;
        const float *cp = c_prev + r * hh;
        float *cn = c + r * hh, *t = tc + r * hh, *hn = h + r * hh;
#pragma clang loop vectorize(assume_safety)
        for (size_t j = 0; j < hh; j++) {
            float cell = gf[j] * cp[j] + gi[j] * gc[j];
            cn[j] = cell;
            float tj = rational_tanh(cell);
            t[j] = tj;
            hn[j] = go[j] * tj;
        }
    }
}

SER_MULTIVERSION_WIDE
void ser_lstm_backward(float *restrict gates, const float *restrict c_prev, const float *restrict tc,
                       const float *restrict d_out, size_t ld_out, const float *restrict dh_carry,
                       float *restrict dc_carry, size_t rows, size_t hidden) {
    const size_t hh = hidden;
    for (size_t r = 0; r < rows; r++) {
        float *g = gates + r * 4 * hh;
        float *gi = g, *gf = g + hh, *gc = g + 2 * hh, *go = g + 3 * hh;
        const float *cp = c_prev + r * hh, *t = tc + r * hh, *d_o = d_out + r * ld_out, *dhc = dh_carry + r * hh;
        float *dcc = dc_carry + r * hh;
        /* gi..go are four disjoint hh-wide slices of one row, which clang cannot prove. */
#pragma clang loop vectorize(assume_safety)
        for (size_t j = 0; j < hh; j++) {
            float i = gi[j], f = gf[j], cc = gc[j], o = go[j], tj = t[j];
            float dh = dhc[j] + d_o[j];
            float dc = dcc[j] + dh * o * (1 - tj * tj);
            dcc[j] = dc * f;
            gi[j] = dc * cc * i * (1 - i);
            gf[j] = dc * cp[j] * f * (1 - f);
            gc[j] = dc * i * (1 - cc * cc);
            go[j] = dh * tj * o * (1 - o);
        }
    }
}

SER_MULTIVERSION_WIDE
void ser_adam_step(float *restrict parameters, const float *restrict gradient, float *restrict first,
                   float *restrict second, size_t count, float alpha, float b1, float b2, float epsilon) {
    for (size_t k = 0; k < count; k++) {
        float g = gradient[k];
        float m = first[k] + (g - first[k]) * b1;
        float v = second[k] + (g * g - second[k]) * b2;
        first[k] = m;
        second[k] = v;
        parameters[k] -= (m * alpha) / (SER_SQRT(v) + epsilon);
    }
}

SER_MULTIVERSION_WIDE
void ser_add(float *restrict total, const float *restrict x, size_t n) {
    for (size_t k = 0; k < n; k++) total[k] += x[k];
}

SER_MULTIVERSION_WIDE
double ser_sum_squares(const float *restrict x, size_t n) {
    double acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    size_t k = 0;
    for (; k + 8 <= n; k += 8)
        for (size_t j = 0; j < 8; j++) acc[j] += (double)x[k + j] * (double)x[k + j];
    double sum = ((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7]));
    for (; k < n; k++) sum += (double)x[k] * (double)x[k];
    return sum;
}
