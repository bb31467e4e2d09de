import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import Foundation
import SERPlot
import SERStore

extension SER {
    /// `ser report RUN [-o FILE.html]` and `ser report --dataset D`.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write one self-contained HTML page about a run (or a dataset with --dataset).",
            discussion: """
                A run's report holds its configuration, provenance, metric tables, training curves, confusion \
                matrix and per-class chart; every image is embedded, so the file can be mailed or archived alone.

                Examples:
                  ser report last -o run.html
                  ser report --dataset ravdess
                """)

        @Argument(help: ArgumentHelp("The run: an id, a name or prefix, last, last~N or @tag.", valueName: "run"))
        var reference: RunArgument?

        @Option(help: ArgumentHelp("Report on a dataset instead of a run.", valueName: "dataset"))
        var dataset: String?

        @Option(
            name: .shortAndLong,
            help: ArgumentHelp("The HTML file to write (default: report-run<ID>.html or report-<DATASET>.html).", valueName: "file"))
        var output: String?

        @Option(
            help: ArgumentHelp("Image pixels per point, 0.5…4 (2 is sharper on high-density screens, files grow).", valueName: "factor"))
        var scale: Double = 1

        @OptionGroup var options: GlobalOptions

        func validate() throws {
            if reference == nil && dataset == nil { throw ValidationError("Name a run, or a dataset with --dataset.") }
            if reference != nil && dataset != nil { throw ValidationError("Give either a run or --dataset, not both.") }
            guard (0.5...4).contains(scale) else { throw ValidationError("--scale must be between 0.5 and 4 (got \(scale)).") }
        }

        func run() throws {
            let store = try options.openStore()
            let runID = try reference?.resolve(in: store)
            let html: String, target: String
            if let id = runID {
                html = try ReportBuilder.run(id, store: store, scale: scale)
                target = output ?? "report-run\(id).html"
            } else {
                let name = dataset ?? ""
                html = try ReportBuilder.dataset(name, store: store, scale: scale)
                target = output ?? "report-\(FileStem.safe(name)).html"
            }
            try AtomicFile.write(Data(html.utf8), to: target)
            if !options.quiet && !options.json { print("Wrote \(target) (\(Format.bytes(Int64(html.utf8.count))), self-contained HTML).") }
            let children = try runID.map { try writeChildReports(of: $0, beside: target, store: store) } ?? []
            if options.json {
                try printJSON(
                    ReportOutput(
                        path: target, bytes: html.utf8.count, run: runID, dataset: runID == nil ? dataset : nil, children: children))
            }
        }

        /// A sweep, k-fold or seeds parent's report links its trials' reports: they are written
        /// next to it, as `report-run<ID>.html`.
        /// - Returns: the reports written, one per child run.
        func writeChildReports(of id: Int64, beside target: String, store: Store) throws -> [ReportOutput.Child] {
            let children = try store.childRuns(of: id)
            guard !children.isEmpty else { return [] }
            let folder = (target as NSString).deletingLastPathComponent
            var written: [ReportOutput.Child] = []
            for child in children {
                let html = try ReportBuilder.run(child.id, store: store, scale: scale)
                let path = (folder as NSString).appendingPathComponent(ReportBuilder.fileName(child.id))
                try AtomicFile.write(Data(html.utf8), to: path)
                written.append(.init(run: child.id, path: path, bytes: html.utf8.count))
            }
            if !options.quiet && !options.json {
                print("Wrote \(children.count) trial reports beside it (report-run<ID>.html), linked from it.")
            }
            return written
        }
    }
}
