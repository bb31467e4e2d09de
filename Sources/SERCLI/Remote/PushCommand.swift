import ArgumentParser
import SERRemote
import SERStore

extension SER {
    /// `ser push [NAME] [RUN…|--all]`: finished runs up to a team remote.
    struct Push: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Upload finished runs (with their dataset version and feature recipe) to a team remote.",
            discussion: """
                NAME is a remote from ser remote (default: origin, or the only remote). Without runs, \
                every finished or failed run not in the trash is pushed; a parent run takes its \
                folds or trials along. Runs still running or queued are left for a later push. \
                Pushing again, or two people pushing the same runs, duplicates nothing; an \
                interrupted push keeps the runs it finished, and pushing again completes it.

                Examples:
                  ser push                     # everything finished, to origin
                  ser push lab 12 @paper       # two runs (and their children) to the remote lab
                  ser push --features last     # the newest run with the feature tensors it used
                """)

        @OptionGroup var options: GlobalOptions
        @Argument(help: ArgumentHelp("A remote name, then runs (ids, names, last, @tag).", valueName: "name|run"))
        var arguments: [String] = []
        @Flag(help: "Push every finished run (the default when no run is named).") var all = false
        @Flag(help: "Also upload the feature tensors the runs were trained on (so `ser pull --features` or a worker needs no audio).")
        var features = false

        func run() throws {
            let store = try options.openStore()
            var rest = arguments
            var name: String?
            if let first = rest.first, try store.remotes().contains(where: { $0.name == first }) {
                name = first
                rest.removeFirst()
            }
            if all && !rest.isEmpty { throw ValidationError("give runs or --all, not both") }
            let runIDs = rest.isEmpty ? nil : try rest.map { try RunArgument($0).resolve(in: store) }
            let record = try RemoteSelection.record(name, in: store)
            InterruptFlag.install()
            let token = InterruptFlag.token
            let withFeatures = features
            let report = try RemoteSelection.using(record) { remote in
                try await remote.push(from: store, runIDs: runIDs, features: withFeatures, cancellation: token)
            }
            if options.json { return try printJSON(PushJSON(remote: record.name, report)) }
            guard !options.quiet else { return }
            for skipped in report.skipped {
                Console.error("ser: skipped run \(skipped.runID): \(skipped.reason)\n")
            }
            Console.out(
                "Pushed \(report.pushed.count) run\(report.pushed.count == 1 ? "" : "s") to \(record.name)"
                    + (report.alreadyThere.isEmpty ? "" : " (\(report.alreadyThere.count) already there)")
                    + (report.tensors > 0 ? ", with \(report.tensors) feature tensors" : "") + "\n")
        }
    }

    /// `ser pull [NAME]`: the team's runs into this database.
    struct Pull: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy a team remote's runs that this database lacks (with their datasets' clip metadata).",
            discussion: """
                Runs keep their UUIDs and get new local ids; local runs are never changed. Audio \
                is not copied: clips are known by their content hash and metadata. With \
                --features, the feature tensors the remote holds for the runs' datasets come \
                along, so runs can be evaluated or trained on without the audio.

                Examples:
                  ser pull
                  ser pull lab --features
                """)

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The remote (default: origin, or the only remote).") var name: String?
        @Flag(help: "Also copy the feature tensors the remote holds for the runs' datasets.") var features = false

        func run() throws {
            let store = try options.openStore()
            let record = try RemoteSelection.record(name, in: store)
            InterruptFlag.install()
            let token = InterruptFlag.token
            let withFeatures = features
            let report = try RemoteSelection.using(record) { remote in
                try await remote.pull(into: store, features: withFeatures, cancellation: token)
            }
            if options.json { return try printJSON(PullJSON(remote: record.name, report)) }
            guard !options.quiet else { return }
            Console.out(
                "Pulled \(report.pulled.count) run\(report.pulled.count == 1 ? "" : "s") from \(record.name)"
                    + (report.alreadyHere == 0 ? "" : " (\(report.alreadyHere) already here)")
                    + (report.datasetVersions.isEmpty ? "" : ", with \(report.datasetVersions.count) dataset version(s)")
                    + (report.tensors > 0 ? ", \(report.tensors) feature tensors" : "") + "\n")
        }
    }
}
