/// Conversion of one LSTM direction's weights between the engine's Keras layout and ONNX's.
///
/// Engine (`docs/WEIGHTS.md`): `kernel [Din, 4H]`, `recurrent_kernel [H, 4H]`, `bias [4H]`,
/// gate blocks along the `4H` axis in the order **i, f, c, o**, one fused bias.
///
/// ONNX `LSTM` (per direction): `W [4H, Din]`, `R [4H, H]`, `B [8H]` = `Wb [4H]` then
/// `Rb [4H]`, gate blocks in the order **i, o, f, c**. The fused bias goes into `Wb` and
/// `Rb` is zero, so `Wb + Rb` equals the engine's bias exactly.
public enum LSTMWeightLayout {
    /// ONNX gate block `k` (i, o, f, c) is engine gate block `engineBlock[k]` (i, f, c, o).
    public static let engineBlock = [0, 3, 1, 2]

    /// `kernel [rows, 4H]` (engine, row-major) → `[4H, rows]` in ONNX gate order.
    public static func onnxMatrix(_ kernel: [Float], rows: Int, hidden: Int) -> [Float] {
        let g4 = 4 * hidden
        var out = [Float](repeating: 0, count: g4 * rows)
        for k in 0..<4 {
            let source = engineBlock[k] * hidden
            for j in 0..<hidden {
                for r in 0..<rows { out[(k * hidden + j) * rows + r] = kernel[r * g4 + source + j] }
            }
        }
        return out
    }

    /// The inverse of ``onnxMatrix(_:rows:hidden:)``: `[4H, rows]` ONNX → `[rows, 4H]` engine.
    public static func engineMatrix(_ onnx: [Float], rows: Int, hidden: Int) -> [Float] {
        let g4 = 4 * hidden
        var out = [Float](repeating: 0, count: g4 * rows)
        for k in 0..<4 {
            let target = engineBlock[k] * hidden
            for j in 0..<hidden {
                for r in 0..<rows { out[r * g4 + target + j] = onnx[(k * hidden + j) * rows + r] }
            }
        }
        return out
    }

    /// Engine bias `[4H]` → ONNX `B [8H]` (`Wb` reordered, `Rb` zero).
    public static func onnxBias(_ bias: [Float], hidden: Int) -> [Float] {
        var out = [Float](repeating: 0, count: 8 * hidden)
        for k in 0..<4 {
            for j in 0..<hidden { out[k * hidden + j] = bias[engineBlock[k] * hidden + j] }
        }
        return out
    }

    /// ONNX `B [8H]` → engine bias `[4H]` (`Wb + Rb`, back in i, f, c, o order).
    public static func engineBias(_ onnx: [Float], hidden: Int) -> [Float] {
        var out = [Float](repeating: 0, count: 4 * hidden)
        for k in 0..<4 {
            for j in 0..<hidden {
                out[engineBlock[k] * hidden + j] = onnx[k * hidden + j] + onnx[4 * hidden + k * hidden + j]
            }
        }
        return out
    }
}
