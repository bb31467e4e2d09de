/// Preallocated buffers of one LSTM direction in one shard, for up to `maxSteps` time steps
/// and `capacity` batch rows. Time-major: step `t`, row `r` of a `[T, b, W]` buffer is at
/// `(t·b + r)·W` where `b` is the current batch's row count.
final class DirectionWorkspace: @unchecked Sendable {
    /// Gate activations `[T, b, 4H]`; overwritten in place by their gradients in backward.
    let gates: FloatBuffer
    /// Cell states `[T+1, b, H]`, slot 0 = zeros (the initial state).
    let c: FloatBuffer
    /// `tanh(c_t)` `[T, b, H]`.
    let tc: FloatBuffer
    /// Hidden states `[T+1, b, H]`, slot 0 = zeros.
    let h: FloatBuffer
    /// Recurrent-dropout-masked hidden states `[T+1, b, H]` (only with recurrent dropout).
    let hMasked: FloatBuffer?
    /// Recurrent dropout mask `[b, H]` (already scaled by `1/(1-p)`).
    let recurrentMask: FloatBuffer?
    /// ∂L/∂h and ∂L/∂c carried backwards through time, `[b, H]` each.
    let dhCarry: FloatBuffer
    let dcCarry: FloatBuffer
    /// Backward direction only: the time-reversed input `[T, b, Din]`, its gradient, and the
    /// time-reversed output gradient `[T, b, H]`.
    let reversedInput: FloatBuffer?
    let reversedInputGrad: FloatBuffer?
    let reversedOutputGrad: FloatBuffer?

    init(maxSteps: Int, capacity: Int, inputSize: Int, hidden: Int, recurrentDropout: Bool, reversed: Bool) {
        let rows = maxSteps * capacity
        gates = FloatBuffer(count: rows * 4 * hidden)
        c = FloatBuffer(count: (rows + capacity) * hidden)
        tc = FloatBuffer(count: rows * hidden)
        h = FloatBuffer(count: (rows + capacity) * hidden)
        hMasked = recurrentDropout ? FloatBuffer(count: (rows + capacity) * hidden) : nil
        recurrentMask = recurrentDropout ? FloatBuffer(count: capacity * hidden) : nil
        dhCarry = FloatBuffer(count: capacity * hidden)
        dcCarry = FloatBuffer(count: capacity * hidden)
        reversedInput = reversed ? FloatBuffer(count: rows * inputSize) : nil
        reversedInputGrad = reversed ? FloatBuffer(count: rows * inputSize) : nil
        reversedOutputGrad = reversed ? FloatBuffer(count: rows * hidden) : nil
    }
}
