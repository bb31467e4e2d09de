/// Preallocated buffers of one LSTM direction in one shard, for up to `maxSteps` time steps
/// and `capacity` batch rows. Packed time-major: step `t` holds only the `active[t]` rows still
/// running, row `r` of step `t` at `(offsets[t] + r)·W` (see ``ShardWorkspace``).
final class DirectionWorkspace: @unchecked Sendable {
    /// Gate activations `[rows, 4H]`; overwritten in place by their gradients in backward.
    let gates: FloatBuffer
    /// Cell states: `b` zero rows (the initial state), then `c_t` at `b + offsets[t]`.
    let c: FloatBuffer
    /// `tanh(c_t)` `[rows, H]`.
    let tc: FloatBuffer
    /// Hidden states `h_t` `[rows, H]`.
    let h: FloatBuffer
    /// The recurrent input of each step, `h_{t-1}` (recurrent-dropout-masked, zeros at
    /// `t = 0`) aligned with the gate rows `[rows, H]`: the left operand of the step GEMM and
    /// of ∂L/∂recurrent_kernel.
    let hPrevious: FloatBuffer
    /// Recurrent dropout mask `[b, H]` (already scaled by `1/(1-p)`).
    let recurrentMask: FloatBuffer?
    /// ∂L/∂h and ∂L/∂c carried backwards through time, `[b, H]` each.
    let dhCarry: FloatBuffer
    let dcCarry: FloatBuffer
    /// Backward direction only: the time-reversed input `[rows, Din]`, its gradient, and the
    /// time-reversed output gradient `[rows, H]`.
    let reversedInput: FloatBuffer?
    let reversedInputGrad: FloatBuffer?
    let reversedOutputGrad: FloatBuffer?
    /// Room for one transposed weight matrix, `4H × max(Din, H)` floats, used by the
    /// engines with `ser_gemm`'s contract in backward: `Uᵀ [4H, H]` during the time loop,
    /// then `Wᵀ [4H, Din]` for ∂L/∂input (one after the other, never both).
    let transposedWeights: FloatBuffer
    /// The recurrent weights laid out for a `ser_gemm` kernel's step GEMMs: `U [H, 4H]` in
    /// forward, `Uᵀ [4H, H]` in backward (``GEMM/pack(_:k:n:b:bRow:bCol:into:)``).
    let packedRecurrent: FloatBuffer

    init(maxSteps: Int, capacity: Int, inputSize: Int, hidden: Int, recurrentDropout: Bool, reversed: Bool) {
        let rows = maxSteps * capacity
        gates = FloatBuffer(count: rows * 4 * hidden)
        c = FloatBuffer(count: (rows + capacity) * hidden)
        tc = FloatBuffer(count: rows * hidden)
        h = FloatBuffer(count: rows * hidden)
        hPrevious = FloatBuffer(count: rows * hidden)
        recurrentMask = recurrentDropout ? FloatBuffer(count: capacity * hidden) : nil
        dhCarry = FloatBuffer(count: capacity * hidden)
        dcCarry = FloatBuffer(count: capacity * hidden)
        reversedInput = reversed ? FloatBuffer(count: rows * inputSize) : nil
        reversedInputGrad = reversed ? FloatBuffer(count: rows * inputSize) : nil
        reversedOutputGrad = reversed ? FloatBuffer(count: rows * hidden) : nil
        transposedWeights = FloatBuffer(count: 4 * hidden * max(inputSize, hidden))
        packedRecurrent = FloatBuffer(
            count: max(GEMM.packedCapacity(k: hidden, n: 4 * hidden), GEMM.packedCapacity(k: 4 * hidden, n: hidden)))
    }
}
