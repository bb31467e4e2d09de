internal import SERCore

extension ShardWorkspace {
    /// Packs clips `sequences[i]` for `i` in `indices` (already ordered by non-increasing
    /// effective length) into the time-major input `[T, b, D]`.
    ///
    /// Masked mode: each row keeps `min(frames, maxFrames)` frames and `T` is the longest.
    /// Padded mode: every row has length `T = maxFrames`, zero-filled after its last frame.
    /// Rows of `targets` (soft targets, `[clips, classes]`) follow their clips.
    func pack(
        sequences: [Matrix], labels sourceLabels: [Int]?, targets sourceTargets: Matrix? = nil, indices: ArraySlice<Int>,
        mode: SequenceMode, dims: Int
    ) {
        rows = indices.count
        mixPartners.removeAll(keepingCapacity: true)
        mixWeight = 1
        lengths.removeAll(keepingCapacity: true)
        labels.removeAll(keepingCapacity: true)
        targets.removeAll(keepingCapacity: true)
        for i in indices {
            let frames = min(sequences[i].rows, maxSteps)
            lengths.append(mode == .padded ? maxSteps : frames)
            labels.append(sourceLabels?[i] ?? -1)
            if let sourceTargets { targets.append(contentsOf: sourceTargets.row(i)) }
        }
        steps = lengths.first ?? 0
        active.removeAll(keepingCapacity: true)
        offsets.removeAll(keepingCapacity: true)
        offsets.append(0)
        var n = rows
        for t in 0..<steps {
            while n > 0 && lengths[n - 1] <= t { n -= 1 }
            active.append(n)
            offsets.append(offsets[t] + n)
        }
        input.zero(packedRows * dims)
        for (r, i) in indices.enumerated() {
            let frames = min(sequences[i].rows, maxSteps)
            sequences[i].values.withUnsafeBufferPointer { src in
                guard let base = src.baseAddress else { return }
                for t in 0..<frames {
                    (input.pointer + (offsets[t] + r) * dims).update(from: base + t * dims, count: dims)
                }
            }
        }
    }
}
