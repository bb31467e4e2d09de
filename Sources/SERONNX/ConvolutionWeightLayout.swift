/// Conversion of one convolution's kernel between the engine's Keras layout and ONNX's.
///
/// Engine (`docs/WEIGHTS.md`, Keras `Conv1D`): `kernel [k, Din, C]`. ONNX `Conv`:
/// `W [C, Din, k]`. The bias `[C]` is the same in both.
public enum ConvolutionWeightLayout {
    /// `[k, Din, C]` → `[C, Din, k]`.
    public static func onnxKernel(_ kernel: [Float], width k: Int, inputs: Int, channels: Int) -> [Float] {
        var out = [Float](repeating: 0, count: kernel.count)
        for tap in 0..<k {
            for i in 0..<inputs {
                for o in 0..<channels { out[(o * inputs + i) * k + tap] = kernel[(tap * inputs + i) * channels + o] }
            }
        }
        return out
    }

    /// The inverse of ``onnxKernel(_:width:inputs:channels:)``: `[C, Din, k]` → `[k, Din, C]`.
    public static func engineKernel(_ onnx: [Float], width k: Int, inputs: Int, channels: Int) -> [Float] {
        var out = [Float](repeating: 0, count: onnx.count)
        for tap in 0..<k {
            for i in 0..<inputs {
                for o in 0..<channels { out[(tap * inputs + i) * channels + o] = onnx[(o * inputs + i) * k + tap] }
            }
        }
        return out
    }
}
