import SERCore
@testable import SERModel

/// Helpers shared by the SERModel tests: random data and direct access to loss and gradient.
enum ModelTestSupport {
    /// `count` random clips `[length, dims]` with lengths cycling through `lengths`, values
    /// N(0, 1), and labels cycling through the classes.
    static func randomData(count: Int, dims: Int, lengths: [Int], classes: Int, seed: UInt64) -> SequenceDataset? {
        var rng = SeededGenerator(seed: seed)
        var sequences: [Matrix] = []
        var labels: [Int] = []
        for i in 0..<count {
            let length = lengths[i % lengths.count]
            let values = (0..<(length * dims)).map { _ in Float(rng.nextGaussian()) }
            guard let m = Matrix(rows: length, columns: dims, values: values) else { return nil }
            sequences.append(m)
            labels.append(i % classes)
        }
        return try? SequenceDataset(sequences: sequences, labels: labels)
    }

    /// `data` with random soft targets `[clips, classes]`: each row positive values summing to 1.
    static func withRandomTargets(_ data: SequenceDataset, classes: Int, seed: UInt64) -> SequenceDataset? {
        var rng = SeededGenerator(seed: seed)
        var values: [Float] = []
        for _ in 0..<data.count {
            let raw = (0..<classes).map { _ in Float(0.05 + rng.nextUnitFloat()) }
            let total = raw.reduce(0, +)
            values += raw.map { $0 / total }
        }
        guard let targets = Matrix(rows: data.count, columns: classes, values: values) else { return nil }
        return try? SequenceDataset(sequences: data.sequences, labels: data.labels, targets: targets)
    }

    /// The batch loss `Σ w·CE / N` over all of `data` as one batch (dropout masks as they
    /// are in the workspaces when `dropout` is true, else off) and, with `gradient`, its
    /// gradient in parameter order.
    ///
    /// `mix` mixes each shard's rows after packing (mixup with a fixed λ and partners).
    static func loss(
        _ trainer: Trainer, _ data: SequenceDataset, dropout: Bool = false, mix: Mix? = nil, gradient: Bool
    ) -> (Double, [Float]) {
        let active = trainer.distribute(
            data: data, indices: (0..<data.count).map { $0 }[...], distilling: trainer.config.distillation != nil)
        if let mix {
            for k in 0..<active {
                let shard = trainer.shards[k]
                shard.mix(lambda: mix.lambda, partners: mix.partners(shard.rows), dims: trainer.config.inputDims)
            }
        }
        var loss = 0.0
        var total = [Float](repeating: 0, count: trainer.parameterCount)
        for k in 0..<active {
            let shard = trainer.shards[k]
            shard.weighted = true
            trainer.network.forward(shard, applyDropout: dropout)
            loss += shard.lossSum
            if gradient {
                trainer.network.backward(shard, batchSize: data.count)
                for i in total.indices { total[i] += shard.gradient.pointer[i] }
            }
        }
        return (loss / Double(data.count), total)
    }

    /// Central finite differences of ``loss(_:_:dropout:gradient:)`` for every parameter,
    /// with step `h`; returns the worst `|analytic - numeric| / (atol + rtol·|numeric|)` and
    /// the name of the tensor where it occurs (≤ 1 passes).
    static func gradientCheck(
        _ trainer: Trainer, _ data: SequenceDataset, dropout: Bool = false, mix: Mix? = nil, h: Float, atol: Double, rtol: Double
    ) -> (worst: Double, tensor: String, checked: Int) {
        let (_, analytic) = loss(trainer, data, dropout: dropout, mix: mix, gradient: true)
        let p = trainer.network.parameters.pointer
        var worst = 0.0
        var worstTensor = ""
        var checked = 0
        for tensor in trainer.network.layout.tensors {
            for k in tensor.offset..<(tensor.offset + tensor.count) {
                let saved = p[k]
                p[k] = saved + h
                let plus = loss(trainer, data, dropout: dropout, mix: mix, gradient: false).0
                p[k] = saved - h
                let minus = loss(trainer, data, dropout: dropout, mix: mix, gradient: false).0
                p[k] = saved
                let numeric = (plus - minus) / (2 * Double(h))
                let ratio = abs(Double(analytic[k]) - numeric) / (atol + rtol * abs(numeric))
                if ratio > worst {
                    worst = ratio
                    worstTensor = "\(tensor.name)[\(k - tensor.offset)] analytic \(analytic[k]) numeric \(numeric)"
                }
                checked += 1
            }
        }
        return (worst, worstTensor, checked)
    }

    /// A fixed mixup: weight λ of each row's own clip and its partner row, by shard size.
    struct Mix {
        var lambda: Float
        var partners: (Int) -> [Int]
        /// Each row mixed with the rows in reverse order.
        static func reversed(_ lambda: Float) -> Mix { Mix(lambda: lambda) { Array((0..<$0).reversed()) } }
    }
}
