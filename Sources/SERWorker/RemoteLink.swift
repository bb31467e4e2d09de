import Foundation
public import SERRemote
import Synchronization

/// A connection to a remote that is made again when the server went away: a worker outlives
/// a restart of its server.
public final class RemoteLink: Sendable {
    private let connect: @Sendable () async throws -> Remote
    private let current = Mutex<Remote?>(nil)

    /// - Parameter connect: opens a new connection (the password handed in by the front end).
    public init(connect: @escaping @Sendable () async throws -> Remote) {
        self.connect = connect
    }

    /// Runs `body` on the connection, connecting first when there is none. A connection the
    /// server dropped is forgotten, so the next call connects again.
    /// - Throws: what `body` or connecting throws.
    public func use<T: Sendable>(_ body: (Remote) async throws -> T) async throws -> T {
        let remote: Remote
        if let open = current.withLock({ $0 }) {
            remote = open
        } else {
            remote = try await connect()
            current.withLock { $0 = remote }
        }
        do {
            return try await body(remote)
        } catch let error as RemoteError where error.code == .unreachable {
            current.withLock { if $0 === remote { $0 = nil } }
            await remote.close()
            throw error
        }
    }

    /// ``use(_:)``, retried while the server is unreachable for up to `seconds` (backing off
    /// from 0.5 s to 5 s between tries).
    /// - Throws: the last ``RemoteError`` when the server stays away, or what `body` throws.
    public func retrying<T: Sendable>(for seconds: Double, _ body: (Remote) async throws -> T) async throws -> T {
        let deadline = Date().addingTimeInterval(seconds)
        var delay = 0.5
        while true {
            do {
                return try await use(body)
            } catch let error as RemoteError where error.code == .unreachable && Date() < deadline {
                try await Task.sleep(for: .seconds(delay))
                delay = min(delay * 2, 5)
            }
        }
    }

    /// Closes the connection, if open.
    public func close() async {
        if let remote = current.withLock({ value -> Remote? in
            defer { value = nil }
            return value
        }) {
            await remote.close()
        }
    }
}
