import Foundation

/// A parsed `postgres://user[:password]@host[:port]/database[?sslmode=…]` URL.
///
/// ``stored`` is the form `ser.db` keeps: the same URL without the password, which the client
/// takes at connect time from `PGPASSWORD` or `~/.pgpass` instead.
public struct RemoteURL: Sendable, Hashable {
    public let user: String
    public let host: String
    /// TCP port; 5432 when the URL names none.
    public let port: Int
    public let database: String
    public let sslMode: SSLMode
    /// The password written in the URL, if any (never stored).
    public let password: String?

    /// Parses `text`.
    /// - Throws: `RemoteError.invalidURL` for another scheme, no user, no host, no database, a
    ///   bad port or an unknown `sslmode`.
    public init(_ text: String) throws {
        func invalid(_ reason: String) -> RemoteError { RemoteError(.invalidURL, remote: Self.redacted(text), reason) }
        guard let parts = URLComponents(string: text), let scheme = parts.scheme, ["postgres", "postgresql"].contains(scheme) else {
            throw invalid("is not a postgres://user@host:port/database URL")
        }
        guard let user = parts.user, !user.isEmpty else { throw invalid("names no user (postgres://USER@host/database)") }
        guard let host = parts.host, !host.isEmpty else { throw invalid("names no host") }
        let database = String(parts.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else { throw invalid("names no database (postgres://user@host/DATABASE)") }
        if let port = parts.port, !(1...65535).contains(port) { throw invalid("port \(port) is out of range") }
        var mode = SSLMode.disable
        for item in parts.queryItems ?? [] {
            guard item.name == "sslmode" else { throw invalid("unknown parameter \(item.name) (only sslmode is understood)") }
            let value = item.value == "allow" ? "disable" : item.value ?? ""
            guard let parsed = SSLMode(rawValue: value) else {
                throw invalid("sslmode \(item.value ?? "") is not one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            mode = parsed
        }
        self.user = user
        self.host = host
        self.port = parts.port ?? 5432
        self.database = database.removingPercentEncoding ?? database
        self.sslMode = mode
        self.password = parts.password
    }

    /// The URL without its password: what `ser.db` keeps and what messages show.
    public var stored: String {
        var parts = URLComponents()
        parts.scheme = "postgres"
        parts.user = user
        parts.host = host
        parts.port = port
        parts.path = "/" + database
        if sslMode != .disable { parts.queryItems = [URLQueryItem(name: "sslmode", value: sslMode.rawValue)] }
        return parts.string ?? "postgres://\(user)@\(host):\(port)/\(database)"
    }

    /// `text` with anything between `:` and `@` of its authority blanked, for error messages.
    static func redacted(_ text: String) -> String {
        guard let at = text.firstIndex(of: "@"), let scheme = text.range(of: "://"), scheme.upperBound < at,
            let colon = text[scheme.upperBound..<at].firstIndex(of: ":")
        else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }
}
