import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import Foundation
import SERStore

extension SER {
    /// `ser rm RUN…`: moves runs (with their folds or trials) to the trash, from which
    /// `ser restore` brings them back and `ser gc` deletes them for good.
    struct Rm: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move runs (with their folds or trials) to the trash; `ser restore` undoes it, `ser gc` empties it.",
            discussion: """
                Removing several runs, or a k-fold run, sweep or seeds ensemble with its children, asks \
                for confirmation on a terminal, or --force elsewhere.

                Examples:
                  ser rm 12                     # one run to the trash
                  ser rm @draft last~1 --force  # several at once, no question
                  ser runs --deleted            # what the trash holds
                """)

        @OptionGroup var options: GlobalOptions
        @Argument(help: ArgumentHelp("The runs: ids, names (or unique prefixes), last, last~N or @tag.", valueName: "run"))
        var references: [RunArgument] = []
        @Flag(name: .shortAndLong, help: "Do not ask before removing several runs or a parent with its children.")
        var force = false

        func validate() throws {
            if references.isEmpty { throw ValidationError("give the run(s) to remove, e.g. ser rm 12") }
        }

        func run() throws {
            let store = try options.openStore()
            var ids: [Int64] = []
            var children = 0
            for reference in references {
                let runID = try reference.resolve(in: store)
                guard let header = try store.runHeader(runID) else { throw WorkbenchError(.notFound, "no run \(runID) in \(store.path)") }
                if header.status == .running, try !store.runProcessIsGone(runID) {
                    throw WorkbenchError(.wrongState, "run \(runID) is running (its process is alive); stop it first")
                }
                if !ids.contains(runID) {
                    ids.append(runID)
                    children += try store.childRuns(of: runID).count
                }
            }
            if (ids.count > 1 || children > 0) && !force {
                let what = "\(ids.count) run\(ids.count == 1 ? "" : "s")\(children > 0 ? " with \(children) child runs" : "")"
                guard Self.confirm("Move \(what) to the trash?") else {
                    throw WorkbenchError(
                        .wrongState, "\(what) not removed: pass --force to remove several runs or a parent with its children")
                }
            }
            let moved = try store.trashRuns(ids)
            if options.json {
                try printJSON(TrashReport(runs: ids, moved: moved))
            } else if !options.quiet {
                let list = ids.map(String.init).joined(separator: ", ")
                print(
                    "Moved run\(ids.count == 1 ? "" : "s") \(list)\(moved > ids.count ? " and \(moved - ids.count) child runs" : "") to the trash (ser restore RUN brings one back; ser gc empties the trash)."
                )
            }
        }

        /// Asks `question` on the terminal; `false` when standard input is not a terminal.
        static func confirm(_ question: String) -> Bool {
            guard isatty(STDIN_FILENO) == 1 else { return false }
            Console.error("\(question) [y/N] ")
            guard let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() else { return false }
            return answer == "y" || answer == "yes"
        }
    }

    /// `ser restore RUN`: brings a run back from the trash.
    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bring a run (with the children trashed with it) back from the trash.",
            discussion: """
                Examples:
                  ser runs --deleted   # the trash, with ids
                  ser restore 12
                """)

        @OptionGroup var options: GlobalOptions
        @Argument(help: ArgumentHelp("The id of a run in the trash (see ser runs --deleted).", valueName: "run"))
        var runID: Int64

        func run() throws {
            let store = try options.openStore()
            try store.restoreRun(runID)
            if options.json {
                try printJSON(RestoreReport(run: runID))
            } else if !options.quiet {
                print("Restored run \(runID).")
            }
        }
    }

    /// `ser gc`: deletes the trashed runs for good.
    struct Gc: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "gc",
            abstract: "Delete the runs in the trash for good and say what that freed; --vacuum also shrinks the file.",
            discussion: """
                Examples:
                  ser gc            # delete trashed runs; SQLite reuses the space
                  ser gc --vacuum   # and rebuild ser.db to give the space back to the disk
                """)

        @OptionGroup var options: GlobalOptions
        @Flag(help: "Rebuild the database file afterwards (VACUUM) so that it shrinks; takes a while on large files.")
        var vacuum = false

        func run() throws {
            let store = try options.openStore()
            let freed = try store.emptyTrash(vacuum: vacuum)
            if options.json {
                try printJSON(
                    GcReport(
                        runs: freed.runs, epochs: freed.epochs, checkpointBytes: freed.checkpointBytes, fileBytes: freed.fileBytes,
                        vacuumed: vacuum))
            } else if !options.quiet {
                var line =
                    freed.runs == 0
                    ? "The trash is empty."
                    : "Deleted \(freed.runs) run\(freed.runs == 1 ? "" : "s") for good: \(freed.epochs) epochs, \(Format.bytes(freed.checkpointBytes)) of weights."
                if vacuum { line += " The file shrank by \(Format.bytes(freed.fileBytes))." }
                print(line)
            }
        }
    }
}
