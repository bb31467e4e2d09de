import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import Foundation
import SERStore

extension SER {
    /// `ser clips`: the clips of a dataset version, filtered by label.
    struct Clips: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List clips (of each dataset's latest version, or the version named with --dataset NAME@VERSION).",
            discussion: """
                Examples:
                  ser clips --dataset ravdess --label angry
                  ser clips --dataset ravdess@3f2a9c1e --json
                """)

        @OptionGroup var options: GlobalOptions

        @Option(
            help: ArgumentHelp(
                "Only this dataset; NAME@VERSION picks a version by hash prefix or id (default: the latest).", valueName: "name[@version]"))
        var dataset: String?

        @Option(help: ArgumentHelp("Only clips with this canonical label.", valueName: "label"))
        var label: String?

        @Option(help: ArgumentHelp("Print at most this many clips.", valueName: "n"))
        var limit: Int?

        func validate() throws {
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1 (got \(limit)).") }
        }

        func run() throws {
            let store = try options.openStore(readOnly: true)
            var clips: [(dataset: String, clip: ClipRecord)] = []
            let names: [String]
            if let dataset {
                names = [dataset]
            } else {
                names = try store.read { try DatasetStore.datasets($0).map(\.name) }
            }
            for name in names {
                let resolved: (dataset: DatasetRecord, version: DatasetVersionRecord)
                do {
                    resolved = try DatasetStore.resolve(reference: name, in: store)
                } catch let error as StoreError where dataset == nil {
                    if !options.quiet { Console.error("ser: \(error.reason)\n") }
                    continue
                }
                guard let versionID = resolved.version.id else { continue }
                let rows = try store.read { try DatasetStore.clips(versionID: versionID, label: label?.lowercased(), $0) }
                clips += rows.map { (resolved.dataset.name, $0) }
            }
            if let limit { clips = Array(clips.prefix(limit)) }
            if options.json {
                try printJSON(clips.map { ClipListing(dataset: $0.dataset, clip: $0.clip) })
                return
            }
            if options.quiet { return }
            print("id\tdataset\tlabel\tspeaker\tseconds\trate\tch\tpath")
            for (name, clip) in clips {
                print(
                    "\(clip.id.map(String.init) ?? "-")\t\(name)\t\(clip.label)\t\(clip.speaker ?? "-")\t"
                        + String(format: "%.2f", clip.duration) + "\t\(clip.sampleRate)\t\(clip.channels)\t\(clip.relativePath)")
            }
        }
    }
}
