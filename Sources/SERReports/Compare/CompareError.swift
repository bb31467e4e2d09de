public import SERCore
/// A `ser compare` / `ser diff` request that cannot be answered, naming the flag or argument
/// and the reason.
public struct CompareError: LocatedError {
    public let flag: String
    public let reason: String

    public init(flag: String, _ reason: String) {
        self.flag = flag
        self.reason = reason
    }

    public var location: String? { flag }
}
