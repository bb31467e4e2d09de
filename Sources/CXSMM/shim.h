#include <libxsmm.h>

/// Calls a JIT kernel from libxsmm_smmdispatch (a variadic function pointer, which Swift
/// cannot call): column-major C (+)= A·B with the shapes and strides it was dispatched for.
static inline void ser_xsmm_call(libxsmm_smmfunction kernel, const float *a, const float *b, float *c) {
    kernel(a, b, c);
}
