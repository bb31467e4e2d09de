/// A fixed-size, zero-initialised, heap-allocated `Float` buffer owned by one object.
///
/// Workspaces are made of these so that the training loop never allocates: every buffer is
/// sized once for the largest batch and reused.
final class FloatBuffer: @unchecked Sendable {
    /// The first element; valid for `count` elements while `self` lives.
    let pointer: UnsafeMutablePointer<Float>
    /// Number of elements.
    let count: Int

    init(count: Int) {
        self.count = max(count, 1)
        pointer = UnsafeMutablePointer<Float>.allocate(capacity: self.count)
        pointer.initialize(repeating: 0, count: self.count)
    }

    deinit {
        pointer.deallocate()
    }

    /// Sets the first `n` elements (all by default) to zero.
    func zero(_ n: Int? = nil) {
        pointer.update(repeating: 0, count: min(n ?? count, count))
    }

    /// A copy of the first `n` elements (all by default).
    func array(_ n: Int? = nil) -> [Float] {
        Array(UnsafeBufferPointer(start: pointer, count: min(n ?? count, count)))
    }
}
