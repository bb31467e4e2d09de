/// Why a plot or report command could not draw what was asked: names the run, clip, dataset
/// or file concerned and the reason.
struct PlotCommandError: Error, CustomStringConvertible, Equatable {
    /// What `subject` is.
    enum Code: String {
        case unknownRun, unknownClip, unknownDataset, noData, notAvailable
    }

    let code: Code
    /// The thing concerned, e.g. `run 7`, `clip Actor_01/x.wav`, `dataset ravdess`.
    let subject: String
    let reason: String

    init(_ code: Code, _ subject: String, _ reason: String) {
        self.code = code
        self.subject = subject
        self.reason = reason
    }

    var description: String { "\(subject): \(reason)" }
}
