extension ShardWorkspace {
    /// Mixes the packed batch in place: row `r` becomes `λ·x_r + (1−λ)·x_{partners[r]}` at
    /// every step `t` it has; where the partner is shorter its missing frames count as zeros
    /// (as padding would), so only `λ·x_r` remains. Records the mix for the loss.
    ///
    /// - Parameters:
    ///   - lambda: the weight of each row's own clip, in [0, 1].
    ///   - partners: a row index in `0..<rows` per row (a permutation in training).
    ///   - dims: input width `D`.
    func mix(lambda: Float, partners: [Int], dims: Int) {
        guard partners.count == rows, rows > 0, mixScratch.count >= rows * dims,
            partners.allSatisfy({ (0..<rows).contains($0) })
        else { return }
        mixPartners.removeAll(keepingCapacity: true)
        mixPartners.append(contentsOf: partners)
        mixWeight = lambda
        let x = input.pointer, scratch = mixScratch.pointer
        let other = 1 - lambda
        for t in 0..<steps {
            let n = active[t]
            let step = x + offsets[t] * dims
            scratch.update(from: step, count: n * dims)
            for r in 0..<n {
                let q = partners[r]
                let row = step + r * dims
                if q < n {
                    let partner = scratch + q * dims
                    for k in 0..<dims { row[k] = lambda * row[k] + other * partner[k] }
                } else {
                    for k in 0..<dims { row[k] = lambda * row[k] }
                }
            }
        }
    }
}
