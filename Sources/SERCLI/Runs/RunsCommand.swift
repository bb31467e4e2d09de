import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import Foundation
import SERStore

extension SER {
    /// `ser runs`: the experiments, newest first, like `git log`.
    struct Runs: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List runs, newest first: id, name, dataset, status, best accuracy/F1, duration.",
            discussion: """
                Examples:
                  ser runs -n 10                # the ten newest runs
                  ser runs --all --tag paper    # with folds and trials
                  ser runs --deleted            # the trash
                """)

        @OptionGroup var options: GlobalOptions
        @OptionGroup var reading: RemoteReadOptions

        @Flag(name: .long, help: "Include the folds and trials of k-fold runs and sweeps.")
        var all = false
        @Option(help: ArgumentHelp("Only runs with this tag.", valueName: "tag"))
        var tag: String?
        @Option(name: .shortAndLong, help: ArgumentHelp("At most this many runs.", valueName: "n"))
        var limit: Int?
        @Flag(help: "List the runs in the trash instead (ser restore RUN brings one back).")
        var deleted = false

        func validate() throws {
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        }

        func run() throws {
            let store = try reading.store(options)
            if deleted {
                try listTrash(store)
                return
            }
            let runs = try store.runSummaries(includeChildren: all, tag: tag, limit: limit)
            if options.json {
                try printJSON(runs.map(RunListing.init))
                return
            }
            if options.quiet { return }  // --quiet: errors only
            if runs.isEmpty {
                print("No runs yet: train one with `ser run`.")
                return
            }
            var table = TextTable(
                ["id", "name", "kind", "dataset", "split", "status", "epochs", "val acc", "test acc", "test F1", "UAR", "time", "tags"],
                rightAligned: [0, 6, 7, 8, 9, 10, 11])
            for r in runs {
                table.add([
                    String(r.id), r.name ?? "", r.kind.rawValue, r.dataset.map { "\($0)@\(r.datasetVersion?.prefix(7) ?? "")" } ?? "",
                    r.split ?? "", r.status.rawValue, r.epochsDone.map(String.init) ?? "", Self.number(r.bestValAcc),
                    Self.number(r.testAcc), Self.number(r.testF1), Self.number(r.testUAR),
                    r.durationSeconds.map(Format.duration) ?? "", r.tags ?? "",
                ])
            }
            print(table.render())
        }

        /// `--deleted`: the trash.
        private func listTrash(_ store: Store) throws {
            let trashed = try store.trashedRuns()
            if options.json {
                try printJSON(trashed.map(TrashedRunListing.init))
                return
            }
            if options.quiet { return }
            if trashed.isEmpty {
                print("The trash is empty.")
                return
            }
            var table = TextTable(["id", "name", "kind", "children", "deleted"], rightAligned: [0, 3])
            for r in trashed { table.add([String(r.id), r.name ?? "", r.kind, String(r.children), r.deletedAt]) }
            print(table.render())
        }

        static func number(_ x: Double?) -> String { x.map { String(format: "%.3f", $0) } ?? "–" }
    }
}
