/// The one shape of the project's errors: where it happened (a file, a setting, an
/// expression; `nil` when nowhere in particular) and why, as a complete reason for the user.
///
/// Each module declares its own conforming type with a `Code` enum callers can switch on;
/// the description is always `location: reason`, so every front end prints errors alike.
public protocol LocatedError: Error, CustomStringConvertible, Sendable {
    /// The file, setting key or input at fault.
    var location: String? { get }
    /// Why, in words.
    var reason: String { get }
}

extension LocatedError {
    public var description: String { location.map { "\($0): \(reason)" } ?? reason }
}
