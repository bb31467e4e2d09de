/// libpq's `sslmode`, as a remote URL's `?sslmode=` names it.
public enum SSLMode: String, Sendable, Hashable, CaseIterable {
    /// Plain TCP (also what `allow` means here).
    case disable
    /// TLS when the server offers it, plain otherwise; the certificate is not checked.
    case prefer
    /// TLS or nothing; the certificate is not checked (libpq's meaning).
    case require
    /// TLS with the certificate checked against the system's roots.
    case verifyCA = "verify-ca"
    /// TLS with the certificate and the host name checked.
    case verifyFull = "verify-full"
}
