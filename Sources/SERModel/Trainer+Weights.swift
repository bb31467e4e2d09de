public import SERCore

extension Trainer {
    /// A model with `weights` loaded, to evaluate at most `clips` clips at a time (one
    /// thread): no random initialisation, whose orthogonal recurrent kernels cost a QR per
    /// layer, and workspaces for `min(batchSize, clips)` clips instead of a whole batch.
    /// Evaluating up to `clips` clips computes exactly what a trained model's own
    /// ``evaluate(_:)`` does (they form the same chunks). Building the 66 models of an
    /// ensemble this way for 8 clips took 72 % of `ser predict`'s time before.
    ///
    /// - Throws: ``ModelError`` from ``ModelConfig/validate()`` and ``setWeights(_:)``.
    public static func loaded(_ weights: [NamedTensor], config: ModelConfig, clips: Int) throws(ModelError) -> Trainer {
        let trainer = try Trainer(config: config.sized(toClips: clips), threads: 1, gemm: .automatic, initialize: false)
        try trainer.setWeights(weights)
        return trainer
    }

    /// All weights as named tensors in the stable order of `docs/WEIGHTS.md`
    /// (`lstm.0.kernel [D, 4H]`, `lstm.0.recurrent_kernel [H, 4H]`, `lstm.0.bias [4H]`, …,
    /// `output.kernel [in, C]`, `output.bias [C]`), gate order i, f, c, o as Keras.
    public func weights() -> [NamedTensor] {
        tensors(of: UnsafeBufferPointer(start: network.parameters.pointer, count: network.layout.count))
    }

    /// The flat parameter vector `flat` cut into the layout's named tensors.
    private func tensors(of flat: UnsafeBufferPointer<Float>) -> [NamedTensor] {
        network.layout.tensors.map { t in
            NamedTensor(name: t.name, shape: t.shape, values: Array(flat[t.offset..<(t.offset + t.count)]))
        }
    }

    /// The moving average of the weights, when the optimizer keeps one
    /// (``OptimizerConfig/emaMomentum``) and has taken a step.
    private var average: [Float]? {
        let average = optimizer.state.average
        return average.isEmpty || optimizer.state.step == 0 ? nil : average
    }

    /// The weights to evaluate and keep: the moving average when the optimizer keeps one
    /// (``OptimizerConfig/emaMomentum``) and has taken a step, else ``weights()``. Same names
    /// and shapes as ``weights()``.
    public func evaluationWeights() -> [NamedTensor] {
        guard let average else { return weights() }
        return average.withUnsafeBufferPointer { tensors(of: $0) }
    }

    /// Runs `body` with the ``evaluationWeights()`` in the network, then puts the trained
    /// weights back (bit-identical), so training continues from where it was.
    public func withEvaluationWeights<T>(_ body: () throws(ModelError) -> T) throws(ModelError) -> T {
        guard let average else { return try body() }
        let p = network.parameters.pointer, count = network.layout.count
        let trained = Array(UnsafeBufferPointer(start: p, count: count))
        average.withUnsafeBufferPointer { a in if let base = a.baseAddress { p.update(from: base, count: count) } }
        defer { trained.withUnsafeBufferPointer { t in if let base = t.baseAddress { p.update(from: base, count: count) } } }
        return try body()
    }

    /// The names and shapes this model's ``weights()`` has, in order.
    public var weightShapes: [(name: String, shape: [Int])] {
        network.layout.tensors.map { ($0.name, $0.shape) }
    }

    /// Replaces all weights. Every tensor of the model must be given exactly once with its
    /// exact shape; order does not matter.
    ///
    /// - Throws: ``ModelError`` `weightMismatch` naming a missing, unknown, duplicated or
    ///   misshapen tensor (the weights are left unchanged then).
    public func setWeights(_ tensors: [NamedTensor]) throws(ModelError) {
        var byName: [String: NamedTensor] = [:]
        for t in tensors {
            guard byName[t.name] == nil else { throw ModelError(.weightMismatch, "tensor \(t.name) given twice") }
            byName[t.name] = t
        }
        for spec in network.layout.tensors {
            guard let t = byName.removeValue(forKey: spec.name) else {
                throw ModelError(.weightMismatch, "tensor \(spec.name) \(spec.shape) is missing")
            }
            guard t.shape == spec.shape, t.values.count == spec.count else {
                throw ModelError(
                    .weightMismatch, "tensor \(spec.name) has shape \(t.shape) (\(t.values.count) values), expected \(spec.shape)")
            }
        }
        if let extra = byName.keys.sorted().first {
            throw ModelError(.weightMismatch, "tensor \(extra) does not belong to this model")
        }
        let p = network.parameters.pointer
        for t in tensors {
            guard let spec = network.layout.tensors.first(where: { $0.name == t.name }) else { continue }
            t.values.withUnsafeBufferPointer { src in
                if let base = src.baseAddress { (p + spec.offset).update(from: base, count: spec.count) }
            }
        }
    }

    /// The optimizer, RNG, epoch and schedule state (weights excluded: see ``weights()``).
    public func state() -> TrainerState {
        TrainerState(
            epoch: epoch, optimizer: optimizer.state, rngState: rng.state, plateauBest: plateauBest,
            plateauWait: plateauWait, plateauScale: plateauScale)
    }

    /// Restores a state saved by ``state()`` from a trainer with the same configuration.
    ///
    /// - Throws: ``ModelError`` `invalidState` if the moment vectors do not fit this model or
    ///   the RNG state is invalid.
    public func restore(_ saved: TrainerState) throws(ModelError) {
        let count = network.layout.count
        let expectedSecond = config.optimizer.kind == .sgd ? 0 : count
        guard saved.optimizer.first.count == count, saved.optimizer.second.count == expectedSecond else {
            throw ModelError(
                .invalidState,
                "optimizer state has \(saved.optimizer.first.count)/\(saved.optimizer.second.count) values, the model needs \(count)/\(expectedSecond)"
            )
        }
        let expectedAverage = config.optimizer.emaMomentum == nil ? 0 : count
        guard saved.optimizer.average.count == expectedAverage else {
            throw ModelError(
                .invalidState, "the weight average has \(saved.optimizer.average.count) values, the model needs \(expectedAverage)")
        }
        guard saved.epoch >= 0, saved.optimizer.step >= 0, saved.plateauWait >= 0 else {
            throw ModelError(.invalidState, "negative epoch, step or plateau wait")
        }
        guard saved.plateauScale > 0, saved.plateauScale.isFinite else {
            throw ModelError(.invalidState, "plateau scale must be a finite value > 0")
        }
        guard let restored = SeededGenerator(state: saved.rngState) else {
            throw ModelError(.invalidState, "RNG state must be four words, not all zero")
        }
        rng = restored
        optimizer.state = saved.optimizer
        epoch = saved.epoch
        plateauBest = saved.plateauBest
        plateauWait = saved.plateauWait
        plateauScale = saved.plateauScale
    }
}
