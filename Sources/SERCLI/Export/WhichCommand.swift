import SERReports
import SERWorkbench
import ArgumentParser
import Foundation
import SERCore
import SERStore

extension SER {
    /// `ser which PATH`: the run a model file was exported from, by the file's SHA-256.
    struct Which: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Trace a model file back to the run it was exported from (by its content hash).",
            discussion: """
                Examples:
                  ser which emotion.onnx
                """)

        @OptionGroup var options: GlobalOptions

        @Argument(help: ArgumentHelp("A file written by `ser export`.", valueName: "path"))
        var path: String

        func run() throws {
            guard FileManager.default.fileExists(atPath: path) else { throw ModelUseError(path: path, "no such file") }
            let store = try options.openStore(readOnly: true)
            let hash = try FileHasher.hash(path: path).hash
            let matches = try store.exports(sha256: hash)
            guard !matches.isEmpty else {
                // An ONNX file still names its run in its metadata, even when its bytes changed.
                let named = (try? ModelFileReader.readEnsemble(path: path))?.runID.map { "; its ONNX metadata names run \($0)" } ?? ""
                throw ModelUseError(
                    path: path,
                    "sha256 \(hash.prefix(12)) matches no export recorded in \(store.path) (changed since export, or exported from another database)\(named)"
                )
            }
            if options.json {
                try printJSON(matches)
                return
            }
            if options.quiet { return }
            for m in matches {
                let header = try store.runHeader(m.runID)
                print("\(path): run \(m.runID)\(header?.name.map { " (\($0))" } ?? "") — \(m.format) exported \(m.createdAt) to \(m.path)")
            }
        }
    }
}
