import ArgumentParser
import SERStore

extension SER {
    /// `ser tag RUN TAG...`: adds (or with --remove, removes) tags.
    struct Tag: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add tags to a runID (or remove them with --remove).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: ArgumentHelp("The run id.", valueName: "run")) var runID: Int64
        @Argument(help: ArgumentHelp("Tags.", valueName: "tag")) var tags: [String]
        @Flag(help: "Remove the tags instead.") var remove = false

        func validate() throws {
            if tags.isEmpty { throw ValidationError("name at least one tag") }
            if tags.contains(where: { $0.isEmpty || $0.contains(",") }) { throw ValidationError("tags must be non-empty and contain no comma") }
        }

        func run() throws {
            let store = try options.openStore()
            guard try store.runHeader(runID) != nil else { throw RunFailure("no run \(runID) in \(store.path)") }
            if remove { try store.removeTags(tags, from: runID) } else { try store.addTags(tags, to: runID) }
        }
    }

    /// `ser note RUN TEXT`: sets a run's note.
    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a run's note (an empty text clears it).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: ArgumentHelp("The run id.", valueName: "run")) var runID: Int64
        @Argument(help: ArgumentHelp("The note.", valueName: "text")) var text: String

        func run() throws {
            let store = try options.openStore()
            guard try store.runHeader(runID) != nil else { throw RunFailure("no run \(runID) in \(store.path)") }
            try store.setNote(text.isEmpty ? nil : text, for: runID)
        }
    }

    /// `ser rm RUN`: deletes a runID with its children, and says what that freed.
    struct Rm: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a runID (and its folds or trials) with everything it recorded.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: ArgumentHelp("The run id.", valueName: "run")) var runID: Int64

        func run() throws {
            let store = try options.openStore()
            guard let header = try store.runHeader(runID) else { throw RunFailure("no run \(runID) in \(store.path)") }
            if header.status == "running" {
                throw RunFailure("run \(runID) is running (its process is alive); stop it first")
            }
            let freed = try store.deleteRun(runID)
            if !options.quiet {
                print("Deleted run \(runID)\(freed.runs > 1 ? " and \(freed.runs - 1) child runs" : ""): \(freed.epochs) epochs, \(Format.bytes(freed.checkpointBytes)) of weights.")
            }
        }
    }
}
