internal import SERCore
internal import SERLinearAlgebra

extension Trainer {
    /// Runs the network with dropout off over `data` in batches of `batchSize`.
    ///
    /// - Returns: probabilities `[N, C]` and argmax predictions in `data`'s order; with labels
    ///   also the mean loss (label smoothing, no class weights) and accuracy.
    /// - Throws: ``ModelError`` `invalidInput` for malformed clips.
    public func evaluate(_ data: SequenceDataset) throws(ModelError) -> Evaluation {
        try BLAS.exclusively { () throws(ModelError) -> Evaluation in try evaluateAlone(data) }
    }

    /// ``evaluate(_:)`` with OpenBLAS's thread count held (``BLAS/exclusively(_:)``).
    private func evaluateAlone(_ data: SequenceDataset) throws(ModelError) -> Evaluation {
        try data.validate(for: config, requireLabels: false)
        let classes = config.classCount
        var probabilities = Matrix(rows: data.count, columns: classes)
        var predictions = [Int](repeating: 0, count: data.count)
        var lossSum = 0.0
        var correct = 0
        var start = 0
        while start < data.count {
            let end = min(start + config.batchSize, data.count)
            let active = distribute(data: data, indices: (start..<end).map { $0 }[...])
            run(active) { network, shard in
                shard.weighted = false
                network.forward(shard, applyDropout: false)
            }
            for k in 0..<active {
                let shard = shards[k]
                lossSum += shard.lossSum
                correct += shard.correct
                let p = shard.probabilities.pointer
                for (r, index) in shardIndices[k].enumerated() {
                    var best = 0
                    for c in 0..<classes {
                        let value = p[r * classes + c]
                        probabilities[index, c] = value
                        if value > p[r * classes + best] { best = c }
                    }
                    predictions[index] = best
                }
            }
            start = end
        }
        let labelled = data.labels != nil && data.count > 0
        return Evaluation(
            loss: labelled ? lossSum / Double(data.count) : nil,
            accuracy: labelled ? Double(correct) / Double(data.count) : nil,
            predictions: predictions, probabilities: probabilities)
    }
}
