public import SERCore
/// Why a run or model file cannot be exported or used for prediction; names the run or the
/// file and the reason.
public struct ModelUseError: LocatedError {
    /// `run 3` or the file path.
    public let subject: String
    /// The reason, in words.
    public let reason: String

    public init(run: Int64, _ reason: String) {
        subject = "run \(run)"
        self.reason = reason
    }

    public init(path: String, _ reason: String) {
        subject = path
        self.reason = reason
    }

    public var location: String? { subject }
}
