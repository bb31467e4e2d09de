public import Foundation

/// An append-only, lock-protected list shared between the import's threads.
public final class Collector<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Element] = []

    /// Appends elements.
    public func append<S: Sequence>(contentsOf elements: S) where S.Element == Element {
        lock.withLock { storage.append(contentsOf: elements) }
    }

    /// Appends one element.
    public func append(_ element: Element) {
        lock.withLock { storage.append(element) }
    }

    /// A copy of the elements.
    public func values() -> [Element] { lock.withLock { storage } }
}
