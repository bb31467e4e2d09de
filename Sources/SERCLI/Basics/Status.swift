import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import Foundation
import SERStore

extension SER {
    /// `ser status`: what the database holds.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what the database holds.",
            discussion: """
                Examples:
                  ser status
                  ser --db ~/lab/ser.db status --json
                """)

        @OptionGroup var options: GlobalOptions

        /// The statuses `run_summary` reports (`dead`: running, but its process is gone).
        static let runStatuses = ["queued", "running", "finished", "failed", "interrupted", "dead"]

        func run() throws {
            let store = try options.openStore(readOnly: true)
            let summary = try StoreSummary.read(store)
            if options.json {
                // Every status is a key, 0 when no run has it.
                var counted = summary
                for status in Self.runStatuses where counted.runs[status] == nil { counted.runs[status] = 0 }
                try printJSON(counted)
                return
            }
            if options.quiet { return }
            let runs =
                summary.runs.isEmpty
                ? "0"
                : summary.runs.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            print(
                """
                database        \(summary.path)
                schema version  \(summary.schemaVersion)
                size            \(Format.bytes(summary.fileBytes))
                datasets        \(summary.datasets) (\(summary.datasetVersions) versions)
                clips           \(summary.clips) (\(Format.duration(summary.audioSeconds)) of audio)
                features        \(summary.featureTensors) tensors under \(summary.featureConfigs) configurations
                runs            \(runs)
                exports         \(summary.exports)
                """)
        }
    }
}
