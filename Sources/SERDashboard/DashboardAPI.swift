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
/// `runs/{id}/confusion.svg`, `runs/{id}/per-class.svg`, `runs/{id}/trials`, `runs/{id}/sweep.svg`,
/// `runs/{id}/spread.svg`, `runs/{id}/events` (served by ``DashboardServer``), `compare/confusion`,
/// `datasets`, `datasets/{name}/examples`, `datasets/{name}/overview.svg`, `clips/{id}/audio`,
/// `clips/{id}/figure.svg`.
public struct DashboardAPI: Sendable {
    /// The database, opened read-only.
    public let store: Store
    /// Who may ask.
    public let access: AccessGuard
    /// The database's data version, which keys ``cache`` (`nil`: nothing is cached).
    let changes: StoreChangeCounter?
    /// Replies rendered at a data version, served again until the database changes.
    let cache = ReplyCache()

    /// A handler over `store` guarded by `access`. Rendered pages and figures are kept while
    /// the database does not change (when a second connection to watch it can be opened).
    public init(store: Store, access: AccessGuard) {
        self.store = store
        self.access = access
        changes = try? StoreChangeCounter(store)
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
        // Read before rendering: a commit while rendering makes the next request miss.
        let version = try? changes?.value()
        let key = request.cacheKey
        if let version, let kept = cache.reply(key, version: version) { return kept }
        do {
            let reply = try route(request)
            if let version { cache.keep(reply, key, version: version) }
            return reply
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
            return try Pages.runs(self, request)
        case "runs" where s.count == 2:
            return try Pages.run(self, id: try runID(s[1]), request: request)
        case "compare" where s.count == 1:
            return try Pages.compare(self, ids: try request.values("run").map(runID), request: request)
        case "datasets" where s.count == 2:
            return try Pages.dataset(self, name: s[1], request: request)
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
            let comparison = try runs(request)
            return .json(RunsPayload(comparison)).kept(.showing(comparison.rows.map(\.status)))
        case ("runs", 2):
            let detail = try runDetail(try runID(s[1]))
            return .json(detail).kept(.showing([detail.run.status]))
        case ("runs", 3) where Self.runParts.contains(s[2]):
            let id = try runID(s[1])
            return try routeRun(id, s[2], request).kept(.showing([try status(id)]))
        case ("compare", 2) where s[1] == "confusion":
            return .json(try confusionDifference(try request.values("run").map(runID), subset: request.value("subset"))).kept(.untilChange)
        case ("datasets", 1):
            return .json(try datasets()).kept(.untilChange)
        case ("datasets", 3) where s[2] == "examples":
            return .json(try examples(s[1])).kept(.untilChange)
        case ("datasets", 3) where s[2] == "overview.svg":
            return .svg(try datasetOverviewSVG(s[1])).kept(.untilChange)
        case ("clips", 3) where s[2] == "audio":
            return try audio(try clipID(s[1]), range: request.range)
        case ("clips", 3) where s[2] == "figure.svg":
            return .svg(try clipFigureSVG(try clipID(s[1]))).kept(.untilChange)
        default:
            throw DashboardError(.notFound, "no API endpoint /api/\(s.joined(separator: "/")) (see docs/UI.md)")
        }
    }

    /// What `/api/runs/{id}/…` serves (`events` aside, which ``DashboardServer`` streams).
    static let runParts: Set<String> = [
        "confusion", "predictions", "curves.svg", "confusion.svg", "per-class.svg", "epochs", "trials", "sweep.svg", "spread.svg",
    ]

    /// `/api/runs/{id}/…`: the parts of one run.
    private func routeRun(_ id: Int64, _ part: String, _ request: DashboardRequest) throws -> DashboardReply {
        switch part {
        case "confusion":
            return .json(try confusion(id, subset: request.value("subset")))
        case "predictions":
            return .json(try predictions(id, request))
        case "curves.svg":
            let svg = try curvesSVG([id])
            // `?inline=1`: scoped for the Run page's live redraw (see ``HTML/inlineSVG(_:scope:)``).
            return .svg(request.value("inline") == "1" ? Data(HTML.inlineSVG(svg, scope: "curves").utf8) : svg)
        case "confusion.svg":
            return .svg(try confusionSVG(id, subset: request.value("subset")))
        case "per-class.svg":
            return .svg(try perClassSVG(id, subset: request.value("subset")))
        case "epochs":
            return .json(try epochs(id, after: Int(request.value("after") ?? "") ?? -1))
        case "trials":
            guard let sweep = try trials(id) else { throw DashboardError(.notFound, "run \(id) has no child runs (folds or trials)") }
            return .json(TrialsPayload(sweep))
        case "sweep.svg":
            return .svg(try sweepSVG(id))
        case "spread.svg":
            return .svg(try spreadSVG(id))
        default:
            throw DashboardError(.notFound, "no API endpoint /api/runs/\(id)/\(part) (see docs/UI.md)")
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

    /// The status of run `id` as pages show it (`dead` for a running run without heartbeat).
    func status(_ id: Int64) throws -> String {
        guard let run = try store.runOverview(id) else { throw DashboardError(.notFound, "no run \(id) in this database") }
        return run.status
    }

    /// Parses a clip id (a positive integer).
    func clipID(_ text: String) throws -> Int64 {
        guard let id = Int64(text), id > 0 else {
            throw DashboardError(.badRequest, "'\(text.prefix(40))' is not a clip id (a positive integer)")
        }
        return id
    }

    /// The comparison `/api/runs` shows: `where`, `sort`, `order` (`asc`/`desc`), `limit`
    /// (default 500, at most ``maxLimit``), `offset` (default 0), `children` (`1`).
    ///
    /// - Throws: ``DashboardError`` `.badRequest` with the caret message for a bad filter or
    ///   sort field, `.tooLarge` for a filter or limit beyond the bounds.
    func runs(_ request: DashboardRequest) throws -> RunComparison {
        let limit = try request.integer("limit", default: 500, in: 1...Self.maxLimit)
        return try runs(request, limit: limit, offset: try request.integer("offset", default: 0, in: 0...Self.maxOffset))
    }

    /// The most runs skipped by paging.
    static let maxOffset = 100_000_000

    /// The runs `request`'s `where`, `sort`, `order` and `children` select, `limit` of them
    /// from the `offset`-th on; `matched` counts them all.
    func runs(_ request: DashboardRequest, limit: Int, offset: Int) throws -> RunComparison {
        var query = CompareQuery(limit: limit)
        query.offset = offset
        if let filter = request.value("where")?.trimmingCharacters(in: .whitespaces), !filter.isEmpty {
            guard filter.count <= Self.maxFilterLength else {
                throw DashboardError(.tooLarge, "the filter is \(filter.count) characters; at most \(Self.maxFilterLength) are accepted")
            }
            query.filter = filter
        }
        if let sort = request.value("sort"), !sort.isEmpty { query.sort = sort }
        query.descending = request.value("order") != "asc"
        query.includeChildren = request.value("children") == "1"
        do {
            var comparison = try store.compare(query).fillingSettingDefaults()
            if comparison.rows.isEmpty && offset > 0 {
                // Past the end: count what matched from the start.
                query.offset = 0
                query.limit = 1
                comparison.matched = try store.compare(query).matched
            }
            return comparison
        } catch let error as FilterError {
            throw DashboardError(.badRequest, "where: \(error.description)")
        } catch let error as StoreError where error.code == .invalidArgument {
            throw DashboardError(.badRequest, error.reason)
        }
    }
}
