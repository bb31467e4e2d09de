import ArgumentParser
import Foundation
import SERCore
import SERReports
import SERStore
import SERWorkbench

extension SER {
    /// `ser enroll NAME CLIPS… --run RUN`, `ser enroll --list`, `ser enroll --rm NAME`: speakers
    /// enrolled for runs trained with per-speaker normalisation.
    struct Enroll: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Enrol a speaker once from a few unlabelled recordings, for ser predict --speaker.",
            discussion: """
                A run trained with --normalization speaker z-scores each speaker with statistics \
                of that speaker's own clips. To deploy it, a new speaker gives a few recordings \
                once (no labels); ser stores their statistics under NAME for every feature recipe \
                and frame limit of the run's models, and ser predict --speaker NAME uses them for \
                every later file. Enrolling NAME again for the same recipe replaces the statistics. \
                CLIPS are files or folders (their audio files). How many clips are enough: see \
                `ser evaluate --enroll-clips N`.

                Examples:
                  ser enroll alice recordings/alice/ --run per-speaker
                  ser predict new.wav --run per-speaker --speaker alice
                  ser enroll --list
                """)

        @OptionGroup var options: GlobalOptions
        @Argument(help: ArgumentHelp("The speaker's name, then recordings of them (files or folders).", valueName: "name|clip"))
        var arguments: [String] = []
        @Option(
            name: .customLong("run"),
            help: ArgumentHelp("The run to enrol for (trained with --normalization speaker): id, name, last, @tag.", valueName: "run"))
        var reference: RunArgument?
        @Flag(help: "List the enrolled speakers.") var list = false
        @Option(help: ArgumentHelp("Remove a speaker's enrolment.", valueName: "name")) var rm: String?

        func validate() throws {
            let modes = [list, rm != nil, !arguments.isEmpty].filter { $0 }.count
            if modes == 0 { throw ValidationError("give a name and recordings (with --run), or --list, or --rm NAME") }
            if modes > 1 { throw ValidationError("enrol (NAME CLIPS --run RUN), --list and --rm are separate uses") }
            if !arguments.isEmpty {
                if arguments.count < 2 { throw ValidationError("give the speaker's recordings after the name") }
                if reference == nil { throw ValidationError("--run: name the run to enrol for (its recipe decides the statistics)") }
            }
        }

        func run() throws {
            let store = try options.openStore()
            let workbench = try options.workbench(store: store)
            let rows: [SpeakerEnrollmentRecord]
            if list {
                rows = try store.enrollments()
            } else if let rm {
                rows = try store.enrollments(named: rm)
                guard !rows.isEmpty else { _ = try workbench.speakerEnrollment(named: rm); return }
                try store.removeEnrollments(named: rm)
            } else if let reference, let name = arguments.first {
                let clips = try SpeakerClips.expand(Array(arguments.dropFirst()))
                InterruptFlag.install()
                var enrolling = workbench
                enrolling.cancellation = InterruptFlag.token
                rows = try enrolling.enroll(speaker: name, clips: clips, run: try reference.resolve(in: store))
            } else {
                return
            }
            if options.json {
                try printJSON(EnrollReport(enrollments: rows.map(EnrollReport.Row.init)))
                return
            }
            if rm != nil {
                if !options.quiet { Console.out("Removed the enrolment of \(rm ?? "")\n") }
                return
            }
            guard !options.quiet else { return }
            if rows.isEmpty {
                Console.out("No speaker is enrolled; ser enroll NAME CLIPS... --run RUN enrols one\n")
                return
            }
            var table = TextTable(["speaker", "recipe", "frames", "clips", "run", "enrolled"], rightAligned: [2, 3, 4])
            for row in rows {
                table.add([
                    row.name, String(row.recipeHash.prefix(12)), String(row.maxFrames), String(row.clips.count),
                    row.runID.map(String.init) ?? "—", row.createdAt,
                ])
            }
            print(table.render())
        }
    }
}

/// `ser enroll --json`: the enrolments stored (or listed, or removed).
struct EnrollReport: Encodable {
    struct Row: Encodable {
        var speaker: String
        var recipe: String
        var maxFrames: Int
        var dims: Int
        var clips: [EnrolledClip]
        @Nullable var run: Int64?
        var createdAt: String

        init(_ record: SpeakerEnrollmentRecord) {
            speaker = record.name
            recipe = record.recipeHash
            maxFrames = record.maxFrames
            dims = record.mean.count
            clips = record.clips
            run = record.runID
            createdAt = record.createdAt
        }
    }

    var enrollments: [Row]
}
