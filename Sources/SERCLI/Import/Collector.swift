import Foundation

/// An append-only, lock-protected list shared between the import's threads.
final class Collector<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Element] = []

    /// Appends elements.
    func append<S: Sequence>(contentsOf elements: S) where S.Element == Element {
        lock.withLock { storage.append(contentsOf: elements) }
    }

    /// Appends one element.
    func append(_ element: Element) {
        lock.withLock { storage.append(element) }
    }

    /// A copy of the elements.
    func values() -> [Element] { lock.withLock { storage } }
}
