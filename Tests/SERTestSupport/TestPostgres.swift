import Foundation

/// A throw-away PostgreSQL server for tests: `initdb` in a fresh temporary folder, `pg_ctl
/// start` on 127.0.0.1 at a free port with trust authentication, and everything stopped and
/// removed by ``stop()``.
///
/// Debian's `postgresql` package puts the programs in `/usr/lib/postgresql/<version>/bin`; the
/// newest version there is used. `initdb` refuses to run as root, so as root the server runs
/// as `nobody` (65534) through `setpriv`, in a folder owned by that user.
public final class TestPostgres: @unchecked Sendable {
    /// `postgres://ser@127.0.0.1:<port>/ser`: the superuser `ser`, database `ser`.
    public let url: String
    public let port: Int
    private let bin: URL
    private let root: URL
    private let data: URL
    private let runAs: [String]
    private var stopped = false

    /// The folder holding `initdb` and `pg_ctl`, or nil when PostgreSQL is not installed.
    public static let binaries: URL? = {
        let base = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
        return versions.compactMap(Int.init).sorted().reversed().lazy
            .map { base.appendingPathComponent("\($0)/bin") }
            .first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("initdb").path) }
    }()

    /// Whether a server can be started here (for `.enabled(if:)`).
    public static var isAvailable: Bool { binaries != nil }

    /// The message tests print when they skip.
    public static let skipReason = "PostgreSQL is not installed (apt-get install postgresql; see scripts/install-deps.sh)"

    /// Starts a server; call ``stop()`` when done (or use ``with(_:)``). With `network`, the
    /// server runs inside the network's server namespace and listens on every address there
    /// (loopback and the clients' links, nothing else exists in it); ``url`` then names the
    /// loopback address, and ``url(for:)`` the address client `i` reaches.
    /// - Throws: ``TestPostgresError`` with the failing command's output.
    public static func start(network: TestNetwork? = nil) throws -> TestPostgres {
        guard let bin = binaries else { throw TestPostgresError(reason: skipReason) }
        let root = URL(fileURLWithPath: geteuid() == 0 ? "/tmp" : NSTemporaryDirectory())
            .appendingPathComponent("ser-pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var runAs: [String] = network.map { $0.inside($0.server) } ?? []
        if geteuid() == 0 {
            runAs += ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
            try run(["/bin/chown", "65534:65534", root.path])
        }
        let listen = network == nil ? "127.0.0.1" : "*"
        let data = root.appendingPathComponent("data")
        do {
            try run(
                runAs + [
                    bin.appendingPathComponent("initdb").path, "-D", data.path, "-A", "trust", "-U", "ser",
                    "-E", "UTF8", "--locale=C", "--no-sync",
                ])
            if network != nil {
                // Trust the namespaces' private links as initdb trusts loopback.
                let hba = try FileHandle(forWritingTo: data.appendingPathComponent("pg_hba.conf"))
                try hba.seekToEnd()
                try hba.write(contentsOf: Data("host all all \(TestNetwork.addresses) trust\n".utf8))
                try hba.close()
            }
            var lastError: (any Error)?
            for _ in 0..<3 {
                let port = try freePort()
                do {
                    try run(
                        runAs + [
                            bin.appendingPathComponent("pg_ctl").path, "-D", data.path, "-l",
                            root.appendingPathComponent("server.log").path, "-w", "-t", "60", "-o",
                            serverOptions(port: port, root: root, listen: listen), "start",
                        ])
                    let server = TestPostgres(bin: bin, root: root, data: data, port: port, runAs: runAs, listen: listen)
                    try run(runAs + [bin.appendingPathComponent("createdb").path, "-h", "127.0.0.1", "-p", "\(port)", "-U", "ser", "ser"])
                    return server
                } catch {
                    lastError = error
                }
            }
            throw lastError ?? TestPostgresError(reason: "the server did not start")
        } catch {
            try? FileManager.default.removeItem(at: root)
            throw error
        }
    }

    /// Runs `body` with a fresh server, stopping it afterwards whatever happens.
    public static func with<T>(network: TestNetwork? = nil, _ body: (TestPostgres) async throws -> T) async throws -> T {
        let server = try start(network: network)
        defer { server.stop() }
        return try await body(server)
    }

    private init(bin: URL, root: URL, data: URL, port: Int, runAs: [String], listen: String) {
        self.bin = bin
        self.root = root
        self.data = data
        self.port = port
        self.runAs = runAs
        self.listen = listen
        self.url = "postgres://ser@127.0.0.1:\(port)/ser"
    }

    /// What the server listens on (`127.0.0.1`, or `*` inside a ``TestNetwork``).
    private let listen: String

    /// The URL client `index` of the server's ``TestNetwork`` connects to.
    public func url(for network: TestNetwork, client index: Int) -> String {
        "postgres://ser@\(network.serverAddress(for: index)):\(port)/ser"
    }

    /// A new empty database on this server; its URL.
    public func makeDatabase(_ name: String) throws -> String {
        try Self.run(runAs + [bin.appendingPathComponent("createdb").path, "-h", "127.0.0.1", "-p", "\(port)", "-U", "ser", name])
        return "postgres://ser@127.0.0.1:\(port)/\(name)"
    }

    /// Runs `sql` with `psql` against database `database`; its unaligned output.
    @discardableResult
    public func psql(_ sql: String, database: String = "ser") throws -> String {
        try Self.run(
            runAs + [
                bin.appendingPathComponent("psql").path, "-h", "127.0.0.1", "-p", "\(port)", "-U", "ser",
                "-d", database, "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql,
            ])
    }

    /// The single value `sql` returns, trimmed.
    public func value(_ sql: String) throws -> String {
        try psql(sql).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Stops the server at once, as a crash or a reboot would; ``startAgain()`` brings it back.
    public func kill() throws {
        try Self.run(runAs + [bin.appendingPathComponent("pg_ctl").path, "-D", data.path, "-m", "immediate", "-w", "stop"])
    }

    /// Starts the server stopped by ``kill()`` again on the same port (with crash recovery).
    public func startAgain() throws {
        try Self.run(
            runAs + [
                bin.appendingPathComponent("pg_ctl").path, "-D", data.path, "-l", root.appendingPathComponent("server.log").path,
                "-w", "-t", "60", "-o", Self.serverOptions(port: port, root: root, listen: listen), "start",
            ])
    }

    /// The server's options: loopback only (or every address of its private namespace), at
    /// `port`, its socket in `root`, no fsync.
    static func serverOptions(port: Int, root: URL, listen: String) -> String {
        "-c listen_addresses='\(listen)' -p \(port) -k \(root.path) -c fsync=off"
    }

    /// Stops the server at once and removes its folder.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        _ = try? Self.run(runAs + [bin.appendingPathComponent("pg_ctl").path, "-D", data.path, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(at: root)
    }

    deinit { stop() }

    /// A TCP port on 127.0.0.1 nothing listens on right now.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestPostgresError(reason: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(fd, pointer, length) == 0 else { return -1 }
                return getsockname(fd, pointer, &length)
            }
        }
        guard bound == 0 else { throw TestPostgresError(reason: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Runs a program; its standard output and error. Throws with them when it fails.
    ///
    /// `posix_spawn` and `waitpid`, not Foundation's `Process`: `pg_ctl start` leaves the
    /// server running with the descriptors it inherited, and `Process` on Linux waits for every
    /// holder of a descriptor it gives the child to close it, so it would never return. The
    /// output goes to a file for the same reason.
    @discardableResult
    static func run(_ arguments: [String]) throws -> String {
        let capture = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("ser-pg-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: capture) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, capture.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // From `/`, which the server's user can read whatever folder the tests run in.
        let command = ["/bin/sh", "-c", "cd / && exec \"$@\"", "sh"] + arguments
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw TestPostgresError(reason: "cannot start \(arguments[0]): errno \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw TestPostgresError(reason: "waitpid failed: errno \(errno)") }
        }
        let text = (try? String(contentsOf: capture, encoding: .utf8)) ?? ""
        // WIFEXITED && WEXITSTATUS == 0, spelt out (the C macros are not imported).
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw TestPostgresError(reason: "\(arguments.joined(separator: " ")) failed (status \(status)): \(text)")
        }
        return text
    }
}

/// Free loopback ports, for tests that need an address nothing answers on.
public enum TestPostgresPort {
    public static func free() throws -> Int { try TestPostgres.freePort() }
}

/// A test server that could not be started or used.
public struct TestPostgresError: Error, CustomStringConvertible {
    public let reason: String
    public var description: String { reason }
}
