import Foundation
internal import SERCore
internal import SERLinearAlgebra

/// Trains and evaluates one model: owns the weights, the optimizer, the RNG and the
/// preallocated workspaces. The caller drives the epochs (``trainEpoch(_:)``), so it can
/// checkpoint, stop early or be interrupted between epochs.
///
/// Each batch is split into `threads` shards (clips sorted by length, dealt round-robin) that
/// run forward and backward concurrently on their own workspace with single-threaded BLAS;
/// their gradients are summed in shard order, so the same seed, data and `threads` give
/// bit-identical weights. While the shards run, OpenBLAS is set to one thread (and set back
/// after); with `threads == 1` BLAS keeps its own thread count.
public final class Trainer {
    /// The validated configuration.
    public let config: ModelConfig
    /// Worker threads per batch (≥ 1).
    public let threads: Int
    let network: Network
    var optimizer: Optimizer
    var rng: SeededGenerator
    /// Epochs completed.
    public internal(set) var epoch = 0
    var plateauBest: Double?
    var plateauWait = 0
    var plateauScale: Float = 1
    let shards: [ShardWorkspace]
    let gradient: FloatBuffer
    var shardIndices: [[Int]]
    var lastGradientNorm = 0.0

    /// Builds a freshly initialised model.
    ///
    /// - Parameters:
    ///   - config: the model; validated here.
    ///   - threads: worker threads per batch (clamped to `1...batchSize`).
    /// - Throws: ``ModelError`` `invalidConfig` from ``ModelConfig/validate()``.
    public convenience init(config: ModelConfig, threads: Int = 2) throws(ModelError) {
        try self.init(config: config, threads: threads, gemm: .automatic)
    }

    /// ``init(config:threads:)`` with the LSTM's GEMM engine chosen (tests run each kernel the
    /// CPU has, benchmarks compare libraries).
    public convenience init(config: ModelConfig, threads: Int, gemm: GEMM.Engine) throws(ModelError) {
        try self.init(config: config, threads: threads, gemm: gemm, initialize: true)
    }

    /// The designated initialiser; `initialize: false` leaves the weights zero for
    /// ``loaded(_:config:clips:)`` to fill.
    init(config: ModelConfig, threads: Int, gemm: GEMM.Engine, initialize: Bool) throws(ModelError) {
        try config.validate()
        self.config = config
        self.threads = max(1, min(threads, config.batchSize))
        let network = Network(config: config, gemm: gemm)
        self.network = network
        let root = SeededGenerator(seed: config.seed)
        if initialize {
            var initRNG = root.derived(1)
            network.initialize(rng: &initRNG)
        }
        rng = root.derived(2)
        optimizer = Optimizer(config: config.optimizer, layout: network.layout)
        let capacity = (config.batchSize + self.threads - 1) / self.threads
        shards = (0..<self.threads).map { _ in ShardWorkspace(config: config, layout: network.layout, capacity: capacity) }
        gradient = FloatBuffer(count: network.layout.count)
        shardIndices = Array(repeating: [], count: self.threads)
        for k in shardIndices.indices { shardIndices[k].reserveCapacity(capacity) }
    }

    /// The learning rate the next ``trainEpoch(_:)`` will use.
    public var learningRate: Float {
        config.schedule.rate(base: config.optimizer.learningRate, epoch: epoch, plateauScale: plateauScale)
    }

    /// Number of trainable parameters.
    public var parameterCount: Int { network.layout.count }

    /// Trains one epoch: shuffles the clips with the trainer's RNG, then one optimizer step
    /// per batch of `batchSize` clips (the last batch may be smaller).
    ///
    /// - Returns: the epoch's mean loss, accuracy and learning rate.
    /// - Throws: ``ModelError`` `invalidInput` for an empty or malformed dataset.
    public func trainEpoch(_ data: SequenceDataset) throws(ModelError) -> EpochResult {
        try BLAS.exclusively { () throws(ModelError) -> EpochResult in try trainEpochAlone(data) }
    }

    /// ``trainEpoch(_:)`` with OpenBLAS's thread count held (``BLAS/exclusively(_:)``).
    private func trainEpochAlone(_ data: SequenceDataset) throws(ModelError) -> EpochResult {
        try data.validate(for: config, requireLabels: true)
        guard data.count > 0 else { throw ModelError(.invalidInput, "the training set is empty") }
        let rate = learningRate
        var order = Array(0..<data.count)
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            let j = Int(rng.next() % UInt64(i + 1))
            order.swapAt(i, j)
        }
        var lossSum = 0.0
        var correct = 0
        var start = 0
        while start < order.count {
            let end = min(start + config.batchSize, order.count)
            let (loss, hits) = step(data: data, indices: order[start..<end], rate: rate)
            lossSum += loss
            correct += hits
            start = end
        }
        let result = EpochResult(
            epoch: epoch, loss: lossSum / Double(data.count), accuracy: Double(correct) / Double(data.count),
            learningRate: rate, lastGradientNorm: lastGradientNorm)
        epoch += 1
        return result
    }

    /// Feeds the epoch's validation loss to a `reduceOnPlateau` schedule (no effect on the
    /// other schedules). Call once per epoch, after ``trainEpoch(_:)``.
    public func observeValidation(loss: Double) {
        guard case .reduceOnPlateau(let factor, let patience, let minDelta, _) = config.schedule else { return }
        if let best = plateauBest, !(loss < best - Double(minDelta)) {
            plateauWait += 1
            if plateauWait >= patience {
                plateauScale *= factor
                plateauWait = 0
            }
        } else {
            plateauBest = loss
            plateauWait = 0
        }
    }
}
