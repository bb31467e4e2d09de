import Foundation
internal import SERCore
internal import SERKernels
internal import SERLinearAlgebra

extension Trainer {
    /// One optimizer step on the clips `indices`; returns (Σ weighted loss, correct).
    func step(data: SequenceDataset, indices: ArraySlice<Int>, rate: Float) -> (Double, Int) {
        let active = distribute(data: data, indices: indices, distilling: config.distillation != nil)
        for k in 0..<active { drawMasks(shards[k]) }
        if config.mixup > 0 { for k in 0..<active { drawMixup(shards[k]) } }
        let batchSize = indices.count
        run(active) { network, shard in
            shard.weighted = true
            network.forward(shard, applyDropout: true)
            network.backward(shard, batchSize: batchSize)
        }
        let count = network.layout.count
        let total = gradient.pointer
        total.update(from: shards[0].gradient.pointer, count: count)
        for k in 1..<max(active, 1) { ser_add(total, shards[k].gradient.pointer, count) }
        lastGradientNorm = ser_sum_squares(total, count).squareRoot()
        if let clip = config.clipNorm, lastGradientNorm > Double(clip) {
            let scale = Float(Double(clip) / lastGradientNorm)
            for i in 0..<count { total[i] *= scale }
        }
        optimizer.apply(parameters: network.parameters.pointer, gradient: total, rate: rate)
        var loss = 0.0
        var correct = 0
        for k in 0..<active {
            loss += shards[k].lossSum
            correct += shards[k].correct
        }
        return (loss, correct)
    }

    /// Sorts the batch by effective length (longest first, ties by index), deals it
    /// round-robin to the shards and packs each (with the clips' soft targets when
    /// `distilling`); returns how many shards got rows.
    func distribute(data: SequenceDataset, indices: ArraySlice<Int>, distilling: Bool = false) -> Int {
        let maxFrames = config.maxFrames
        let sorted = indices.sorted { a, b in
            let la = min(data.sequences[a].rows, maxFrames), lb = min(data.sequences[b].rows, maxFrames)
            return la != lb ? la > lb : a < b
        }
        for k in shardIndices.indices { shardIndices[k].removeAll(keepingCapacity: true) }
        for (position, index) in sorted.enumerated() { shardIndices[position % threads].append(index) }
        let active = min(threads, sorted.count)
        for k in 0..<active {
            shards[k].pack(
                sequences: data.sequences, labels: data.labels, targets: distilling ? data.targets : nil,
                indices: shardIndices[k][...], mode: config.sequenceMode,
                dims: config.inputDims)
        }
        return active
    }

    /// Draws this batch's dropout masks for one shard from the trainer's RNG (recurrent masks
    /// layer by layer and direction by direction, then the pooled-vector mask).
    func drawMasks(_ shard: ShardWorkspace) {
        let b = shard.rows
        if config.recurrentDropout > 0 {
            let p = config.recurrentDropout, keep = 1 / (1 - p)
            for (l, layer) in shard.directions.enumerated() {
                for direction in layer {
                    guard let mask = direction.recurrentMask?.pointer else { continue }
                    let n = b * config.lstmUnits[l]
                    for k in 0..<n { mask[k] = rng.nextUnitFloat() < p ? 0 : keep }
                }
            }
        }
        if config.dropout > 0 {
            let p = config.dropout, keep = 1 / (1 - p)
            let mask = shard.dropoutMask.pointer
            for k in 0..<(b * config.pooledWidth) { mask[k] = rng.nextUnitFloat() < p ? 0 : keep }
        }
    }

    /// Mixup for one shard: `λ ~ Beta(α, α)` folded to `max(λ, 1−λ)` and a random
    /// permutation of its rows as partners, from the trainer's RNG; mixes the packed input.
    func drawMixup(_ shard: ShardWorkspace) {
        let alpha = Double(config.mixup)
        let draw = rng.nextBeta(alpha, alpha)
        let lambda = Float(max(draw, 1 - draw))
        var partners = Array(0..<shard.rows)
        for i in stride(from: partners.count - 1, to: 0, by: -1) {
            partners.swapAt(i, Int(rng.next() % UInt64(i + 1)))
        }
        shard.mix(lambda: lambda, partners: partners, dims: config.inputDims)
    }

    /// Runs `work` on the first `active` shards, concurrently when there are several.
    func run(_ active: Int, _ work: @escaping @Sendable (Network, ShardWorkspace) -> Void) {
        let network = self.network
        let shards = self.shards
        if active <= 1 {
            if let first = shards.first { work(network, first) }
            return
        }
        let blasThreads = BLAS.threadCount
        BLAS.setThreadCount(1)
        DispatchQueue.concurrentPerform(iterations: active) { k in
            work(network, shards[k])
        }
        BLAS.setThreadCount(blasThreads)
    }
}
