import ArgumentParser
import SERStore

extension SER {
    /// `ser tag RUN TAG...`: adds (or with --remove, removes) tags.
    struct Tag: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add tags to a run (or remove them with --remove).")

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
}
