public import Foundation

/// A complete HTTP answer: status, content type, extra headers and the body bytes.
public struct DashboardReply: Sendable {
    /// HTTP status code.
    public var status: Int
    /// `Content-Type` value.
    public var contentType: String
    /// Other headers (name, value).
    public var headers: [(String, String)]
    /// The body.
    public var body: Data
    /// Whether the dashboard may serve this reply again without rendering it: `nil` (never,
    /// the default), or how long it stays right (see ``Freshness``).
    public var freshness: Freshness?

    /// How long a reply stays right.
    public enum Freshness: Sendable, Equatable {
        /// Until anything is committed to the database.
        case untilChange
        /// About a second: it shows a running run, whose status turns `dead` when its
        /// heartbeat stops, with no commit.
        case live

        /// `.live` when any of `statuses` is `running` or `queued`, else `.untilChange`.
        public static func showing(_ statuses: some Sequence<String>) -> Freshness {
            statuses.contains { $0 == "running" || $0 == "queued" } ? .live : .untilChange
        }
    }

    /// Creates a reply.
    public init(status: Int = 200, contentType: String, headers: [(String, String)] = [], body: Data, freshness: Freshness? = nil) {
        self.status = status
        self.contentType = contentType
        self.headers = headers
        self.body = body
        self.freshness = freshness
    }

    /// This reply with `freshness`.
    public func kept(_ freshness: Freshness) -> DashboardReply {
        var copy = self
        copy.freshness = freshness
        return copy
    }

    /// A JSON reply of `value`, keys sorted.
    public static func json(_ value: some Encodable, status: Int = 200) -> DashboardReply {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let body = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return DashboardReply(status: status, contentType: "application/json; charset=utf-8", body: body)
    }

    /// An HTML page.
    public static func html(_ text: String, status: Int = 200) -> DashboardReply {
        DashboardReply(status: status, contentType: "text/html; charset=utf-8", body: Data(text.utf8))
    }

    /// An SVG image.
    public static func svg(_ data: Data) -> DashboardReply {
        DashboardReply(contentType: "image/svg+xml", body: data)
    }

    /// The JSON error body `{"error": reason, "status": n}` with the error's status.
    public static func error(_ error: DashboardError) -> DashboardReply {
        json(ErrorBody(error: error.reason, status: error.status), status: error.status)
    }

    private struct ErrorBody: Encodable {
        var error: String
        var status: Int
    }
}
