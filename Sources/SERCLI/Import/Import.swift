import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import Foundation
import SERCorpus
import SERStore

extension SER {
    /// `ser import PATH...`: brings a labelled speech corpus into the database.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a labelled emotional-speech corpus (RAVDESS, TESS, EmoDB, CREMA-D, SAVEE, label folders or a CSV manifest).",
            discussion: """
                Every audio file is hashed and decoded (libsndfile: WAV, FLAC, OGG, AIFF, ...) on all cores; \
                clips are committed in batches, and the dataset version (a hash of the sorted content-hash/label \
                pairs) is written once every file has been seen. Importing the same files again adds nothing. \
                Files that cannot be used are listed with the reason; the import goes on, and fails only with --strict. \
                Symbolic links to files and folders are followed (each real folder once); paths are recorded as given \
                and checked as the files they point to. Interrupted (Ctrl-C), it keeps the committed batches and exits 130.

                Examples:
                  ser import ~/corpora/ravdess                  # layout recognised from the file names
                  ser import ~/emodb --name emodb --store-audio
                  ser import labels.csv --name mine                # a CSV manifest: path,label[,speaker]
                """)

        @OptionGroup var options: GlobalOptions

        @Argument(help: ArgumentHelp("Corpus folders, audio files, or one CSV manifest.", valueName: "path"))
        var paths: [String] = []

        @Option(help: ArgumentHelp("Dataset name (default: the corpus folder's name).", valueName: "name"))
        var name: String?

        @Option(
            help: ArgumentHelp("File-naming convention; auto recognises the public corpora from their file names.", valueName: "layout"))
        var layout: LayoutOption = .auto

        @Flag(help: "Keep the decoded PCM in the database (int16 for 16-bit sources, else float32), so the files may move.")
        var storeAudio = false

        @Flag(help: "Do not descend into symbolic links to folders (links to files, and linked PATHs, are still followed).")
        var noFollow = false

        @Flag(help: "Exit with an error when any file is rejected (the good files are still imported).")
        var strict = false

        @Option(help: ArgumentHelp("Files per transaction.", valueName: "n"))
        var batchSize = 64

        @Option(help: ArgumentHelp("Worker threads (default: all cores).", valueName: "n"))
        var jobs: Int?

        func validate() throws {
            if paths.isEmpty { throw ValidationError("Give at least one corpus path.") }
            if batchSize < 1 { throw ValidationError("--batch-size must be at least 1 (got \(batchSize)).") }
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs)).") }
            if let name, name.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("--name must not be empty.")
            }
        }

        func run() throws {
            var request = ImportRequest(paths: paths, name: name, layout: layout.layout)
            request.storeAudio = storeAudio
            request.followLinks = !noFollow
            request.batchSize = batchSize
            request.jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
            if let delay = ProcessInfo.processInfo.environment["SER_IMPORT_BATCH_DELAY_MS"].flatMap(Int.init), delay > 0 {
                // Debugging aid for tests that interrupt an import half-way; never set in normal use.
                request.afterBatch = { _ in usleep(useconds_t(min(delay, 10_000) * 1000)) }
            }
            let summary = try options.workbench().importCorpus(request)
            if options.json {
                try printJSON(summary)
            } else if !options.quiet {
                print(summary.text)
            } else if !summary.rejected.isEmpty {
                for rejection in summary.rejected {
                    Console.error("ser: rejected \(rejection.path): \(rejection.reason)\n")
                }
            }
            if strict && !summary.rejected.isEmpty {
                throw ImportError(
                    .strict, path: summary.root,
                    "\(summary.rejected.count) files were rejected (--strict); the \(summary.newClips + summary.existingClips) good files were imported"
                )
            }
        }
    }
}
