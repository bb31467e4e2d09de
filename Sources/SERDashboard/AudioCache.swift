import Foundation
import Synchronization

/// The WAV bytes of the last few clips played, so a browser's several range requests for one
/// clip decode and hash its file once. Holds at most ``capacity`` clips.
final class AudioCache: Sendable {
    static let shared = AudioCache()
    /// Clips kept.
    static let capacity = 16

    private let entries = Mutex<[(id: Int64, wav: Data)]>([])

    /// The cached WAV of clip `id`, or `make()`'s (cached when it succeeds).
    func wav(_ id: Int64, make: () throws -> Data) throws -> Data {
        if let hit = entries.withLock({ list in list.first { $0.id == id }?.wav }) { return hit }
        let wav = try make()
        entries.withLock { list in
            list.removeAll { $0.id == id }
            list.append((id, wav))
            if list.count > Self.capacity { list.removeFirst(list.count - Self.capacity) }
        }
        return wav
    }
}
