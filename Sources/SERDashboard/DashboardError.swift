public import SERCore

/// Why the dashboard refuses a request: an HTTP status and a message for the page or the API
/// client.
public struct DashboardError: LocatedError, Equatable {
    /// The kind of refusal; its raw value is the HTTP status.
    public enum Code: Int, Sendable {
        /// A malformed id, filter, range or query (400).
        case badRequest = 400
        /// No or a wrong access token (401).
        case unauthorized = 401
        /// A path that names nothing the dashboard serves (404).
        case notFound = 404
        /// A method other than GET or HEAD (405).
        case methodNotAllowed = 405
        /// The clip's file changed since import (409).
        case conflict = 409
        /// A request target or query beyond the limits (413/414 class; 413 here).
        case tooLarge = 413
        /// A range outside the resource (416).
        case rangeNotSatisfiable = 416
        /// The server failed (500).
        case internalError = 500
    }

    /// The kind of refusal.
    public let code: Code
    /// What is wrong, in words (several lines for a filter error with its caret).
    public let reason: String

    /// Creates an error.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// The HTTP status code.
    public var status: Int { code.rawValue }

    public var location: String? { nil }
}
