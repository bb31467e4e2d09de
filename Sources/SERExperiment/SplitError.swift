/// Why a split could not be made; names the flag and the reason.
public struct SplitError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The flag or setting at fault, e.g. `--test-speakers`.
    public let flag: String
    /// What is wrong, in words.
    public let reason: String

    public init(_ flag: String, _ reason: String) {
        self.flag = flag
        self.reason = reason
    }

    public var description: String { "\(flag): \(reason)" }
}
