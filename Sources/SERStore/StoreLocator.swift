import Foundation

/// Finds the database the way git finds `.git`: an explicit `--db PATH` first, then the
/// `SER_DB` environment variable, then `ser.db` in the current folder and each parent.
public enum StoreLocator {
    /// The file name `ser init` creates and discovery looks for.
    public static let fileName = "ser.db"

    /// Where the database was found, and how.
    public struct Location: Sendable, Equatable {
        public enum Source: String, Sendable { case flag = "--db", environment = "SER_DB", discovered = "discovered" }
        public let path: String
        public let source: Source
    }

    /// Resolves the database path.
    ///
    /// - Parameters:
    ///   - explicit: the `--db` value, if given.
    ///   - environment: the process environment (for `SER_DB`).
    ///   - start: the folder discovery starts from (normally the current folder).
    /// - Throws: ``StoreError`` `.notFound` naming the folders searched.
    public static func locate(explicit: String?, environment: [String: String], start: String) throws -> Location {
        if let explicit, !explicit.isEmpty {
            return Location(path: explicit, source: .flag)
        }
        if let fromEnvironment = environment["SER_DB"], !fromEnvironment.isEmpty {
            return Location(path: fromEnvironment, source: .environment)
        }
        var folder = URL(fileURLWithPath: start).standardizedFileURL
        while true {
            let candidate = folder.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) {
                return Location(path: candidate, source: .discovered)
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        throw StoreError(
            .notFound, path: start,
            "no \(fileName) here or in any parent folder; create one with `ser init`, or name one with --db PATH or SER_DB")
    }
}
