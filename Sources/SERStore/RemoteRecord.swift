/// A named remote as `ser.db` keeps it (`remotes`, schema 7): never a password.
public struct RemoteRecord: Sendable, Hashable {
    /// The name the user gave it (`origin`, `lab`).
    public let name: String
    /// `postgres://user@host:port/database[?sslmode=…]`, without a password.
    public let url: String
    /// ISO-8601 UTC.
    public let createdAt: String

    public init(name: String, url: String, createdAt: String) {
        self.name = name
        self.url = url
        self.createdAt = createdAt
    }
}
