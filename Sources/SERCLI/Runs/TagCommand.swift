import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import SERStore

extension SER {
    /// `ser tag RUN TAG...`: adds (or with --remove, removes) tags.
    struct Tag: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add tags to a run (or remove them with --remove).",
            discussion: """
                Examples:
                  ser tag last paper baseline
                  ser tag 12 draft --remove
                """)

        @OptionGroup var options: GlobalOptions
        @Argument(help: ArgumentHelp("The run: an id, a name (or a unique prefix of one), last, last~N or @tag.", valueName: "run"))
        var reference: RunArgument
        @Argument(help: ArgumentHelp("Tags.", valueName: "tag")) var tags: [String]
        @Flag(help: "Remove the tags instead.") var remove = false

        func validate() throws {
            if tags.isEmpty { throw ValidationError("name at least one tag") }
            if tags.contains(where: { $0.isEmpty || $0.contains(",") }) {
                throw ValidationError("tags must be non-empty and contain no comma")
            }
        }

        func run() throws {
            let store = try options.openStore()
            let runID = try reference.resolve(in: store)
            guard try store.runHeader(runID) != nil else { throw WorkbenchError(.notFound, "no run \(runID) in \(store.path)") }
            if remove { try store.removeTags(tags, from: runID) } else { try store.addTags(tags, to: runID) }
            if options.json { try printJSON(TagReport(run: runID, tags: try store.runOverview(runID)?.tags.sorted() ?? [])) }
        }
    }
}
