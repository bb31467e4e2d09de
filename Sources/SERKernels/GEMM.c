#include "SERGEMM.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* Products and sums round separately unless an intrinsic fuses them on purpose (the
 * kernel's _mm512_fmadd_ps): the same rule as SERKernels.c, without an unsafe -ffp-contract flag. */
#pragma clang fp contract(off)

#if defined(__x86_64__) && defined(__clang__)
#include <immintrin.h>
#define SER_GEMM_AVX512 1
#endif

/* Block sizes, measured on Zen 4 (1 MiB L2, 32 KiB L1d per core) over the LSTM's shapes:
 * a tile of C is MR rows × NV vectors of 16 columns, held in MR·NV = 24 of the 32 zmm
 * registers for a whole block of KC terms; per term it loads NV vectors of B's row and
 * broadcasts MR values of A. One KC × 64 panel of B is 64 KiB and is read MR rows at a
 * time from L2; A's MR-row strip is a few cache lines per term. (MR 12 × 2 vectors, 8 × 3,
 * 7 × 4, KC 64 and 128 were each 2–20 % slower.) */
enum { MR = 6, NV = 4, NR = 16 * NV, KC = 256 };

static atomic_int fast_state = -1;

int ser_gemm_fast(void) {
    int state = atomic_load_explicit(&fast_state, memory_order_relaxed);
    if (state >= 0) return state;
    state = 0;
#if defined(SER_GEMM_AVX512)
    const char *choice = getenv("SER_GEMM");
    state = __builtin_cpu_supports("avx512f") && !(choice && strcmp(choice, "blas") == 0);
#endif
    atomic_store_explicit(&fast_state, state, memory_order_relaxed);
    return state;
}

#if defined(SER_GEMM_AVX512)
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

void ser_gemm(size_t m, size_t n, size_t k, const float *a, size_t a_row, size_t a_col, const float *b, size_t ldb,
              float *c, size_t ldc, int accumulate) {
    if (m == 0 || n == 0) return;
#if defined(SER_GEMM_AVX512)
    if (ser_gemm_fast()) {
        gemm_avx512(m, n, k, a, a_row, a_col, b, ldb, c, ldc, accumulate);
        return;
    }
#endif
    ser_gemm_portable(m, n, k, a, a_row, a_col, b, ldb, c, ldc, accumulate);
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
