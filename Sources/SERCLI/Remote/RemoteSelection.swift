import ArgumentParser
import SERRemote
import SERStore

/// Which remote a `push` or `pull` means: the one named, else `origin`, else the only one.
enum RemoteSelection {
    /// The remote's record; with `name` nil, `origin` or the only remote.
    /// - Throws: `RemoteError.unknownRemote` naming the remotes there are.
    static func record(_ name: String?, in store: Store) throws -> RemoteRecord {
        let remotes = try store.remotes()
        if let name {
            if let found = remotes.first(where: { $0.name == name }) { return found }
            throw RemoteError(
                .unknownRemote, remote: name, "no such remote\(known(remotes)); add one with ser remote add \(name) postgres://user@host/db"
            )
        }
        if let origin = remotes.first(where: { $0.name == "origin" }) { return origin }
        if remotes.count == 1 { return remotes[0] }
        throw RemoteError(
            .unknownRemote, remote: store.path,
            remotes.isEmpty
                ? "has no remote; add one with ser remote add origin postgres://user@host/db"
                : "has several remotes and none is origin; name one\(known(remotes))")
    }

    /// Connects to `record` (the password from the environment or `~/.pgpass`), runs `body`
    /// and closes the connection, whatever `body` does.
    static func using<T: Sendable>(_ record: RemoteRecord, _ body: @escaping @Sendable (Remote) async throws -> T) throws -> T {
        let url = try RemoteURL(record.url)
        let password = RemotePassword.lookup(for: url)
        return try BlockingTask.run { try await Remote.withConnection(name: record.name, url: url, password: password, body) }
    }

    /// Opens a new connection to `record` each time it is called (a worker reconnects after
    /// a server restart), the password from the environment or `~/.pgpass`.
    static func connector(_ record: RemoteRecord) throws -> @Sendable () async throws -> Remote {
        let url = try RemoteURL(record.url)
        let password = RemotePassword.lookup(for: url)
        return { try await Remote.connect(name: record.name, url: url, password: password) }
    }

    private static func known(_ remotes: [RemoteRecord]) -> String {
        remotes.isEmpty ? "" : " (remotes: \(remotes.map(\.name).joined(separator: ", ")))"
    }

    /// `--json` is not offered by the remote commands yet.
    static func refuseJSON(_ options: GlobalOptions, command: String) throws {
        if options.json { throw ValidationError("ser \(command) has no --json output yet") }
    }
}
