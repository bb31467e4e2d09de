/// Where every parameter tensor lives in the model's one flat float32 parameter vector.
///
/// Order (also the serialisation order, see `docs/WEIGHTS.md`): for each convolution `j`
/// bottom-up, `conv.j.kernel [k, Din, C]` (Keras `Conv1D` layout) and `conv.j.bias [C]`; then
/// for each LSTM layer `l`
/// bottom-up and, when bidirectional, each direction (`forward` then `backward`):
/// `kernel [Din, 4H]`, `recurrent_kernel [H, 4H]`, `bias [4H]`, gate blocks `i, f, c, o`
/// (Keras); then `attention.kernel [F]` with attention pooling; then `dense.j.kernel [in, out]`,
/// `dense.j.bias [out]` per hidden dense layer; then `output.kernel [in, C]`, `output.bias [C]`.
struct ParameterLayout: Sendable {
    /// One tensor's place in the flat vector.
    struct Tensor: Sendable {
        let name: String
        let shape: [Int]
        let offset: Int
        var count: Int { shape.reduce(1, *) }
        /// Whether AdamW's decoupled weight decay applies (kernels yes, biases no).
        let decays: Bool
    }

    /// Offsets of one LSTM direction's tensors.
    struct LSTM: Sendable {
        let inputSize: Int
        let hidden: Int
        let kernel: Int
        let recurrent: Int
        let bias: Int
    }

    /// Offsets of one convolution's tensors.
    struct Convolution: Sendable {
        let inputSize: Int
        let channels: Int
        /// Frames the kernel spans, odd.
        let width: Int
        /// `[width, inputSize, channels]`: read as a `[width·inputSize, channels]` matrix it
        /// multiplies a frame's window `[x_{t−width/2} | … | x_{t+width/2}]`.
        let kernel: Int
        let bias: Int
        /// `width · inputSize`: the length of one window row.
        var windowSize: Int { width * inputSize }
    }

    /// Offsets of one dense layer's tensors.
    struct Dense: Sendable {
        let inputSize: Int
        let outputSize: Int
        let kernel: Int
        let bias: Int
        let activation: Activation
    }

    private(set) var tensors: [Tensor] = []
    /// The convolutions, bottom first.
    private(set) var convolutions: [Convolution] = []
    /// `[layer][direction]`.
    private(set) var lstm: [[LSTM]] = []
    /// Offset of `attention.kernel [F]`, when attention pooling is used.
    private(set) var attention: Int?
    /// Hidden dense layers, then the output layer (activation `linear`, softmax in the loss).
    private(set) var dense: [Dense] = []
    /// Total number of parameters.
    private(set) var count = 0

    init(config: ModelConfig) {
        var inputSize = config.inputDims
        for (j, channels) in config.convChannels.enumerated() {
            let k = add("conv.\(j).kernel", [config.convKernel, inputSize, channels], decays: true)
            let b = add("conv.\(j).bias", [channels], decays: false)
            convolutions.append(Convolution(inputSize: inputSize, channels: channels, width: config.convKernel, kernel: k, bias: b))
            inputSize = channels
        }
        for (l, hidden) in config.lstmUnits.enumerated() {
            var directions: [LSTM] = []
            let names = config.bidirectional ? ["lstm.\(l).forward", "lstm.\(l).backward"] : ["lstm.\(l)"]
            for prefix in names {
                let k = add("\(prefix).kernel", [inputSize, 4 * hidden], decays: true)
                let r = add("\(prefix).recurrent_kernel", [hidden, 4 * hidden], decays: true)
                let b = add("\(prefix).bias", [4 * hidden], decays: false)
                directions.append(LSTM(inputSize: inputSize, hidden: hidden, kernel: k, recurrent: r, bias: b))
            }
            lstm.append(directions)
            inputSize = config.outputWidth(ofLayer: l)
        }
        if config.pooling == .attention {
            attention = add("attention.kernel", [inputSize], decays: true)
        }
        inputSize = config.pooledWidth
        for (j, units) in config.denseUnits.enumerated() {
            let k = add("dense.\(j).kernel", [inputSize, units], decays: true)
            let b = add("dense.\(j).bias", [units], decays: false)
            dense.append(Dense(inputSize: inputSize, outputSize: units, kernel: k, bias: b, activation: config.activation))
            inputSize = units
        }
        let k = add("output.kernel", [inputSize, config.classCount], decays: true)
        let b = add("output.bias", [config.classCount], decays: false)
        dense.append(Dense(inputSize: inputSize, outputSize: config.classCount, kernel: k, bias: b, activation: .linear))
    }

    private mutating func add(_ name: String, _ shape: [Int], decays: Bool) -> Int {
        let offset = count
        tensors.append(Tensor(name: name, shape: shape, offset: offset, decays: decays))
        count += shape.reduce(1, *)
        return offset
    }
}
