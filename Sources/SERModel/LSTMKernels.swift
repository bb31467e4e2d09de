internal import SERKernels

/// The fused element-wise parts of one LSTM time step, over `rows` batch rows at once.
///
/// The loops are C (SERKernels: vectorised by clang, with an AVX2 clone) computing exactly
/// ``FastMath``'s `tanh`/`sigmoid` in the same order as a Swift loop would — bit for bit, as
/// the tests check against a Swift reference — because Swift left them scalar-latency-bound
/// (a fifth of an epoch).
///
/// Gate pre-activations are stored per row as `[i | f | c | o]`, each `H` wide (Keras order),
/// so one row of `gates` is `4H` floats. All buffers are row-major `[rows, …]`.
enum LSTMKernels {
    /// Adds the bias and activates the gates in place (`σ` on i, f, o; `tanh` on c̃), then
    /// computes `c = f·c_prev + i·c̃`, `tc = tanh(c)`, `h = o·tc`.
    ///
    /// - Parameters: `gates [rows, 4H]` (pre-activations without bias), `bias [4H]`; `cPrev`,
    ///   `c`, `tc`, `h` are `[rows, H]`.
    static func forward(
        gates: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, cPrev: UnsafePointer<Float>,
        c: UnsafeMutablePointer<Float>, tc: UnsafeMutablePointer<Float>, h: UnsafeMutablePointer<Float>, rows: Int,
        hidden: Int
    ) {
        ser_lstm_forward(gates, bias, cPrev, c, tc, h, rows, hidden)
    }

    /// One step of backpropagation through the cell, in place: on entry `gates` holds the
    /// activated gates of this step, on exit the gradient w.r.t. the gate pre-activations.
    ///
    /// `dh = dhCarry + dOut`; `dcCarry` enters as ∂L/∂c_t from the future and leaves as
    /// ∂L/∂c_{t-1}. Shapes: `gates [rows, 4H]`, the others `[rows, H]` (`dOut` with row
    /// stride `ldOut`).
    static func backward(
        gates: UnsafeMutablePointer<Float>, cPrev: UnsafePointer<Float>, tc: UnsafePointer<Float>,
        dOut: UnsafePointer<Float>, ldOut: Int, dhCarry: UnsafePointer<Float>,
        dcCarry: UnsafeMutablePointer<Float>, rows: Int, hidden: Int
    ) {
        ser_lstm_backward(gates, cPrev, tc, dOut, ldOut, dhCarry, dcCarry, rows, hidden)
    }
}
