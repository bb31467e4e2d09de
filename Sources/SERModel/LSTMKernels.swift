/// The fused element-wise parts of one LSTM time step, over `rows` batch rows at once.
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
        let hh = hidden
        for r in 0..<rows {
            let g = gates + r * 4 * hh
            FastMath.sigmoidInPlace(g, adding: bias, 2 * hh)
            FastMath.tanhInPlace(g + 2 * hh, adding: bias + 2 * hh, hh)
            FastMath.sigmoidInPlace(g + 3 * hh, adding: bias + 3 * hh, hh)
            let gi = g, gf = g + hh, gc = g + 2 * hh, go = g + 3 * hh
            let cp = cPrev + r * hh, cn = c + r * hh, t = tc + r * hh, hn = h + r * hh
            for j in 0..<hh {
                let cell = gf[j] * cp[j] + gi[j] * gc[j]
                cn[j] = cell
                let tj = FastMath.tanh(cell)
                t[j] = tj
                hn[j] = go[j] * tj
            }
        }
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
        let hh = hidden
        for r in 0..<rows {
            let g = gates + r * 4 * hh
            let gi = g, gf = g + hh, gc = g + 2 * hh, go = g + 3 * hh
            let cp = cPrev + r * hh, t = tc + r * hh, dO = dOut + r * ldOut
            let dhc = dhCarry + r * hh, dcc = dcCarry + r * hh
            for j in 0..<hh {
                let i = gi[j], f = gf[j], cc = gc[j], o = go[j], tj = t[j]
                let dh = dhc[j] + dO[j]
                let dc = dcc[j] + dh * o * (1 - tj * tj)
                dcc[j] = dc * f
                gi[j] = dc * cc * i * (1 - i)
                gf[j] = dc * cp[j] * f * (1 - f)
                gc[j] = dc * i * (1 - cc * cc)
                go[j] = dh * tj * o * (1 - o)
            }
        }
    }
}
