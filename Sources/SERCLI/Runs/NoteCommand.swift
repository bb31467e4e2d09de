import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import SERStore

extension SER {
    /// `ser note RUN TEXT`: sets a run's note.
    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a run's note (an empty text clears it).",
            discussion: """
                Examples:
                  ser note last "lr too high: loss diverges after epoch 20"
                  ser note 12 ""                # clear it
                """)

        @OptionGroup var options: GlobalOptions
        @Argument(help: ArgumentHelp("The run: an id, a name (or a unique prefix of one), last, last~N or @tag.", valueName: "run"))
        var reference: RunArgument
        @Argument(help: ArgumentHelp("The note.", valueName: "text")) var text: String

        func run() throws {
            let store = try options.openStore()
            let runID = try reference.resolve(in: store)
            guard try store.runHeader(runID) != nil else { throw WorkbenchError(.notFound, "no run \(runID) in \(store.path)") }
            try store.setNote(text.isEmpty ? nil : text, for: runID)
            if options.json { try printJSON(NoteReport(run: runID, note: text.isEmpty ? nil : text)) }
        }
    }
}
