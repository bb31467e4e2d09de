public import SERCore

/// A trained sequence classifier as `SERONNX` exports it: architecture, input normalisation,
/// weights in the engine's layout (`docs/WEIGHTS.md`) and string metadata.
///
/// The network: `features [B, T, D]` → (optional per-utterance CMVN) → `(x − mean) / std` →
/// (optional 1-D convolutions over time) → LSTM stack (`lstmUnits`, bottom first, optionally bidirectional) → pooling (`last`, `mean`
/// or `attention`) → dense layers (`denseUnits`, `activation`) → output dense → softmax.
public struct ONNXClassifier: Sendable, Equatable {
    /// The shape of the network, enough to rebuild the engine's model from an ONNX file.
    /// Stored as JSON in the metadata property `ser.architecture`.
    public struct Architecture: Sendable, Equatable, Codable {
        /// The 1-D convolutions over time in front of the LSTM stack.
        public struct Convolution: Sendable, Equatable, Codable {
            /// Output channels per layer, bottom first.
            public var channels: [Int]
            /// Frames each kernel spans (odd; "same" zero padding of `kernel / 2` frames).
            public var kernel: Int
            /// `relu`, `tanh` or `linear`, after each layer.
            public var activation: String

            public init(channels: [Int], kernel: Int, activation: String) {
                self.channels = channels
                self.kernel = kernel
                self.activation = activation
            }
        }

        /// Feature dimensions per frame `D`.
        public var inputDims: Int
        /// Output classes `C`.
        public var classCount: Int
        /// The convolutions, or `nil` for none (absent from the metadata of such models, and
        /// of every model exported before convolutions existed).
        public var convolution: Convolution?
        /// Hidden sizes of the LSTM layers, bottom first.
        public var lstmUnits: [Int]
        /// Every LSTM layer runs both ways; its output is `[forward h | backward h]`.
        public var bidirectional: Bool
        /// Hidden dense layer sizes between pooling and the output layer.
        public var denseUnits: [Int]
        /// `relu`, `tanh` or `linear`: activation of the hidden dense layers.
        public var activation: String
        /// `last`, `mean`, `attention` or `stats` (mean and standard deviation).
        public var pooling: String
        /// Frames per clip are truncated to this (and, when not `masked`, zero-padded to it).
        public var maxFrames: Int
        /// `true`: each clip runs over its real frames only (`sequence_lens`); `false`: every
        /// clip runs over exactly `maxFrames` frames, zero-padded after normalisation.
        public var masked: Bool
        /// `global-zscore`, `cmvn` (per-utterance CMVN, then global z-score), `none`, or
        /// ``ONNXClassifier/speakerNormalization`` (the speaker's z-score from the graph inputs
        /// `speaker_mean` and `speaker_std`, then global z-score).
        public var normalization: String

        public init(
            inputDims: Int, classCount: Int, lstmUnits: [Int], bidirectional: Bool, denseUnits: [Int], activation: String,
            pooling: String, maxFrames: Int, masked: Bool, normalization: String, convolution: Convolution? = nil
        ) {
            self.inputDims = inputDims
            self.classCount = classCount
            self.lstmUnits = lstmUnits
            self.bidirectional = bidirectional
            self.denseUnits = denseUnits
            self.activation = activation
            self.pooling = pooling
            self.maxFrames = maxFrames
            self.masked = masked
            self.normalization = normalization
            self.convolution = convolution
        }

        /// Width of the top layer's output: its units, doubled when bidirectional.
        public var topWidth: Int { (lstmUnits.last ?? 0) * (bidirectional ? 2 : 1) }

        /// Width of the pooled vector: ``topWidth``, doubled for `stats` pooling.
        public var pooledWidth: Int { topWidth * (pooling == "stats" ? 2 : 1) }
    }

    /// ``Architecture/normalization`` of a model trained with per-speaker normalisation: the
    /// graph takes the speaker's statistics as inputs (``speakerInputs``).
    public static let speakerNormalization = "speaker-zscore"

    /// The graph inputs of a per-speaker model: float32 `[D]` mean and standard deviation of
    /// the speaker's features (see ``speakerStatisticsRecipe``).
    public static let speakerInputs = ["speaker_mean", "speaker_std"]

    /// How a caller computes ``speakerInputs``, written into the model's metadata.
    public static let speakerStatisticsRecipe =
        "speaker_mean and speaker_std: float32 [D], per feature dimension, the mean and the population standard deviation "
        + "(a value below 1e-8 is replaced by 1) over every frame of a few recordings of the speaker (no labels needed; "
        + "`ser evaluate --enroll-clips N` shows how many), each clip's features computed with feature_config and cut to "
        + "the architecture's maxFrames frames first. `ser enroll NAME CLIPS --run RUN` stores exactly these."

    /// The network's shape.
    public var architecture: Architecture
    /// `[D]` per-dimension means subtracted from the (CMVN'd) features.
    public var mean: [Float]
    /// `[D]` per-dimension standard deviations the centred features are divided by.
    public var std: [Float]
    /// The weights named and laid out as `docs/WEIGHTS.md` describes (Keras layout: kernels
    /// `[in, out]`, LSTM gate blocks i, f, c, o, one fused bias `[4H]`).
    public var weights: [NamedTensor]
    /// Metadata properties written into `ModelProto.metadata_props` (key → value).
    public var metadata: [String: String]

    public init(architecture: Architecture, mean: [Float], std: [Float], weights: [NamedTensor], metadata: [String: String]) {
        self.architecture = architecture
        self.mean = mean
        self.std = std
        self.weights = weights
        self.metadata = metadata
    }
}
