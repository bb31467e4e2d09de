import Foundation
import SERCore

/// Reads a file's first 100 bytes (the SQLite header) without opening it through SQLite, so
/// that a file which is not a `ser` database is refused before anything can write to it.
enum DatabaseFileCheck {
    /// - Throws: ``StoreError`` `.notADatabase` (empty, short, or not SQLite) or
    ///   `.notASerDatabase` (SQLite, but another program's).
    static func inspect(_ path: String) throws {
        // A FIFO, device or socket is never a database, and opening one to read can block
        // forever (a FIFO with no writer): refuse it by its type first.
        var info = stat()
        if stat(path, &info) == 0, let kind = FileKind.name(mode: info.st_mode) {
            throw StoreError(.notADatabase, path: path, "is \(kind), not a ser database file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError(.io, path: path, "cannot be read (permissions?)")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        if header.isEmpty {
            throw StoreError(.notADatabase, path: path, "is an empty file, not a ser database (run `ser init` to create one elsewhere)")
        }
        let magic = Array("SQLite format 3\u{0}".utf8)
        guard header.count >= 100, Array(header.prefix(16)) == magic else {
            throw StoreError(.notADatabase, path: path, "is not a SQLite database (its header is not 'SQLite format 3')")
        }
        let bytes = Array(header)
        let applicationID = Int32(
            bitPattern: UInt32(bytes[68]) << 24 | UInt32(bytes[69]) << 16 | UInt32(bytes[70]) << 8 | UInt32(bytes[71]))
        if applicationID != 0 && applicationID != Migrator.applicationID {
            throw StoreError(
                .notASerDatabase, path: path,
                String(format: "is a SQLite database of another program (application_id 0x%08x), not a ser database", applicationID))
        }
        if applicationID == 0 {
            // Not stamped yet: either a ser database being created right now by another
            // process, or someone else's database. Someone else's has tables but no
            // schema_migrations; tell them apart read-only.
            try ForeignDatabaseProbe.check(path)
        }
    }
}
