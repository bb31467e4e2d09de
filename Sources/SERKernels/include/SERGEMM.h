// SERGEMM: a single-precision matrix product for the LSTM's own shapes, with an AVX-512 kernel.
//
// The one place SERKernels uses intrinsics: an AVX-512 register-tiled GEMM that reads both
// operands where they lie (no packing), compiled for AVX-512 with a target attribute and
// chosen at run time, and a plain C loop everywhere else. On the shapes the LSTM trains
// with — weight gradients summing over thousands of frames, input projections, the step
// GEMMs — it runs 5–30 % faster than OpenBLAS 0.3.21 on an AVX-512 CPU, except the
// 59-term input projection, where the two are level (see docs/BENCHMARKS-model.md);
// SERModel calls it only where ser_gemm_fast() says the kernel is there and keeps OpenBLAS
// otherwise.
#ifndef SER_GEMM_H
#define SER_GEMM_H

#include <stddef.h>

/// 1 when ser_gemm runs its AVX-512 kernel: an x86-64 CPU with AVX-512F (and an OS that
/// saves its registers), unless the environment variable SER_GEMM is "blas" (which makes
/// SERModel use OpenBLAS throughout, for comparisons). Decided once per process.
int ser_gemm_fast(void);

/// C[m, n] = A·B, or C += A·B when `accumulate` is non-zero; float32 throughout.
///
/// A is m×k, element (i, p) at a[i * a_row + p * a_col]: a row-major [m, k] matrix is
/// (a_row, a_col) = (lda, 1), and the transpose of a stored [k, m] matrix is (1, lda).
/// B is row-major [k, n] with row stride ldb, C row-major [m, n] with row stride ldc.
/// The sum over p runs in blocks of 256 in ascending order, each block's partial sum added
/// to C in turn, so results are the same on every call with the same inputs (no threads,
/// no dependence on alignment). Without AVX-512 a plain loop computes the same product
/// (correct, not fast; it may round differently). C must not overlap A or B.
void ser_gemm(size_t m, size_t n, size_t k, const float *a, size_t a_row, size_t a_col, const float *b, size_t ldb,
              float *c, size_t ldc, int accumulate);

/// The plain loop ser_gemm falls back to without AVX-512 (same contract), callable anywhere
/// so that tests exercise it on every machine.
void ser_gemm_portable(size_t m, size_t n, size_t k, const float *a, size_t a_row, size_t a_col, const float *b,
                       size_t ldb, float *c, size_t ldc, int accumulate);

/// out[j * rows + i] = x[i * cols + j]: the [cols, rows] transpose of row-major x [rows, cols].
void ser_transpose(const float *x, size_t rows, size_t cols, float *out);

#endif
