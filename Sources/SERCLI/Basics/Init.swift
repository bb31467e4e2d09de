import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import Foundation
import SERStore

extension SER {
    /// `ser init [PATH]`: creates a new database.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a new ser database (default: ./ser.db).",
            discussion: """
                Refuses to overwrite anything that already exists at the path.

                Examples:
                  ser init                      # ./ser.db
                  ser init ~/lab                # ~/lab/ser.db
                """)

        @Argument(help: ArgumentHelp("Where to create the database: a file path, or a folder to hold ser.db.", valueName: "path"))
        var path: String?

        @Flag(name: .shortAndLong, help: "Print only errors.")
        var quiet = false

        func run() throws {
            var target = path ?? StoreLocator.fileName
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue {
                target = (target as NSString).appendingPathComponent(StoreLocator.fileName)
            }
            let store = OpenStores.register(try Store.create(at: target))
            if !quiet {
                print("Created \(store.path) (schema version \(EmbeddedMigrations.latestVersion)).")
            }
        }
    }
}
