#include "SERGEMM.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* Products and sums round separately unless an intrinsic fuses them on purpose (the
 * kernel's _mm512_fmadd_ps): the same rule as SERKernels.c, without an unsafe -ffp-contract flag. */
#pragma clang fp contract(off)

#if defined(__x86_64__) && defined(__clang__)
#include <immintrin.h>
#define SER_GEMM_X86 1
#endif

/* Block sizes, measured on Zen 4 (1 MiB L2, 32 KiB L1d per core) over the LSTM's shapes:
 * a tile of C is MR rows × NV vectors of 16 columns, held in MR·NV = 24 of the 32 zmm
 * registers for a whole block of KC terms; per term it loads NV vectors of B's row and
 * broadcasts MR values of A. One KC × 64 panel of B is 64 KiB and is read MR rows at a
 * time from L2; A's MR-row strip is a few cache lines per term. (MR 12 × 2 vectors, 8 × 3,
 * 7 × 4, KC 64 and 128 were each 2–20 % slower.) */
enum { MR = 6, NV = 4, NR = 16 * NV, KC = 256 };

int ser_gemm_supports(ser_gemm_isa isa) {
    switch (isa) {
    case SER_GEMM_PORTABLE: return 1;
#if defined(SER_GEMM_X86)
    case SER_GEMM_AVX2: return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    case SER_GEMM_AVX512: return __builtin_cpu_supports("avx512f");
#endif
    default: return 0;
    }
}

static atomic_int chosen = -1;

ser_gemm_isa ser_gemm_kernel(void) {
    int state = atomic_load_explicit(&chosen, memory_order_relaxed);
    if (state >= 0) return (ser_gemm_isa)state;
    const char *cap = getenv("SER_GEMM_ISA");
    ser_gemm_isa widest = SER_GEMM_AVX512;
    if (cap && strcmp(cap, "avx2") == 0) widest = SER_GEMM_AVX2;
    if (cap && strcmp(cap, "portable") == 0) widest = SER_GEMM_PORTABLE;
    state = SER_GEMM_PORTABLE;
    for (int isa = widest; isa > SER_GEMM_PORTABLE; isa--)
        if (ser_gemm_supports((ser_gemm_isa)isa)) {
            state = isa;
            break;
        }
    atomic_store_explicit(&chosen, state, memory_order_relaxed);
    return (ser_gemm_isa)state;
}

#if defined(SER_GEMM_X86)
/* One tile: C[0 .. mr, 0 .. 64) (+)= Σ_{p < kc} A(i, p) · B[p, ·], the columns beyond the
 * matrix masked off in every load and store of B and C. */
__attribute__((target("avx512f"), always_inline)) static inline void tile(
    const int mr, size_t kc, const float *a, size_t a_row, size_t a_col, const float *b, size_t ldb, float *c,
    size_t ldc, const __mmask16 *mask, int accumulate) {
    __m512 acc[MR][NV];
    for (int i = 0; i < mr; i++)
        for (int v = 0; v < NV; v++) acc[i][v] = _mm512_setzero_ps();
    for (size_t p = 0; p < kc; p++) {
        __m512 row[NV];
        for (int v = 0; v < NV; v++) row[v] = _mm512_maskz_loadu_ps(mask[v], b + p * ldb + 16 * v);
        const float *ap = a + p * a_col;
        for (int i = 0; i < mr; i++) {
            __m512 x = _mm512_set1_ps(ap[i * a_row]);
            for (int v = 0; v < NV; v++) acc[i][v] = _mm512_fmadd_ps(x, row[v], acc[i][v]);
        }
    }
    for (int i = 0; i < mr; i++)
        for (int v = 0; v < NV; v++) {
            float *ci = c + i * ldc + 16 * v;
            __m512 r = acc[i][v];
            if (accumulate) r = _mm512_add_ps(_mm512_maskz_loadu_ps(mask[v], ci), r);
            _mm512_mask_storeu_ps(ci, mask[v], r);
        }
}

/* The row count as a constant, so that each tile's accumulators live in registers. */
#define SER_TILE(R) case R: tile(R, kc, a, a_row, a_col, b, ldb, c, ldc, mask, accumulate); break;
__attribute__((target("avx512f"))) static void tile_rows(
    int mr, size_t kc, const float *a, size_t a_row, size_t a_col, const float *b, size_t ldb, float *c, size_t ldc,
    const __mmask16 *mask, int accumulate) {
    switch (mr) {
        SER_TILE(1) SER_TILE(2) SER_TILE(3) SER_TILE(4) SER_TILE(5) SER_TILE(6)
        default: break;
    }
}
#undef SER_TILE

__attribute__((target("avx512f"))) static void gemm_avx512(
    size_t m, size_t n, size_t k, const float *a, size_t a_row, size_t a_col, const float *b, size_t ldb, float *c,
    size_t ldc, int accumulate) {
    for (size_t p0 = 0; p0 == 0 || p0 < k; p0 += KC) {
        size_t kc = k - p0 < KC ? k - p0 : KC;
        int add = accumulate || p0 > 0;
        for (size_t j0 = 0; j0 < n; j0 += NR) {
            __mmask16 mask[NV];
            for (int v = 0; v < NV; v++) {
                size_t start = j0 + 16 * (size_t)v;
                size_t left = n > start ? n - start : 0;
                mask[v] = left >= 16 ? (__mmask16)0xffff : (__mmask16)((1u << left) - 1);
            }
            for (size_t i0 = 0; i0 < m; i0 += MR) {
                int mr = m - i0 < MR ? (int)(m - i0) : MR;
                tile_rows(mr, kc, a + i0 * a_row + p0 * a_col, a_row, a_col, b + p0 * ldb + j0, ldb, c + i0 * ldc + j0,
                          ldc, mask, add);
            }
        }
        if (k == 0) break;
    }
}

/* The AVX2 + FMA kernel, the same scheme in 16 ymm registers: a tile of C is MR2 = 6 rows × 2
 * vectors of 8 columns (12 accumulators), per term 2 vectors of B's row loaded and 6 values
 * of A broadcast. Unlike the AVX-512 kernel it works on copies: B's rows lie 2 KiB apart for
 * n = 512, which maps a KC × 16 panel onto two sets of the L1 cache, and A's rows 236–512
 * bytes apart, six cache lines per term; so each KC × 16 panel of B is copied contiguous
 * (zero beyond column n) into L1 for all the tiles of an MC2-row block, and the block's A
 * into 6-row strips, 6 consecutive floats per term, once for all the panels. (Measured on
 * Zen 3 over the LSTM's shapes: 20–100 % faster than reading both where they lie; 4 × 3 and
 * 3 × 4 tiles were 2× slower, MC2 48 and 192 no better.) Per element it performs the same
 * operations in the same order as the AVX-512 kernel — one fused multiply-add per term from
 * zero within each block of KC terms, then one add to C — so the two give the same bits. */
enum { MR2 = 6, NV2 = 2, NR2 = 8 * NV2, MC2 = 96 };

static pthread_key_t strip_key;
static pthread_once_t strip_once = PTHREAD_ONCE_INIT;
static void strip_key_make(void) { pthread_key_create(&strip_key, free); }

/* This thread's MC2 × KC buffer for A's strips (freed when the thread ends), or NULL. */
static float *strip_buffer(void) {
    pthread_once(&strip_once, strip_key_make);
    float *buffer = pthread_getspecific(strip_key);
    if (!buffer) {
        buffer = aligned_alloc(64, sizeof(float) * MC2 * KC);
        if (buffer && pthread_setspecific(strip_key, buffer) != 0) {
            free(buffer);
            buffer = NULL;
        }
    }
    return buffer;
}

/* One tile: C[0 .. mr, 0 .. 16) (+)= Σ_{p < kc} A(i, p) · B[p, ·] with A a strip (a[p·MR2 + i])
 * and B a panel (b[p·NR2 + j]); with `masked`, only the columns in `mask` of C are touched. */
__attribute__((target("avx2,fma"), always_inline)) static inline void tile2(
    const int mr, const int masked, size_t kc, const float *a, const float *b, float *c, size_t ldc, const __m256i *mask,
    int accumulate) {
    __m256 acc[MR2][NV2];
    for (int i = 0; i < mr; i++)
        for (int v = 0; v < NV2; v++) acc[i][v] = _mm256_setzero_ps();
    for (size_t p = 0; p < kc; p++) {
        __m256 row[NV2];
        for (int v = 0; v < NV2; v++) row[v] = _mm256_loadu_ps(b + p * NR2 + 8 * v);
        for (int i = 0; i < mr; i++) {
            __m256 x = _mm256_broadcast_ss(a + p * MR2 + i);
            for (int v = 0; v < NV2; v++) acc[i][v] = _mm256_fmadd_ps(x, row[v], acc[i][v]);
        }
    }
    for (int i = 0; i < mr; i++)
        for (int v = 0; v < NV2; v++) {
            float *ci = c + i * ldc + 8 * v;
            __m256 r = acc[i][v];
            if (masked) {
                if (accumulate) r = _mm256_add_ps(_mm256_maskload_ps(ci, mask[v]), r);
                _mm256_maskstore_ps(ci, mask[v], r);
            } else {
                if (accumulate) r = _mm256_add_ps(_mm256_loadu_ps(ci), r);
                _mm256_storeu_ps(ci, r);
            }
        }
}

#define SER_TILE2(R)                                                                                                   \
    case R:                                                                                                            \
        if (masked) tile2(R, 1, kc, a, b, c, ldc, mask, accumulate);                                                   \
        else tile2(R, 0, kc, a, b, c, ldc, mask, accumulate);                                                          \
        break;
__attribute__((target("avx2,fma"))) static void tile2_rows(
    int mr, int masked, size_t kc, const float *a, const float *b, float *c, size_t ldc, const __m256i *mask,
    int accumulate) {
    switch (mr) {
        SER_TILE2(1) SER_TILE2(2) SER_TILE2(3) SER_TILE2(4) SER_TILE2(5) SER_TILE2(6)
        default: break;
    }
}
#undef SER_TILE2

/* B's panels for the AVX2 kernel: block p0 (KC terms), panel j0 (NR2 columns) is kc × NR2
 * floats at p0 · npad + j0 · kc, npad = n rounded up to NR2, zero beyond column n. */
static size_t padded_columns(size_t n) { return (n + NR2 - 1) / NR2 * NR2; }

/* With `packed`, B's panels are read from it (ser_gemm_pack's layout) instead of copied from
 * b. Returns 0 when no strip buffer could be had (the caller falls back to the plain loop). */
__attribute__((target("avx2,fma"))) static int gemm_avx2(
    size_t m, size_t n, size_t k, const float *a, size_t a_row, size_t a_col, const float *b, size_t ldb,
    const float *packed, float *c, size_t ldc, int accumulate) {
    float *strips = strip_buffer();
    if (!strips) return 0;
    float panel[KC * NR2] __attribute__((aligned(32)));
    for (size_t p0 = 0; p0 == 0 || p0 < k; p0 += KC) {
        size_t kc = k - p0 < KC ? k - p0 : KC;
        int add = accumulate || p0 > 0;
        for (size_t i1 = 0; i1 < m; i1 += MC2) {
            size_t i2 = m - i1 < MC2 ? m : i1 + MC2;
            for (size_t i0 = i1; i0 < i2; i0 += MR2) {
                size_t mr = i2 - i0 < MR2 ? i2 - i0 : MR2;
                float *strip = strips + (i0 - i1) * kc;
                for (size_t p = 0; p < kc; p++)
                    for (size_t i = 0; i < mr; i++) strip[p * MR2 + i] = a[(i0 + i) * a_row + (p0 + p) * a_col];
            }
            for (size_t j0 = 0; j0 < n; j0 += NR2) {
                size_t width = n - j0 < NR2 ? n - j0 : NR2;
                __m256i mask[NV2];
                for (int v = 0; v < NV2; v++) {
                    size_t start = 8 * (size_t)v;
                    int left = width > start ? (int)(width - start) : 0;
                    mask[v] = _mm256_cmpgt_epi32(_mm256_set1_epi32(left > 8 ? 8 : left),
                                                 _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
                }
                const float *source = panel;
                if (packed) {
                    source = packed + p0 * padded_columns(n) + j0 * kc;
                } else {
                    const float *bp = b + p0 * ldb + j0;
                    for (size_t p = 0; p < kc; p++)
                        for (int v = 0; v < NV2; v++)
                            _mm256_store_ps(panel + p * NR2 + 8 * v, _mm256_maskload_ps(bp + p * ldb + 8 * v, mask[v]));
                }
                int masked = width < NR2;
                for (size_t i0 = i1; i0 < i2; i0 += MR2) {
                    int mr = i2 - i0 < MR2 ? (int)(i2 - i0) : MR2;
                    tile2_rows(mr, masked, kc, strips + (i0 - i1) * kc, source, c + i0 * ldc + j0, ldc, mask, add);
                }
            }
        }
        if (k == 0) break;
    }
    return 1;
}
#endif

void ser_gemm_portable(size_t m, size_t n, size_t k, const float *a, size_t a_row, size_t a_col, const float *b,
                       size_t ldb, float *c, size_t ldc, int accumulate) {
    if (m == 0 || n == 0) return;
    for (size_t i = 0; i < m; i++) {
        float *ci = c + i * ldc;
        if (!accumulate)
            for (size_t j = 0; j < n; j++) ci[j] = 0;
        for (size_t p = 0; p < k; p++) {
            float x = a[i * a_row + p * a_col];
            const float *bp = b + p * ldb;
            for (size_t j = 0; j < n; j++) ci[j] += x * bp[j];
        }
    }
}

void ser_gemm_avx512(size_t m, size_t n, size_t k, const float *a, size_t a_row, size_t a_col, const float *b,
                     size_t ldb, float *c, size_t ldc, int accumulate) {
    if (m == 0 || n == 0) return;
#if defined(SER_GEMM_X86)
    gemm_avx512(m, n, k, a, a_row, a_col, b, ldb, c, ldc, accumulate);
#else
    ser_gemm_portable(m, n, k, a, a_row, a_col, b, ldb, c, ldc, accumulate);
#endif
}

void ser_gemm_avx2(size_t m, size_t n, size_t k, const float *a, size_t a_row, size_t a_col, const float *b,
                   size_t ldb, float *c, size_t ldc, int accumulate) {
    if (m == 0 || n == 0) return;
#if defined(SER_GEMM_X86)
    if (gemm_avx2(m, n, k, a, a_row, a_col, b, ldb, NULL, c, ldc, accumulate)) return;
#endif
    ser_gemm_portable(m, n, k, a, a_row, a_col, b, ldb, c, ldc, accumulate);
}

void ser_gemm(size_t m, size_t n, size_t k, const float *a, size_t a_row, size_t a_col, const float *b, size_t ldb,
              float *c, size_t ldc, int accumulate) {
    switch (ser_gemm_kernel()) {
    case SER_GEMM_AVX512: ser_gemm_avx512(m, n, k, a, a_row, a_col, b, ldb, c, ldc, accumulate); return;
    case SER_GEMM_AVX2: ser_gemm_avx2(m, n, k, a, a_row, a_col, b, ldb, c, ldc, accumulate); return;
    default: ser_gemm_portable(m, n, k, a, a_row, a_col, b, ldb, c, ldc, accumulate); return;
    }
}

size_t ser_gemm_packed_size(ser_gemm_isa isa, size_t k, size_t n) {
#if defined(SER_GEMM_X86)
    if (isa == SER_GEMM_AVX2) return k * padded_columns(n);
#endif
    (void)isa;
    return k * n;
}

void ser_gemm_pack(ser_gemm_isa isa, size_t k, size_t n, const float *b, size_t b_row, size_t b_col, float *packed) {
#if defined(SER_GEMM_X86)
    if (isa == SER_GEMM_AVX2) {
        size_t npad = padded_columns(n);
        for (size_t p0 = 0; p0 < k; p0 += KC) {
            size_t kc = k - p0 < KC ? k - p0 : KC;
            for (size_t j0 = 0; j0 < npad; j0 += NR2) {
                float *panel = packed + p0 * npad + j0 * kc;
                for (size_t p = 0; p < kc; p++)
                    for (size_t j = 0; j < NR2; j++)
                        panel[p * NR2 + j] = j0 + j < n ? b[(p0 + p) * b_row + (j0 + j) * b_col] : 0;
            }
        }
        return;
    }
#endif
    (void)isa;
    for (size_t p = 0; p < k; p++)
        for (size_t j = 0; j < n; j++) packed[p * n + j] = b[p * b_row + j * b_col];
}

void ser_gemm_packed(ser_gemm_isa isa, size_t m, size_t n, size_t k, const float *a, size_t a_row, size_t a_col,
                     const float *packed, float *c, size_t ldc, int accumulate) {
    if (m == 0 || n == 0) return;
    switch (isa) {
#if defined(SER_GEMM_X86)
    case SER_GEMM_AVX512: gemm_avx512(m, n, k, a, a_row, a_col, packed, n, c, ldc, accumulate); return;
    case SER_GEMM_AVX2:
        if (gemm_avx2(m, n, k, a, a_row, a_col, NULL, 0, packed, c, ldc, accumulate)) return;
        /* No strip buffer: the plain loop over the panels' columns (same contract, slow). */
        for (size_t i = 0; i < m; i++)
            for (size_t j = 0; j < n; j++) {
                float sum = accumulate ? c[i * ldc + j] : 0;
                for (size_t p = 0; p < k; p++) {
                    size_t p0 = p / KC * KC, kc = k - p0 < KC ? k - p0 : KC, j0 = j / NR2 * NR2;
                    sum += a[i * a_row + p * a_col] * packed[p0 * padded_columns(n) + j0 * kc + (p - p0) * NR2 + j - j0];
                }
                c[i * ldc + j] = sum;
            }
        return;
#endif
    default: ser_gemm_portable(m, n, k, a, a_row, a_col, packed, n, c, ldc, accumulate); return;
    }
}

void ser_transpose(const float *restrict x, size_t rows, size_t cols, float *restrict out) {
    enum { BLOCK = 32 };
    for (size_t i0 = 0; i0 < rows; i0 += BLOCK)
        for (size_t j0 = 0; j0 < cols; j0 += BLOCK) {
            size_t i1 = i0 + BLOCK < rows ? i0 + BLOCK : rows, j1 = j0 + BLOCK < cols ? j0 + BLOCK : cols;
            for (size_t i = i0; i < i1; i++)
                for (size_t j = j0; j < j1; j++) out[j * rows + i] = x[i * cols + j];
        }
}
