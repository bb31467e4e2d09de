public import SERCore

/// Why a split could not be made: the setting at fault (`testSpeakers`, `testFraction`,
/// `split`, `validationFraction`; a front end names it its own way) and the reason.
public struct SplitError: LocatedError, Equatable {
    /// The setting key at fault.
    public let key: String
    /// What is wrong, in words.
    public let reason: String

    public init(_ key: String, _ reason: String) {
        self.key = key
        self.reason = reason
    }

    public var location: String? { key }
}
