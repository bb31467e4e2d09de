import PostgresNIO
import SERStore
import Synchronization

/// One open connection to a team remote: a PostgreSQL database with `ser`'s remote schema.
///
/// ``connect(name:url:password:)`` migrates the schema to this binary's version (or refuses a
/// remote migrated by a newer `ser`). Push and pull are in `Remote+Push` and `Remote+Pull`.
/// Nothing here prints or reads the environment: the password is handed in.
public final class Remote: Sendable {
    /// The name the user gave the remote, for messages.
    public let name: String
    public let url: RemoteURL
    let connection: PostgresConnection
    let logger: Logger

    private init(name: String, url: RemoteURL, connection: PostgresConnection, logger: Logger) {
        self.name = name
        self.url = url
        self.connection = connection
        self.logger = logger
    }

    /// Connects (as ``connect(name:url:password:)``), runs `body` and closes the connection
    /// however `body` ends: postgres-nio stops the process when a connection is dropped open,
    /// which would turn any error into a crash.
    public static func withConnection<T>(name: String, url: RemoteURL, password: String?, _ body: (Remote) async throws -> T)
        async throws -> T
    {
        let remote = try await connect(name: name, url: url, password: password)
        do {
            let result = try await body(remote)
            await remote.close()
            return result
        } catch {
            await remote.close()
            throw error
        }
    }

    /// Connects and brings the remote's schema up to ``RemoteMigrations/latestVersion``.
    /// - Parameter password: from `PGPASSWORD` or `~/.pgpass` (see ``PGPass``), or nil for
    ///   trust or peer authentication; a password in `url` is used when this is nil.
    /// - Throws: ``RemoteError`` `.unreachable`, `.authentication`, `.newerSchema`, `.server`.
    public static func connect(name: String, url: RemoteURL, password: String?) async throws -> Remote {
        let logger = Logger(label: "ser.remote")
        let tls: PostgresConnection.Configuration.TLS
        do {
            tls = try Self.tls(url.sslMode)
        } catch {
            throw RemoteError(.invalidURL, remote: name, "TLS could not be set up: \(error)")
        }
        var configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: password ?? url.password, database: url.database,
            tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        } catch {
            throw describe(error, remote: name, url: url)
        }
        let remote = Remote(name: name, url: url, connection: connection, logger: logger)
        do {
            try await remote.migrate()
        } catch {
            await remote.close()
            throw error
        }
        return remote
    }

    /// Closes the connection.
    public func close() async {
        try? await connection.close()
    }

    private static func tls(_ mode: SSLMode) throws -> PostgresConnection.Configuration.TLS {
        var unchecked = TLSConfiguration.makeClientConfiguration()
        unchecked.certificateVerification = .none
        switch mode {
        case .disable: return .disable
        case .prefer: return .prefer(try .init(configuration: unchecked))
        case .require: return .require(try .init(configuration: unchecked))
        case .verifyCA:
            var checked = TLSConfiguration.makeClientConfiguration()
            checked.certificateVerification = .noHostnameVerification
            return .require(try .init(configuration: checked))
        case .verifyFull: return .require(try .init(configuration: .makeClientConfiguration()))
        }
    }

    // MARK: Statements

    /// Runs one statement with `values` bound to `$1…$N`.
    func execute(_ sql: String, _ values: [ExchangeValue] = []) async throws {
        _ = try await rows(sql, values)
    }

    /// Runs one query and returns its rows as exchanged values.
    func rows(_ sql: String, _ values: [ExchangeValue] = []) async throws -> [[ExchangeValue]] {
        var binds = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .null: binds.appendNull()
            case .integer(let v): binds.append(v)
            case .real(let v): binds.append(v)
            case .text(let v): binds.append(v)
            case .blob(let v): binds.append(ByteBuffer(bytes: v))
            }
        }
        let query = PostgresQuery(unsafeSQL: sql, binds: binds)
        do {
            return try await withDeadline { [connection, logger] in
                let sequence = try await connection.query(query, logger: logger)
                var result: [[ExchangeValue]] = []
                for try await row in sequence {
                    result.append(try row.map(Self.value))
                }
                return result
            }
        } catch let error as RemoteError {
            throw error
        } catch {
            throw Self.describe(error, remote: name, url: url)
        }
    }

    /// Seconds a statement may go unanswered before the connection is taken for dead.
    static let queryTimeout = 30.0

    /// `body`'s result, or `RemoteError.unreachable` when it takes longer than
    /// ``queryTimeout``; the connection is then closed. (A statement sent on a connection
    /// whose server was killed can wait for ever: the client does not always notice.)
    private func withDeadline<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let failure = RemoteError(.unreachable, remote: name, "\(url.host):\(url.port) did not answer within \(Int(Self.queryTimeout)) s")
        let connection = connection
        return try await withCheckedThrowingContinuation { continuation in
            let resumed = Mutex(false)
            let resume: @Sendable (Result<T, any Error>) -> Bool = { result in
                guard
                    resumed.withLock({ done in
                        defer { done = true }; return !done
                    })
                else { return false }
                continuation.resume(with: result)
                return true
            }
            let timer = Task {
                do { try await Task.sleep(for: .seconds(Self.queryTimeout)) } catch { return }
                if resume(.failure(failure)) { try? await connection.close() }
            }
            Task {
                let result: Result<T, any Error>
                do { result = .success(try await body()) } catch { result = .failure(error) }
                timer.cancel()
                _ = resume(result)
            }
        }
    }

    /// Runs `body` between `BEGIN` and `COMMIT`, rolling back when it throws.
    func transaction<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await execute("BEGIN")
        do {
            let result = try await body()
            try await execute("COMMIT")
            return result
        } catch {
            try? await execute("ROLLBACK")
            throw error
        }
    }

    private static func value(_ cell: PostgresCell) throws -> ExchangeValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
        case .float4, .float8: return .real(try cell.decode(Double.self))
        case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
        case .bytea:
            var buffer = try cell.decode(ByteBuffer.self)
            return .blob(buffer.readBytes(length: buffer.readableBytes) ?? [])
        default: return .text(try cell.decode(String.self))
        }
    }

    /// A one-line ``RemoteError`` for a client or server failure.
    static func describe(_ error: any Error, remote: String, url: RemoteURL) -> RemoteError {
        guard let error = error as? PSQLError else { return RemoteError(.server, remote: remote, "\(error)") }
        if let info = error.serverInfo {
            let message = info[.message] ?? "the server refused"
            let state = info[.sqlState] ?? ""
            if state == "28P01" || state == "28000" {
                return RemoteError(.authentication, remote: remote, "\(message) (set PGPASSWORD or add a line to ~/.pgpass)")
            }
            if state == "3D000" { return RemoteError(.server, remote: remote, message) }
            // Shutting down, starting up, or a broken connection: the server is not there (yet).
            if state.hasPrefix("57P") || state.hasPrefix("08") {
                return RemoteError(.unreachable, remote: remote, "\(url.host):\(url.port): \(message)")
            }
            return RemoteError(.server, remote: remote, "\(message)\(info[.detail].map { " (\($0))" } ?? "")")
        }
        switch error.code {
        case .authMechanismRequiresPassword:
            return RemoteError(
                .authentication, remote: remote, "the server asks for a password: set PGPASSWORD or add a line to ~/.pgpass")
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .sslUnsupported:
            let cause = error.underlying.map { "\($0)" } ?? "\(error.code)"
            return RemoteError(.unreachable, remote: remote, "cannot reach \(url.host):\(url.port) (\(cause))")
        default:
            return RemoteError(.server, remote: remote, "\(error.code)\(error.underlying.map { ": \($0)" } ?? "")")
        }
    }
}
