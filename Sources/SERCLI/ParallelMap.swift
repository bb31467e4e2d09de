import Foundation

/// Maps an array on `workers` threads, each taking the next unclaimed element (so slow
/// files do not hold up a fixed share), and returns the results in input order.
enum ParallelMap {
    static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], workers: Int, _ transform: @Sendable (Input) -> Output) -> [Output] {
        guard !inputs.isEmpty else { return [] }
        let results = Slots<Output>(count: inputs.count)
        let next = Slots<Int>(count: 1)
        next.set(0, 0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, inputs.count))) { _ in
            while let index = next.claim(below: inputs.count) {
                results.set(index, transform(inputs[index]))
            }
        }
        return results.values()
    }
}

/// Lock-protected result slots shared by the workers of ``ParallelMap``.
private final class Slots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Value?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) { lock.withLock { storage[index] = value } }

    /// For the counter slot: returns the current value and increments it, `nil` at `limit`.
    func claim(below limit: Int) -> Int? where Value == Int {
        lock.withLock {
            guard let current = storage[0], current < limit else { return nil }
            storage[0] = current + 1
            return current
        }
    }

    func values() -> [Value] { lock.withLock { storage.compactMap { $0 } } }
}
