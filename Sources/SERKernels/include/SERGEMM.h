// SERGEMM: a single-precision matrix product for the LSTM's own shapes, with an AVX-512 and an
// AVX2 + FMA kernel.
//
// The one place SERKernels uses intrinsics: register-tiled GEMMs compiled with target
// attributes and chosen at run time by CPU features — AVX-512 (6 × 64 tiles, operands read
// where they lie) and AVX2 + FMA (6 × 16 tiles, A's strips and B's panels copied contiguous
// first) — and a plain C loop everywhere else. The two vector kernels perform each element's
// operations in the same order, so they give the same bits. docs/BENCHMARKS-gemm.md compares
// them on the LSTM's shapes and whole epochs with OpenBLAS, libxsmm and BLIS: they are what
// SERModel runs the LSTM on wherever the CPU has one of them, OpenBLAS elsewhere.
#ifndef SER_GEMM_H
#define SER_GEMM_H

#include <stddef.h>

/// The kernels of ser_gemm: a plain C loop, AVX2 + FMA (8-float ymm vectors), AVX-512F.
typedef enum { SER_GEMM_PORTABLE = 0, SER_GEMM_AVX2 = 1, SER_GEMM_AVX512 = 2 } ser_gemm_isa;

/// 1 when this CPU (and OS) can run the kernel `isa`, else 0.
int ser_gemm_supports(ser_gemm_isa isa);

/// The kernel ser_gemm runs in this process: the widest the CPU supports, capped by the
/// environment variable SER_GEMM_ISA (`avx2` or `portable`; for comparisons). Decided once.
ser_gemm_isa ser_gemm_kernel(void);

/// C[m, n] = A·B, or C += A·B when `accumulate` is non-zero; float32 throughout.
///
/// A is m×k, element (i, p) at a[i * a_row + p * a_col]: a row-major [m, k] matrix is
/// (a_row, a_col) = (lda, 1), and the transpose of a stored [k, m] matrix is (1, lda).
/// B is row-major [k, n] with row stride ldb, C row-major [m, n] with row stride ldc.
/// The sum over p runs in blocks of 256 in ascending order, each block's partial sum added
/// to C in turn, so results are the same on every call with the same inputs (no threads,
/// no dependence on alignment). Without AVX2 + FMA a plain loop computes the same product
/// (correct, not fast; it may round differently). C must not overlap A or B.
void ser_gemm(size_t m, size_t n, size_t k, const float *a, size_t a_row, size_t a_col, const float *b, size_t ldb,
              float *c, size_t ldc, int accumulate);

/// ser_gemm on its AVX-512 kernel, or on its AVX2 + FMA kernel, whatever ser_gemm_kernel()
/// chose (same contract; the caller checks ser_gemm_supports first): tests run every kernel
/// the machine has, benchmarks compare them. The two give the same bits.
void ser_gemm_avx512(size_t m, size_t n, size_t k, const float *a, size_t a_row, size_t a_col, const float *b,
                     size_t ldb, float *c, size_t ldc, int accumulate);
void ser_gemm_avx2(size_t m, size_t n, size_t k, const float *a, size_t a_row, size_t a_col, const float *b,
                   size_t ldb, float *c, size_t ldc, int accumulate);

/// The plain loop ser_gemm falls back to without AVX2 (same contract), callable anywhere
/// so that tests exercise it on every machine.
void ser_gemm_portable(size_t m, size_t n, size_t k, const float *a, size_t a_row, size_t a_col, const float *b,
                       size_t ldb, float *c, size_t ldc, int accumulate);

/// Floats ser_gemm_pack writes for a B of k × n on the kernel `isa`.
size_t ser_gemm_packed_size(ser_gemm_isa isa, size_t k, size_t n);

/// Copies B (k × n, element (p, j) at b[p * b_row + j * b_col]: (ldb, 1) for a row-major
/// [k, n] matrix, (1, ldb) for the transpose of a stored [n, k]) into the layout the kernel
/// `isa` reads (ser_gemm_packed_size floats): a B used by many products — the LSTM's recurrent
/// weights, once per time step — is laid out once instead of on every call.
void ser_gemm_pack(ser_gemm_isa isa, size_t k, size_t n, const float *b, size_t b_row, size_t b_col, float *packed);

/// ser_gemm on the kernel `isa` with B given as ser_gemm_pack laid it out for that kernel:
/// the same bits as ser_gemm_avx512 / ser_gemm_avx2 / ser_gemm_portable on the unpacked B.
void ser_gemm_packed(ser_gemm_isa isa, size_t m, size_t n, size_t k, const float *a, size_t a_row, size_t a_col,
                     const float *packed, float *c, size_t ldc, int accumulate);

/// out[j * rows + i] = x[i * cols + j]: the [cols, rows] transpose of row-major x [rows, cols].
void ser_transpose(const float *x, size_t rows, size_t cols, float *out);

#endif
