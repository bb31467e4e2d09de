public import Foundation
#if canImport(Glibc)
    import Glibc
#endif
public import GRDB
import SERCore

/// The `ser` database: one SQLite file in WAL mode with foreign keys on and a busy timeout,
/// migrated to this binary's schema when opened.
///
/// Open existing databases with ``open(at:)`` and create new ones with ``create(at:)``.
/// Both check the file before SQLite touches it, so a text file, an empty file or another
/// program's SQLite database is refused and left byte-for-byte as it was.
public final class Store: Sendable {
    /// Absolute path of the database file.
    public let path: String
    /// The GRDB connection pool (one writer, concurrent readers).
    public let pool: DatabasePool
    /// What SQLite was given to open: `path`, or a `file:…?immutable=1` URI for a database on
    /// a read-only folder or medium (another connection to the file must be opened alike).
    let location: String

    private init(path: String, location: String? = nil, pool: DatabasePool) {
        self.path = path
        self.location = location ?? path
        self.pool = pool
    }

    /// How long a writer waits for another process's write lock before giving up (seconds).
    public static let busyTimeout: TimeInterval = 60

    /// Opens an existing `ser` database and migrates it to the latest schema.
    ///
    /// With `readOnly` (the commands that only read) nothing is ever written: the schema must
    /// already be current, and a database in a read-only file, folder or medium can be read.
    /// A writable open of a database that cannot be written (a `chmod 444` file, a read-only
    /// folder) also falls back to read-only when its schema is current, so reading never
    /// needs write access; the first write then fails with a `.io` error saying why.
    ///
    /// - Throws: ``StoreError`` `.notFound`, `.notADatabase`, `.notASerDatabase`,
    ///   `.newerSchema`, `.migrationFailed`, `.needsMigration`.
    public static func open(at path: String, readOnly: Bool = false) throws -> Store {
        let absolute = absolutePath(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
            throw StoreError(.notFound, path: absolute, "no such file")
        }
        if isDirectory.boolValue {
            throw StoreError(.notADatabase, path: absolute, "is a folder, not a ser database file")
        }
        try DatabaseFileCheck.inspect(absolute)
        let writable = isWritable(absolute)
        if readOnly && writable {
            // A read command on a database an older ser wrote: migrate it once (the one
            // write a read command does), then read without writing.
            do {
                return try connectReadOnly(absolute)
            } catch let error as StoreError where error.code == .needsMigration {
                try connect(absolute, creating: false).pool.close()
                return try connectReadOnly(absolute)
            }
        }
        if readOnly || !writable {
            return try connectReadOnly(absolute)
        }
        return try connect(absolute, creating: false)
    }

    /// Whether this process may write the database: the file, the folder (for the `-wal` and
    /// `-shm` files) and the medium.
    private static func isWritable(_ path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        return access(path, W_OK) == 0 && access(folder, W_OK) == 0
    }

    /// Opens without ever writing: `SQLITE_OPEN_READONLY`, and `immutable` where the WAL's
    /// shared-memory file can neither be found nor created (a read-only folder or medium).
    private static func connectReadOnly(_ path: String) throws -> Store {
        var config = Configuration()
        config.readonly = true
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.label = "ser"
        let folder = (path as NSString).deletingLastPathComponent
        let sidecars = FileManager.default.fileExists(atPath: path + "-shm") || access(folder, W_OK) == 0
        let location =
            sidecars ? path : "file:" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path) + "?immutable=1"
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: location, configuration: config)
            try Migrator().checkCurrent(pool, path: path)
        } catch let error as DatabaseError {
            throw StoreError(.sqlite, path: path, "cannot open read-only: \(error.message ?? "\(error)")")
        }
        return Store(path: path, location: location, pool: pool)
    }

    /// Copies every committed transaction from the `-wal` file into the database file and
    /// empties the log, so that the database file alone holds all committed data (a copy of
    /// `ser.db` without its `-wal` is complete). Best effort: skipped on read-only stores and
    /// when other processes' readers keep the log busy.
    public func checkpoint() {
        guard !pool.configuration.readonly else { return }
        _ = try? pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    }

    /// Creates a new `ser` database at `path` with the latest schema.
    ///
    /// - Throws: ``StoreError`` `.alreadyExists` if anything is at `path`, `.io` if the
    ///   folder does not exist or cannot be written.
    public static func create(at path: String) throws -> Store {
        let absolute = absolutePath(path)
        if FileManager.default.fileExists(atPath: absolute) {
            throw StoreError(.alreadyExists, path: absolute, "already exists; ser init never overwrites a file")
        }
        let folder = (absolute as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StoreError(.io, path: absolute, "the folder \(folder) does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw StoreError(.io, path: absolute, "the folder \(folder) is not writable")
        }
        // Claim the path atomically (O_EXCL): of two `ser init` racing for one path, exactly
        // one gets it and the other is told it exists. SQLite treats the empty file as a new
        // database.
        let fd = Glibc.open(absolute, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        if fd < 0 {
            if errno == EEXIST {
                throw StoreError(.alreadyExists, path: absolute, "already exists; ser init never overwrites a file")
            }
            throw StoreError(.io, path: absolute, "cannot be created: \(String(cString: strerror(errno)))")
        }
        Glibc.close(fd)
        let store: Store
        do {
            store = try connect(absolute, creating: true)
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: absolute + suffix) }
            throw error
        }
        try store.pool.write { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO ser_info (key, value) VALUES ('created_at', ?), ('created_by', ?)",
                arguments: [Timestamp.now(), "ser \(SERVersion.string)"])
        }
        return store
    }

    /// Opens the pool and migrates.
    private static func connect(_ path: String, creating: Bool) throws -> Store {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.label = "ser"
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch let error as DatabaseError {
            throw StoreError(.sqlite, path: path, "cannot open: \(error.message ?? "\(error)")")
        }
        try Migrator().migrate(pool, path: path)
        return Store(path: path, pool: pool)
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction: it takes the write lock up front
    /// (waiting up to ``busyTimeout`` for other processes), so it never fails half-way with
    /// "database is locked", and either all of it is committed or none.
    ///
    /// - Throws: whatever `body` throws; a read-only database or a full disk as a ``StoreError``
    ///   `.io` that says so (never SQLite's text with the statement).
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        if pool.configuration.readonly {
            throw StoreError(
                .io, path: path, "is read-only here (its file, folder or medium cannot be written); this command needs to write to it")
        }
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StoreError(.sqlite, path: path, "transaction produced no result") }
                return result
            }
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_FULL:
                throw StoreError(.io, path: path, "the disk is full; nothing of this change was written (the database is as it was)")
            case .SQLITE_READONLY:
                throw StoreError(.io, path: path, "is read-only (file, folder or medium); this command needs to write to it")
            case .SQLITE_IOERR:
                throw StoreError(
                    .io, path: path, "could not be written (\(error.message ?? "I/O error")); nothing of this change was written")
            default:
                throw error
            }
        }
    }

    /// Runs `body` on a read-only snapshot.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.read(body)
    }

    private static func absolutePath(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        let url = URL(fileURLWithPath: expanded, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return url.standardizedFileURL.path
    }
}
