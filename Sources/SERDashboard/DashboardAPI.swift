import Foundation
public import SERStore
import SERCore
import SERReports

/// The dashboard's request handling, independent of the HTTP server: a request in, a complete
/// reply out. Every path is a fixed route; ids are parsed as integers and looked up in the
/// store, so no request names a file (audio is found by clip id only).
///
/// Routes (see docs/UI.md): `/`, `/runs`, `/runs/{id}`, `/compare?run=…`, `/datasets/{name}`,
/// `/assets/dashboard.js`, `/assets/dashboard.css`, and under `/api/`: `runs`, `runs/{id}`,
/// `runs/{id}/confusion`, `runs/{id}/predictions`, `runs/{id}/curves.svg`,
/// `runs/{id}/confusion.svg`, `runs/{id}/events` (served by ``DashboardServer``), `datasets`,
/// `clips/{id}/audio`.
public struct DashboardAPI: Sendable {
    /// The database, opened read-only.
    public let store: Store
    /// Who may ask.
    public let access: AccessGuard

    /// A handler over `store` guarded by `access`.
    public init(store: Store, access: AccessGuard) {
        self.store = store
        self.access = access
    }

    /// The most runs one `/api/runs` request returns.
    public static let maxLimit = 10_000
    /// The longest `where` filter accepted, in characters.
    public static let maxFilterLength = 2_000

    /// Answers `request`; never throws: every failure becomes a 4xx/5xx reply with a message.
    public func respond(to request: DashboardRequest) -> DashboardReply {
        guard access.allows(request) else {
            return .error(
                DashboardError(
                    .unauthorized, "this dashboard needs its access token: add ?token=… to the URL or send the X-SER-Token header"))
        }
        guard request.method == "GET" || request.method == "HEAD" else {
            return .error(DashboardError(.methodNotAllowed, "only GET and HEAD are served; the dashboard never writes"))
        }
        do {
            return try route(request)
        } catch let error as DashboardError {
            return request.segments.first == "api" ? .error(error) : .html(Pages.errorPage(error), status: error.status)
        } catch {
            let wrapped = DashboardError(.internalError, "\(error)")
            return request.segments.first == "api" ? .error(wrapped) : .html(Pages.errorPage(wrapped), status: 500)
        }
    }

    private func route(_ request: DashboardRequest) throws -> DashboardReply {
        let s = request.segments
        switch s.first {
        case nil,
            "runs" where s.count == 1:
            return .html(try Pages.runs(self, request))
        case "runs" where s.count == 2:
            return .html(try Pages.run(self, id: try runID(s[1]), request: request))
        case "compare" where s.count == 1:
            return .html(try Pages.compare(self, ids: try request.values("run").map(runID), request: request))
        case "datasets" where s.count == 2:
            return .html(try Pages.dataset(self, name: s[1], request: request))
        case "assets" where s.count == 2 && s[1] == "dashboard.js":
            return DashboardReply(contentType: "text/javascript; charset=utf-8", body: Data(DashboardAssets.script.utf8))
        case "assets" where s.count == 2 && s[1] == "dashboard.css":
            return DashboardReply(contentType: "text/css; charset=utf-8", body: Data(DashboardAssets.style.utf8))
        case "api":
            return try routeAPI(Array(s.dropFirst()), request)
        default:
            throw DashboardError(.notFound, "nothing is served at /\(s.joined(separator: "/"))")
        }
    }

    private func routeAPI(_ s: [String], _ request: DashboardRequest) throws -> DashboardReply {
        switch (s.first, s.count) {
        case ("runs", 1):
            return .json(RunsPayload(try runs(request)))
        case ("runs", 2):
            return .json(try runDetail(try runID(s[1])))
        case ("runs", 3) where s[2] == "confusion":
            return .json(try confusion(try runID(s[1]), subset: request.value("subset")))
        case ("runs", 3) where s[2] == "predictions":
            return .json(try predictions(try runID(s[1]), request))
        case ("runs", 3) where s[2] == "curves.svg":
            let svg = try curvesSVG([try runID(s[1])])
            // `?inline=1`: scoped for the Run page's live redraw (see ``HTML/inlineSVG(_:scope:)``).
            return .svg(request.value("inline") == "1" ? Data(HTML.inlineSVG(svg, scope: "curves").utf8) : svg)
        case ("runs", 3) where s[2] == "confusion.svg":
            return .svg(try confusionSVG(try runID(s[1]), subset: request.value("subset")))
        case ("runs", 3) where s[2] == "epochs":
            return .json(try epochs(try runID(s[1]), after: Int(request.value("after") ?? "") ?? -1))
        case ("datasets", 1):
            return .json(try datasets())
        case ("clips", 3) where s[2] == "audio":
            return try audio(try clipID(s[1]), range: request.range)
        default:
            throw DashboardError(.notFound, "no API endpoint /api/\(s.joined(separator: "/")) (see docs/UI.md)")
        }
    }

    /// Parses a run id: a positive integer naming a run that exists.
    func runID(_ text: String) throws -> Int64 {
        guard let id = Int64(text), id > 0 else {
            throw DashboardError(.badRequest, "'\(text.prefix(40))' is not a run id (a positive integer)")
        }
        guard try store.runOverview(id) != nil else { throw DashboardError(.notFound, "no run \(id) in this database") }
        return id
    }

    /// Parses a clip id (a positive integer).
    func clipID(_ text: String) throws -> Int64 {
        guard let id = Int64(text), id > 0 else {
            throw DashboardError(.badRequest, "'\(text.prefix(40))' is not a clip id (a positive integer)")
        }
        return id
    }

    /// The comparison `/api/runs` and the Runs page show: `where`, `sort`, `order`
    /// (`asc`/`desc`), `limit` (default 500, at most ``maxLimit``), `children` (`1`).
    ///
    /// - Throws: ``DashboardError`` `.badRequest` with the caret message for a bad filter or
    ///   sort field, `.tooLarge` for a filter or limit beyond the bounds.
    func runs(_ request: DashboardRequest) throws -> RunComparison {
        var query = CompareQuery(limit: 500)
        if let filter = request.value("where")?.trimmingCharacters(in: .whitespaces), !filter.isEmpty {
            guard filter.count <= Self.maxFilterLength else {
                throw DashboardError(.tooLarge, "the filter is \(filter.count) characters; at most \(Self.maxFilterLength) are accepted")
            }
            query.filter = filter
        }
        if let sort = request.value("sort"), !sort.isEmpty { query.sort = sort }
        query.descending = request.value("order") != "asc"
        if let text = request.value("limit") {
            guard let limit = Int(text), limit > 0 else {
                throw DashboardError(.badRequest, "limit '\(text.prefix(20))' is not a positive integer")
            }
            guard limit <= Self.maxLimit else { throw DashboardError(.tooLarge, "limit \(limit) is above the maximum \(Self.maxLimit)") }
            query.limit = limit
        }
        query.includeChildren = request.value("children") == "1"
        do {
            return try store.compare(query)
        } catch let error as FilterError {
            throw DashboardError(.badRequest, "where: \(error.description)")
        } catch let error as StoreError where error.code == .invalidArgument {
            throw DashboardError(.badRequest, error.reason)
        }
    }
}
