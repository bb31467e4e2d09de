import Foundation

/// Maps an array on `workers` threads, each taking the next unclaimed element (so slow
/// files do not hold up a fixed share), and returns the results in input order.
public enum ParallelMap {
    public static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], workers: Int, _ transform: @Sendable (Input) -> Output)
        -> [Output]
    {
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

    /// Like ``map(_:workers:_:)``, with one `State` per worker (made by `makeState` before the
    /// workers start) handed to every `transform` that worker runs: for per-thread workspaces
    /// such as a feature extractor, which must not be shared between threads.
    public static func map<Input: Sendable, Output: Sendable, State>(
        _ inputs: [Input], states: [State], _ transform: @Sendable (State, Input) -> Output
    ) -> [Output] {
        guard !inputs.isEmpty, !states.isEmpty else { return [] }
        let results = Slots<Output>(count: inputs.count)
        let next = Slots<Int>(count: 1)
        next.set(0, 0)
        let perWorker = UncheckedStates(states)
        DispatchQueue.concurrentPerform(iterations: max(1, min(states.count, inputs.count))) { worker in
            let state = perWorker.values[worker]
            while let index = next.claim(below: inputs.count) {
                results.set(index, transform(state, inputs[index]))
            }
        }
        return results.values()
    }
}

/// Per-worker states handed across threads: worker `i` alone uses `values[i]`.
private struct UncheckedStates<State>: @unchecked Sendable {
    public let values: [State]
    public init(_ values: [State]) { self.values = values }
}

/// Lock-protected result slots shared by the workers of ``ParallelMap``.
private final class Slots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Value?]

    public init(count: Int) { storage = Array(repeating: nil, count: count) }

    public func set(_ index: Int, _ value: Value) { lock.withLock { storage[index] = value } }

    /// For the counter slot: returns the current value and increments it, `nil` at `limit`.
    public func claim(below limit: Int) -> Int? where Value == Int {
        lock.withLock {
            guard let current = storage[0], current < limit else { return nil }
            storage[0] = current + 1
            return current
        }
    }

    public func values() -> [Value] { lock.withLock { storage.compactMap { $0 } } }
}
