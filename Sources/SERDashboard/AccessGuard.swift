/// The access rule: which requests must carry the token, and whether one does.
///
/// Bound to a loopback address without `--token`, every request is allowed. Bound to any
/// other address, or given a token, every request must carry it: header `X-SER-Token`,
/// `Authorization: Bearer …`, or query item `token`.
public struct AccessGuard: Sendable, Equatable {
    /// The token requests must carry; `nil` when none is required.
    public let token: String?

    /// A guard requiring `token` (none when `nil`).
    public init(token: String?) {
        self.token = token
    }

    /// Whether `request` may be answered.
    public func allows(_ request: DashboardRequest) -> Bool {
        guard let token else { return true }
        let offered = request.headerToken ?? request.value("token")
        guard let offered else { return false }
        return Self.constantTimeEqual(Array(offered.utf8), Array(token.utf8))
    }

    /// Whether `host` is a loopback address (`127.0.0.0/8`, `::1`, `localhost`).
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    /// A fresh random token: 32 hex digits (128 bits) from the system generator.
    public static func generateToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
        }.joined()
    }

    /// Compares without an early exit, so timing does not reveal how much of a guess matched.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }
}
