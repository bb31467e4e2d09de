public import ArgumentParser
public import SERWorker

extension QueueFeatures: ExpressibleByArgument {}

/// `--queue REMOTE` and what goes up with it, shared by `ser run` and `ser sweep`.
struct QueueOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("Put the runs on this team remote's queue for `ser worker` instead of training them here.", valueName: "remote"))
    var queue: String?
    @Option(
        help: ArgumentHelp(
            "With --queue: compute the runs' feature tensors here when missing and upload them, so workers need no audio (compute); upload only those already cached (cached); or none (workers compute from the audio at the recorded paths).",
            valueName: "compute|cached|none"))
    var queueFeatures: QueueFeatures = .compute

    func validate() throws {
        if queue == nil && queueFeatures != .compute {
            throw ValidationError("--queue-features goes with --queue")
        }
    }
}
