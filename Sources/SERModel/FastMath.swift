/// The `tanh` and logistic sigmoid the gate kernels compute: the reference that SERKernels'
/// C cell kernels match bit for bit (they use the same constants in the same order; the
/// kernel tests compare against these).
///
/// `tanh` is a [13/6] rational minimax approximation on [-9, 9] (the form used by Eigen's
/// `generic_fast_tanh_float`), clamped to ±1 outside; maximum absolute error 3.5e-7 in
/// float32 (checked in the tests against `Foundation.tanh`). `sigmoid(x) = ½ + ½·tanh(x/2)`.
/// Only multiplies, adds, one divide and compares, so loops over these auto-vectorise.
enum FastMath {
    @inline(__always)
    static func tanh(_ value: Float) -> Float {
        let x = value > 9 ? 9 : (value < -9 ? -9 : value)
        let x2 = x * x
        var p: Float = -2.76076847742355e-16
        p = p * x2 + 2.00018790482477e-13
        p = p * x2 + -8.60467152213735e-11
        p = p * x2 + 5.12229709037114e-08
        p = p * x2 + 1.48572235717979e-05
        p = p * x2 + 6.37261928875436e-04
        p = p * x2 + 4.89352455891786e-03
        p = p * x
        var q: Float = 1.19825839466702e-06
        q = q * x2 + 1.18534705686654e-04
        q = q * x2 + 2.26843463243900e-03
        q = q * x2 + 4.89352518554385e-03
        return p / q
    }

    @inline(__always)
    static func sigmoid(_ x: Float) -> Float {
        0.5 + 0.5 * tanh(0.5 * x)
    }
}
