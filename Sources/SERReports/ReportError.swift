public import SERCore

/// Why a figure, table or report could not be made: the subject (`run 12`, `clip 3`,
/// `dataset emodb`) and the reason.
public struct ReportError: LocatedError, Equatable {
    public enum Code: String, Sendable {
        case unknownRun, unknownClip, unknownDataset, noData, notAvailable, invalidRequest
    }

    public let code: Code
    /// What the error is about.
    public let subject: String
    public let reason: String

    public init(_ code: Code, _ subject: String, _ reason: String) {
        self.code = code
        self.subject = subject
        self.reason = reason
    }

    public var location: String? { subject }
}
