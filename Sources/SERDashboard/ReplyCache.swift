import Synchronization

/// Replies already rendered (pages, figures, JSON), each kept with the database's data
/// version it was rendered at (``StoreChangeCounter``) and served again until the database
/// changes, so a finished run's page and figures are drawn once, not once per visit. A reply
/// that shows a running run (whose status turns `dead` with time alone) is kept at most
/// ``liveSeconds``. At most ``capacity`` bytes are kept, the least recently used going first.
final class ReplyCache: Sendable {
    /// The most bytes of reply bodies kept.
    static let capacity = 64 << 20
    /// How long a reply showing a running run is served again, in seconds.
    static let liveSeconds = 1.0

    private struct Entry {
        var version: Int64
        var expires: ContinuousClock.Instant?
        var reply: DashboardReply
        var lastUse: UInt64
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var bytes = 0
        var clock: UInt64 = 0
    }

    private let state = Mutex(State())

    /// The reply kept for `key` if it was rendered at `version` and has not expired.
    func reply(_ key: String, version: Int64) -> DashboardReply? {
        let now = ContinuousClock.now
        return state.withLock { state in
            guard var entry = state.entries[key] else { return nil }
            guard entry.version == version, entry.expires.map({ now < $0 }) ?? true else {
                state.bytes -= entry.reply.body.count
                state.entries[key] = nil
                return nil
            }
            state.clock += 1
            entry.lastUse = state.clock
            state.entries[key] = entry
            return entry.reply
        }
    }

    /// Keeps `reply` for `key`, rendered at `version`, if its freshness allows.
    func keep(_ reply: DashboardReply, _ key: String, version: Int64) {
        guard let freshness = reply.freshness, reply.status == 200, reply.body.count <= Self.capacity / 8 else { return }
        let expires: ContinuousClock.Instant? = freshness == .live ? .now + .milliseconds(Int(Self.liveSeconds * 1000)) : nil
        state.withLock { state in
            if let old = state.entries[key] { state.bytes -= old.reply.body.count }
            state.clock += 1
            state.entries[key] = Entry(version: version, expires: expires, reply: reply, lastUse: state.clock)
            state.bytes += reply.body.count
            while state.bytes > Self.capacity, let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
                state.bytes -= oldest.value.reply.body.count
                state.entries[oldest.key] = nil
            }
        }
    }
}
