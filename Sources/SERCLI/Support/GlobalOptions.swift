import SERCore
import SERReports
import SERWorkbench
public import ArgumentParser
import Foundation
import SERStore

/// Options every command that uses the database shares: `--db`, `--json`, `--quiet`.
public struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("The database file (default: $SER_DB, else ser.db in this folder or a parent).", valueName: "path"))
    var db: String?

    @Flag(name: .long, help: "Print machine-readable JSON instead of text.")
    var json = false

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    public init() {}

    /// Finds and opens the database, migrating it to this binary's schema; with `readOnly`
    /// (commands that only read) it is never written, and must already be current.
    func openStore(readOnly: Bool = false) throws -> Store {
        let location = try StoreLocator.locate(
            explicit: db, environment: ProcessInfo.processInfo.environment,
            start: FileManager.default.currentDirectoryPath)
        return OpenStores.register(try Store.open(at: location.path, readOnly: readOnly))
    }
}
