/// Conversion of one convolution's kernel between the engine's Keras layout and ONNX's.
///
/// Engine (`docs/WEIGHTS.md`, Keras `Conv1D`): `kernel [k, Din, C]`. ONNX `Conv`:
/// `W [C, Din, k]`. The bias `[C]` is the same in both.
public enum ConvolutionWeightLayout {
    /// `[k, Din, C]` → `[C, Din, k]`.
    public static func onnxKernel(_ kernel: [Float], width k: Int, inputs: Int, channels: Int) -> [Float] {
        var out = [Float](repeating: 0, count: kernel.count)
        forEachWeight(width: k, inputs: inputs, channels: channels) { engine, onnx in out[onnx] = kernel[engine] }
        return out
    }

    /// The inverse of ``onnxKernel(_:width:inputs:channels:)``: `[C, Din, k]` → `[k, Din, C]`.
    public static func engineKernel(_ onnx: [Float], width k: Int, inputs: Int, channels: Int) -> [Float] {
        var out = [Float](repeating: 0, count: onnx.count)
        forEachWeight(width: k, inputs: inputs, channels: channels) { engine, position in out[engine] = onnx[position] }
        return out
    }

    /// The correspondence, once: calls `body` with each weight's index in the engine's
    /// `[k, Din, C]` and in ONNX's `[C, Din, k]`.
    private static func forEachWeight(width k: Int, inputs: Int, channels: Int, _ body: (_ engine: Int, _ onnx: Int) -> Void) {
        for tap in 0..<k {
            for i in 0..<inputs {
                for o in 0..<channels { body((tap * inputs + i) * channels + o, (o * inputs + i) * k + tap) }
            }
        }
    }
}
