/// Everything that defines a model and its training: architecture, sequence handling,
/// optimizer, regularisation, batch size and seed. `Codable`; missing keys take defaults.
///
/// The architecture is `input [T, inputDims] → Conv1D(convChannels[0], convKernel) convActivation → … →
/// LSTM(lstmUnits[0]) → … → LSTM(lstmUnits.last) → pooling → Dropout(dropout) →
/// Dense(denseUnits[0], activation) → … → Dense(classCount) → softmax` (no convolution when
/// `convChannels` is empty: the seed model). Call ``validate()`` (``Trainer`` does) before use.
public struct ModelConfig: Sendable, Hashable, Codable {
    /// Feature dimensions per frame `D` (59 for the seed features), > 0.
    public var inputDims: Int
    /// Number of classes `C`, ≥ 2.
    public var classCount: Int
    /// Output channels of the 1-D convolutions over time in front of the LSTM stack, bottom
    /// first; empty (the default) for none. Each layer maps `[T, Din]` to `[T, channels]`
    /// with `convKernel` frames, stride 1, zero "same" padding at each clip's own ends (Keras
    /// `Conv1D(padding="same")`, PyTorch `Conv1d(padding=k//2)` on a clip alone), then
    /// `convActivation`.
    public var convChannels: [Int]
    /// Frames each convolution sees: odd, in ``convKernels`` (so "same" padding is
    /// `convKernel / 2` frames on either side).
    public var convKernel: Int
    /// Activation after each convolution (ReLU by default).
    public var convActivation: Activation
    /// Hidden sizes of the stacked LSTM layers, bottom first; at least one, each > 0. Every
    /// layer below the top returns its whole sequence (Keras `return_sequences=True`); the top
    /// layer's sequence goes to ``pooling`` (`last` = Keras `return_sequences=False`).
    public var lstmUnits: [Int]
    /// Run every LSTM layer in both directions and concatenate (Keras `Bidirectional`,
    /// `merge_mode="concat"`): a layer's output width is then `2·units`.
    public var bidirectional: Bool
    /// Variational dropout on each LSTM's recurrent input `h_{t-1}` (Keras
    /// `recurrent_dropout`): one mask per clip and layer, held over time; in [0, 1).
    public var recurrentDropout: Float
    /// Dropout on the pooled vector before the dense head (the seed's `Dropout(0.3)`); [0, 1).
    public var dropout: Float
    /// Hidden dense layer sizes between pooling and the output layer; may be empty.
    public var denseUnits: [Int]
    /// Activation of the hidden dense layers.
    public var activation: Activation
    /// Temporal pooling of the top LSTM's outputs.
    public var pooling: Pooling
    /// Frames per clip are truncated to this (and padded to it in `padded` mode), > 0.
    public var maxFrames: Int
    /// Masked variable-length sequences or fixed-length padding.
    public var sequenceMode: SequenceMode
    /// Optimizer and learning rate.
    public var optimizer: OptimizerConfig
    /// Gradient clipping by global L2 norm over all parameters; `nil` for none, else > 0.
    public var clipNorm: Float?
    /// Learning-rate schedule over epochs.
    public var schedule: LearningRateSchedule
    /// Label smoothing ε in [0, 1): targets become `(1-ε)·onehot + ε/C`.
    public var labelSmoothing: Float
    /// Per-class loss weights (`classCount` values, ≥ 0), Keras `class_weight`; `nil` = all 1.
    public var classWeights: [Float]?
    /// Mixup α (Zhang et al. 2018, "mixup: Beyond Empirical Risk Minimization"): every
    /// training batch draws `λ ~ Beta(α, α)` (taken as `max(λ, 1−λ)`) and mixes each clip
    /// with a partner clip of the same worker's share, `λ·x + (1−λ)·x'` frame by frame (the
    /// partner's missing frames count as zeros) and the loss likewise
    /// `λ·CE(y) + (1−λ)·CE(y')`; training accuracy counts the clip's own label. 0 = off.
    public var mixup: Float
    /// Knowledge distillation (Hinton et al. 2015, "Distilling the Knowledge in a Neural
    /// Network", at temperature 1): the weight β in (0, 1] of a teacher's class probabilities
    /// `t` (``SequenceDataset/targets``) in each training clip's target, `(1−β)·q(y) + β·t`
    /// where `q(y)` is the smoothed label; mixup mixes these targets as it mixes labels.
    /// `nil` = off.
    public var distillation: Float?
    /// Clips per training batch, > 0.
    public var batchSize: Int
    /// Seed of every random choice: initial weights, shuffling, dropout masks.
    public var seed: UInt64

    /// A configuration; the defaults are the seed model (LSTM 128 → LSTM 64 → Dropout 0.3 →
    /// Dense 64 ReLU → Dense `classCount` softmax, Adam 1e-3, batch 32, 200 frames).
    public init(
        inputDims: Int, classCount: Int, convChannels: [Int] = [], convKernel: Int = 5,
        convActivation: Activation = .relu, lstmUnits: [Int] = [128, 64], bidirectional: Bool = false,
        recurrentDropout: Float = 0, dropout: Float = 0.3, denseUnits: [Int] = [64],
        activation: Activation = .relu, pooling: Pooling = .last, maxFrames: Int = 200,
        sequenceMode: SequenceMode = .masked, optimizer: OptimizerConfig = OptimizerConfig(),
        clipNorm: Float? = nil, schedule: LearningRateSchedule = .constant, labelSmoothing: Float = 0,
        classWeights: [Float]? = nil, mixup: Float = 0, distillation: Float? = nil, batchSize: Int = 32, seed: UInt64 = 0
    ) {
        self.inputDims = inputDims
        self.classCount = classCount
        self.convChannels = convChannels
        self.convKernel = convKernel
        self.convActivation = convActivation
        self.lstmUnits = lstmUnits
        self.bidirectional = bidirectional
        self.recurrentDropout = recurrentDropout
        self.dropout = dropout
        self.denseUnits = denseUnits
        self.activation = activation
        self.pooling = pooling
        self.maxFrames = maxFrames
        self.sequenceMode = sequenceMode
        self.optimizer = optimizer
        self.clipNorm = clipNorm
        self.schedule = schedule
        self.labelSmoothing = labelSmoothing
        self.classWeights = classWeights
        self.mixup = mixup
        self.distillation = distillation
        self.batchSize = batchSize
        self.seed = seed
    }

    /// Width of one LSTM layer's output (`units`, doubled when bidirectional).
    public func outputWidth(ofLayer index: Int) -> Int {
        lstmUnits[index] * (bidirectional ? 2 : 1)
    }

    /// The kernel widths a convolution may have.
    public static let convKernels = 1...99

    /// Why `width` cannot be a convolution's kernel, or `nil` when it can.
    public static func convKernelProblem(_ width: Int) -> String? {
        convKernels.contains(width) && width % 2 == 1
            ? nil : "must be odd and between \(convKernels.lowerBound) and \(convKernels.upperBound) (got \(width))"
    }

    /// Width of the top LSTM layer's output `F` (units, doubled when bidirectional).
    public var topWidth: Int { lstmUnits.last.map { $0 * (bidirectional ? 2 : 1) } ?? 0 }

    /// Width of the pooled vector that enters the dense head: `F`, or `2F` for `stats`.
    public var pooledWidth: Int { topWidth * (pooling == .stats ? 2 : 1) }

    /// The JSON keys (the property names).
    enum CodingKeys: String, CodingKey {
        case inputDims, classCount, convChannels, convKernel, convActivation, lstmUnits, bidirectional, recurrentDropout, dropout,
            denseUnits
        case activation, pooling, maxFrames, sequenceMode, optimizer, clipNorm, schedule
        case labelSmoothing, classWeights, mixup, distillation, batchSize, seed
    }
}
