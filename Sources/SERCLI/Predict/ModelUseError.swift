/// Why a run or model file cannot be exported or used for prediction; names the run or the
/// file and the reason.
struct ModelUseError: Error, CustomStringConvertible {
    /// `run 3` or the file path.
    let subject: String
    /// The reason, in words.
    let reason: String

    init(run: Int64, _ reason: String) {
        subject = "run \(run)"
        self.reason = reason
    }

    init(path: String, _ reason: String) {
        subject = path
        self.reason = reason
    }

    var description: String { "\(subject): \(reason)" }
}
