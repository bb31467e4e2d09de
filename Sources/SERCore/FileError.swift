/// An error about one file, folder or database: the one shape the modules that read files
/// share. Each module names its failures with its own `Code` enum and a typealias
/// (`AudioError = FileError<AudioErrorCode>`), so callers switch on codes and catch by type.
public struct FileError<Kind: RawRepresentable & Sendable & Hashable>: LocatedError, Hashable where Kind.RawValue == String {
    /// The module's kinds of failure (`StoreError.Code` is `StoreErrorCode`).
    public typealias Code = Kind

    /// What went wrong, as a value a caller can switch on.
    public let code: Code
    /// The file (or folder, or database) concerned.
    public let path: String
    /// The reason, in words.
    public let reason: String

    public init(_ code: Code, path: String, _ reason: String) {
        self.code = code
        self.path = path
        self.reason = reason
    }

    public var location: String? { path }
}
