/// The optimizer and its hyperparameters.
///
/// - `adam`: Kingma & Ba 2015, in Keras's form
///   `p -= lr·√(1-β₂ᵗ)/(1-β₁ᵗ) · m / (√v + ε)`; a non-zero `weightDecay` adds the coupled L2
///   term `weightDecay·p` to the gradient (PyTorch `Adam(weight_decay=)`).
/// - `adamW`: Loshchilov & Hutter 2019, decoupled decay `p -= lr·weightDecay·p` on kernels
///   (not biases) before the Adam step, as Keras `AdamW`.
/// - `sgd`: `v = momentum·v - lr·g; p += v` (Keras `SGD`); `weightDecay` is coupled L2.
///
/// Any of them can keep an exponential moving average of the weights (Keras's `use_ema=True,
/// ema_momentum=`): after every update, `a = μ·a + (1 − μ)·p`, with `a = p` after the first
/// (Keras sets μ to 0 on its first iteration). The trainer evaluates and exports the average.
public struct OptimizerConfig: Sendable, Hashable, Codable {
    /// The optimizer family.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Adam (coupled L2 when `weightDecay > 0`).
        case adam
        /// AdamW (decoupled weight decay on kernels).
        case adamW
        /// SGD with (heavy-ball) momentum.
        case sgd
    }

    /// The optimizer family.
    public var kind: Kind
    /// Base learning rate (> 0); the schedule scales it per epoch.
    public var learningRate: Float
    /// Adam's first-moment decay β₁ in [0, 1).
    public var beta1: Float
    /// Adam's second-moment decay β₂ in [0, 1).
    public var beta2: Float
    /// Adam's ε (Keras default 1e-7), > 0.
    public var epsilon: Float
    /// Weight decay (≥ 0): coupled L2 for `adam`/`sgd`, decoupled for `adamW`.
    public var weightDecay: Float
    /// SGD momentum in [0, 1).
    public var momentum: Float
    /// The weight average's momentum μ in (0, 1), or `nil` for no average (the default).
    public var emaMomentum: Float?

    /// An optimizer configuration; defaults are Keras's (`Adam(1e-3)`).
    public init(
        kind: Kind = .adam, learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999,
        epsilon: Float = 1e-7, weightDecay: Float = 0, momentum: Float = 0, emaMomentum: Float? = nil
    ) {
        self.kind = kind
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.momentum = momentum
        self.emaMomentum = emaMomentum
    }

    private enum CodingKeys: String, CodingKey {
        case kind, learningRate, beta1, beta2, epsilon, weightDecay, momentum, emaMomentum
    }

    /// Decodes a configuration; every missing key takes its default.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = OptimizerConfig()
        kind = try c.decodeIfPresent(Kind.self, forKey: .kind) ?? d.kind
        learningRate = try c.decodeIfPresent(Float.self, forKey: .learningRate) ?? d.learningRate
        beta1 = try c.decodeIfPresent(Float.self, forKey: .beta1) ?? d.beta1
        beta2 = try c.decodeIfPresent(Float.self, forKey: .beta2) ?? d.beta2
        epsilon = try c.decodeIfPresent(Float.self, forKey: .epsilon) ?? d.epsilon
        weightDecay = try c.decodeIfPresent(Float.self, forKey: .weightDecay) ?? d.weightDecay
        momentum = try c.decodeIfPresent(Float.self, forKey: .momentum) ?? d.momentum
        emaMomentum = try c.decodeIfPresent(Float.self, forKey: .emaMomentum)
    }
}
