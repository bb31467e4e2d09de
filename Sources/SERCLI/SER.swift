import SERReports
import SERWorkbench
public import ArgumentParser
import SERCore

/// The `ser` command: speech-emotion recognition over one SQLite file.
public struct SER: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ser",
        abstract: "Speech-emotion recognition workbench: one SQLite file holds corpora, features, runs and models.",
        discussion: """
            Every command finds its database like git finds .git: --db PATH, else $SER_DB, \
            else ser.db in the current folder or the nearest parent.
            """,
        version: "ser \(SERVersion.string) (\(BuildInfo.commit))",
        subcommands: [
            Init.self, Status.self, Import.self, Datasets.self, Clips.self, Features.self, Run.self, Sweep.self, Runs.self,
            Show.self, Compare.self, Diff.self, Tag.self, Note.self, Rm.self, Restore.self, Gc.self, Plot.self, Report.self, Export.self,
            Predict.self, Enroll.self,
            Evaluate.self, Ensemble.self, Which.self, UI.self, RemoteCommand.self, Push.self, Pull.self, WorkerCommand.self,
            QueueCommand.self,
        ]
    )

    public init() {}
}
