import ArgumentParser
import SERStore

extension SER {
    /// `ser rm RUN`: deletes a run with its children, and says what that freed.
    struct Rm: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a run (and its folds or trials) with everything it recorded.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: ArgumentHelp("The run: an id, a name (or a unique prefix of one), last, last~N or @tag.", valueName: "run")) var reference: RunArgument

        func run() throws {
            let store = try options.openStore()
            let runID = try reference.resolve(in: store)
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
