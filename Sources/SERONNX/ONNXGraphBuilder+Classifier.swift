import SERCore

/// The classifier graph, op by op (see ``ONNXExporter`` for the inputs and outputs).
extension ONNXGraphBuilder {
    /// Builds the whole classifier from the graph inputs `features` and `lengths` to the
    /// output `probabilities`.
    ///
    /// - Throws: ``ONNXError`` for a missing or misshapen weight or an unknown setting.
    func buildClassifier(_ c: ONNXClassifier) throws(ONNXError) {
        let a = c.architecture
        let weights = try WeightTable(c.weights)
        int32s("lengths", [1], [Int32.max])
        let maxFrames = int64s("const.max_frames", [1], [Int64(a.maxFrames)])
        let zero = int64s("const.zero", [1], [0])
        let one = int64s("const.one", [1], [1])
        let two = int64s("const.two", [1], [2])
        let scalarZero = int64s("const.scalar_zero", [], [0])
        let scalarOne = int64s("const.scalar_one", [], [1])

        // Truncate to maxFrames; clamp lengths to the frames present (the `lengths` input
        // defaults to a [1] tensor holding Int32.max: every frame real) and broadcast them to
        // [B]; mask [B, T] of real frames.
        var x = op("Slice", ["features", zero, maxFrames, one], output: "truncated")
        let frames = op("Gather", [op("Shape", [x]), scalarOne], [Self.int("axis", 0)])
        let batch = op("Slice", [op("Shape", ["features"]), zero, one, zero])
        let clamped = op("Min", [op("Cast", ["lengths"], [Self.int("to", 7)]), op("Unsqueeze", [frames, zero])])
        let lengths = op("Expand", [clamped, batch], output: "clamped_lengths")
        let steps = op("Range", [scalarZero, frames, scalarOne])
        let lengthColumn = op("Unsqueeze", [lengths, one])
        let realFrame = op("Less", [steps, lengthColumn], output: "real_frame")
        let mask3 = op("Unsqueeze", [op("Cast", [realFrame], [Self.int("to", 1)]), two], output: "frame_mask")

        // Normalisation.
        func globalZScore() throws(ONNXError) {
            guard c.mean.count == a.inputDims, c.std.count == a.inputDims else {
                throw ONNXError(
                    .weightMismatch, "normalisation has \(c.mean.count)/\(c.std.count) values, the model takes \(a.inputDims) dims")
            }
            let mean = floats("normalization.mean", [a.inputDims], c.mean)
            let std = floats("normalization.std", [a.inputDims], c.std)
            x = op("Div", [op("Sub", [x, mean]), std], output: "normalized")
        }
        switch a.normalization {
        case ONNXClassifier.speakerNormalization:
            let inputs = ONNXClassifier.speakerInputs
            x = op("Div", [op("Sub", [x, inputs[0]]), inputs[1]], output: "speaker_normalized")
            try globalZScore()
        case "cmvn":
            let count = op("Cast", [op("Unsqueeze", [lengthColumn, two])], [Self.int("to", 1)])
            let keep = Self.int("keepdims", 1)
            let mu = op("Div", [op("ReduceSum", [op("Mul", [x, mask3]), one], [keep]), count])
            let centred = op("Sub", [x, mu])
            let masked = op("Mul", [centred, mask3])
            let variance = op("Div", [op("ReduceSum", [op("Mul", [masked, masked]), one], [keep]), count])
            let floor = floats("const.cmvn_floor", [1], [1e-8])
            x = op("Div", [centred, op("Max", [op("Sqrt", [variance]), floor])])
            try globalZScore()
        case "global-zscore": try globalZScore()
        case "none": break
        default: throw ONNXError(.unsupported, "normalisation '\(a.normalization)' is not supported")
        }
        x = op("Mul", [x, mask3], output: "masked_input")
        if !a.masked {
            // Zero-pad after normalisation to exactly maxFrames frames, as the engine does.
            let padding = op("Sub", [maxFrames, op("Unsqueeze", [frames, zero])])
            let pads = op("Concat", [zero, zero, zero, zero, padding, zero], [Self.int("axis", 0)])
            x = op("Pad", [x, pads], output: "padded_input")
        }

        if let convolution = a.convolution {
            x = try convolve(convolution, a, x, realFrame: a.masked ? realFrame : nil, weights: weights)
        }

        // LSTM stack, time-major.
        var sequence = op("Transpose", [x], [Self.ints("perm", [1, 0, 2])], output: "time_major")
        let sequenceLengths = a.masked ? op("Cast", [lengths], [Self.int("to", 6)], output: "sequence_lens") : nil
        let directions = a.bidirectional ? 2 : 1
        var inputWidth = a.convolution?.channels.last ?? a.inputDims
        var lastState = ""
        let flatten = int64s("const.shape_0_0_m1", [3], [0, 0, -1])
        for (l, hidden) in a.lstmUnits.enumerated() {
            let names = a.bidirectional ? ["lstm.\(l).forward", "lstm.\(l).backward"] : ["lstm.\(l)"]
            var w: [Float] = [], r: [Float] = [], b: [Float] = []
            for name in names {
                let kernel = try weights.get("\(name).kernel", [inputWidth, 4 * hidden])
                let recurrent = try weights.get("\(name).recurrent_kernel", [hidden, 4 * hidden])
                let bias = try weights.get("\(name).bias", [4 * hidden])
                w += LSTMWeightLayout.onnxMatrix(kernel, rows: inputWidth, hidden: hidden)
                r += LSTMWeightLayout.onnxMatrix(recurrent, rows: hidden, hidden: hidden)
                b += LSTMWeightLayout.onnxBias(bias, hidden: hidden)
            }
            let wName = floats("lstm.\(l).W", [directions, 4 * hidden, inputWidth], w)
            let rName = floats("lstm.\(l).R", [directions, 4 * hidden, hidden], r)
            let bName = floats("lstm.\(l).B", [directions, 8 * hidden], b)
            var inputs = [sequence, wName, rName, bName]
            if let sequenceLengths { inputs.append(sequenceLengths) }
            let outputs = add(
                "LSTM", inputs,
                [Self.int("hidden_size", hidden), Self.string("direction", a.bidirectional ? "bidirectional" : "forward")],
                outputs: ["lstm_\(l)_Y", "lstm_\(l)_Y_h"])
            // Y [T, dirs, B, H] → [T, B, dirs·H] (forward half first).
            sequence = op(
                "Reshape", [op("Transpose", [outputs[0]], [Self.ints("perm", [0, 2, 1, 3])]), flatten], output: "lstm_\(l)_output")
            lastState = outputs[1]
            inputWidth = hidden * directions
        }
        let pooled = try pool(
            a, sequence: sequence, lastState: lastState, realFrame: realFrame, lengthColumn: lengthColumn, weights: weights)
        try head(a, pooled: pooled, weights: weights)
    }

    /// `[B, T, D]` → `[B, T, C]` through the convolutions: channels-first `Conv` nodes with
    /// "same" zero padding. With `realFrame` (masked models) each layer's output is zeroed on
    /// padding frames, so the next layer sees zeros beyond a clip's end as the engine does.
    private func convolve(
        _ c: ONNXClassifier.Architecture.Convolution, _ a: ONNXClassifier.Architecture, _ input: String, realFrame: String?,
        weights: WeightTable
    ) throws(ONNXError) -> String {
        guard c.kernel >= 1, c.kernel % 2 == 1 else { throw ONNXError(.unsupported, "convolution kernel \(c.kernel) is not odd") }
        let channelsFirst = Self.ints("perm", [0, 2, 1])
        var y = op("Transpose", [input], [channelsFirst], output: "conv_input")
        let mask = realFrame.map { op("Unsqueeze", [op("Cast", [$0], [Self.int("to", 1)]), "const.one"], output: "conv_frame_mask") }
        var width = a.inputDims
        for (j, channels) in c.channels.enumerated() {
            let kernel = try weights.get("conv.\(j).kernel", [c.kernel, width, channels])
            let onnx = ConvolutionWeightLayout.onnxKernel(kernel, width: c.kernel, inputs: width, channels: channels)
            let w = floats("conv.\(j).W", [channels, width, c.kernel], onnx)
            let b = floats("conv.\(j).B", [channels], try weights.get("conv.\(j).bias", [channels]))
            y = op(
                "Conv", [y, w, b],
                [Self.ints("kernel_shape", [c.kernel]), Self.ints("pads", [c.kernel / 2, c.kernel / 2]), Self.ints("strides", [1])])
            y = try activate(y, c.activation)
            if let mask { y = op("Mul", [y, mask]) }
            width = channels
        }
        return op("Transpose", [y], [channelsFirst], output: "conv_output")
    }

    /// `x` through a named activation.
    private func activate(_ x: String, _ activation: String) throws(ONNXError) -> String {
        switch activation {
        case "relu": op("Relu", [x])
        case "tanh": op("Tanh", [x])
        case "linear": x
        default: throw ONNXError(.unsupported, "activation '\(activation)' is not supported")
        }
    }

    /// `[T, B, F]` top-layer outputs → `[B, F]` per the pooling.
    private func pool(
        _ a: ONNXClassifier.Architecture, sequence: String, lastState: String, realFrame: String, lengthColumn: String, weights: WeightTable
    ) throws(ONNXError) -> String {
        let f = a.topWidth
        let zero = "const.zero", two = "const.two"
        switch a.pooling {
        case "last":
            // Y_h [dirs, B, H]: the forward state after the last real frame (sequence_lens),
            // the backward state after frame 0.
            let shape = int64s("const.shape_0_m1", [2], [0, -1])
            return op("Reshape", [op("Transpose", [lastState], [Self.ints("perm", [1, 0, 2])]), shape], output: "pooled")
        case "mean":
            return meanOverFrames(a, sequence, realFrame: realFrame, lengthColumn: lengthColumn, keepdims: false, output: "pooled")
        case "stats":
            // [μ | σ] over the real frames, σ = √(Σ(h − μ)²/L + ε) as the engine computes it.
            let mean = meanOverFrames(a, sequence, realFrame: realFrame, lengthColumn: lengthColumn, keepdims: true)
            let centred = op("Sub", [sequence, mean])
            let variance = meanOverFrames(
                a, op("Mul", [centred, centred]), realFrame: realFrame, lengthColumn: lengthColumn, keepdims: true)
            let deviation = op("Sqrt", [op("Add", [variance, floats("const.stats_epsilon", [1], [1e-5])])])
            let squeeze = int64s("const.shape_m1_f", [2], [-1, Int64(f)])
            return op(
                "Concat", [op("Reshape", [mean, squeeze]), op("Reshape", [deviation, squeeze])], [Self.int("axis", 1)], output: "pooled")
        case "attention":
            let w = floats("attention.kernel", [f, 1], try weights.get("attention.kernel", [f]))
            var scores = op("MatMul", [sequence, w], output: "attention_scores")
            if a.masked {
                let real = op("Unsqueeze", [op("Transpose", [realFrame], [Self.ints("perm", [1, 0])]), two])
                let floor = floats("const.minus_infinity", [1], [-Float.infinity])
                scores = op("Where", [real, scores, floor])
            }
            let alpha = op("Softmax", [scores], [Self.int("axis", 0)], output: "attention_weights")
            return op("ReduceSum", [op("Mul", [alpha, sequence]), zero], [Self.int("keepdims", 0)], output: "pooled")
        default:
            throw ONNXError(.unsupported, "pooling '\(a.pooling)' is not supported")
        }
    }

    /// The mean over time of `x [T, B, F]`: over each clip's real frames in a masked model
    /// (padding frames masked out, divided by the lengths), over all `maxFrames` otherwise;
    /// `[B, F]`, or `[1, B, F]` with `keepdims`.
    private func meanOverFrames(
        _ a: ONNXClassifier.Architecture, _ x: String, realFrame: String, lengthColumn: String, keepdims: Bool, output: String? = nil
    ) -> String {
        let keep = Self.int("keepdims", keepdims ? 1 : 0)
        guard a.masked else { return op("ReduceMean", [x], [Self.ints("axes", [0]), keep], output: output) }
        let mask = op(
            "Unsqueeze", [op("Cast", [op("Transpose", [realFrame], [Self.ints("perm", [1, 0])])], [Self.int("to", 1)]), "const.two"])
        let sum = op("ReduceSum", [op("Mul", [x, mask]), "const.zero"], [keep])
        return op("Div", [sum, op("Cast", [lengthColumn], [Self.int("to", 1)])], output: output)
    }

    /// Dense layers with activations, the output layer and softmax into `probabilities`.
    private func head(_ a: ONNXClassifier.Architecture, pooled: String, weights: WeightTable) throws(ONNXError) {
        var h = pooled
        var width = a.pooledWidth
        for (j, units) in a.denseUnits.enumerated() {
            let kernel = floats("dense.\(j).kernel", [width, units], try weights.get("dense.\(j).kernel", [width, units]))
            let bias = floats("dense.\(j).bias", [units], try weights.get("dense.\(j).bias", [units]))
            h = try activate(op("Add", [op("MatMul", [h, kernel]), bias]), a.activation)
            width = units
        }
        let kernel = floats("output.kernel", [width, a.classCount], try weights.get("output.kernel", [width, a.classCount]))
        let bias = floats("output.bias", [a.classCount], try weights.get("output.bias", [a.classCount]))
        let logits = op("Add", [op("MatMul", [h, kernel]), bias], output: "logits")
        _ = op("Softmax", [logits], [Self.int("axis", 1)], output: "probabilities")
    }
}
