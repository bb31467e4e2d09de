import Foundation
import SERDashboard
import SERStore
import Testing

/// The pages added over a database with a sweep: the parent's trials, sweep and spread
/// figures; the confusion difference of two runs; the dataset's examples; paging; and the
/// reply cache, which must never serve a page the database has since changed.
@Suite(.serialized) struct DashboardParentTests {
    static let shared = Result { try DashboardHarness(sweep: true) }

    static func json(_ response: RawHTTP.Response) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
    }

    @Test func aSweepPageRanksItsTrialsAndDrawsTheSweepAndTheSpread() async throws {
        let harness = try Self.shared.get()
        let sweep = try #require(harness.sweepID)
        let server = try await harness.start()
        defer { Task { try? await server.stop() } }
        let payload = try Self.json(try await RawHTTP.request(port: server.port, "/api/runs/\(sweep)/trials"))
        #expect(payload["keys"] as? [String] == ["lr"] && payload["kind"] as? String == "sweep")
        let trials = try #require(payload["trials"] as? [[String: Any]])
        #expect(trials.count == 2)
        #expect(Set(trials.compactMap { ($0["settings"] as? [String: String])?["lr"].flatMap(Double.init) }) == [0.001, 0.01])
        // Ranked by validation accuracy, best first, and numbered so.
        let scores = trials.map { $0["validationAccuracy"] as? Double ?? -1 }
        #expect(scores == scores.sorted(by: >) && trials.map { $0["rank"] as? Int } == [1, 2])
        let children = try Store.open(at: harness.databasePath, readOnly: true).childRuns(of: sweep)
        #expect(Set(trials.compactMap { ($0["id"] as? Int).map(Int64.init) }) == Set(children.map(\.id)))
        for figure in ["sweep.svg", "spread.svg"] {
            let response = try await RawHTTP.request(port: server.port, "/api/runs/\(sweep)/\(figure)")
            #expect(
                response.status == 200 && response.headers["content-type"] == "image/svg+xml" && response.text.contains("<svg"), "\(figure)"
            )
        }
        // The Run page of the parent holds the ranked table (one row per trial, linked), both figures and the spread table.
        let page = try await RawHTTP.request(port: server.port, "/runs/\(sweep)")
        #expect(page.status == 200)
        for child in children {
            #expect(page.text.contains("<tr data-run=\"\(child.id)\">") && page.text.contains("href=\"/runs/\(child.id)\""))
        }
        #expect(page.text.contains("id=\"sweep-figure\"><svg") && page.text.contains("id=\"spread-figure\"><svg"))
        #expect(page.text.contains("<th>validation accuracy</th><td class=\"num\">2</td>"))
        // A run without children: no trials.
        #expect(try await RawHTTP.request(port: server.port, "/api/runs/\(harness.runID)/trials").status == 404)
        #expect(!(try await RawHTTP.request(port: server.port, "/runs/\(harness.runID)")).text.contains("id=\"trials\""))
        try await server.stop()
    }

    @Test func theConfusionDifferenceIsTheDifferenceOfRowRates() async throws {
        let harness = try Self.shared.get()
        let sweep = try #require(harness.sweepID)
        let children = try Store.open(at: harness.databasePath, readOnly: true).childRuns(of: sweep).map(\.id)
        let server = try await harness.start()
        defer { Task { try? await server.stop() } }
        let (a, b) = (harness.runID, children[0])
        let difference = try Self.json(try await RawHTTP.request(port: server.port, "/api/compare/confusion?run=\(a)&run=\(b)"))
        #expect(difference["subset"] as? String == "test")
        let labels = try #require(difference["labels"] as? [String])
        let delta = try #require(difference["difference"] as? [[Double]])
        // Recomputed from each run's confusion counts: rows normalised to rates, then b − a.
        func rates(_ run: Int64) async throws -> [[Double]] {
            let confusion = try Self.json(try await RawHTTP.request(port: server.port, "/api/runs/\(run)/confusion"))
            #expect(confusion["labels"] as? [String] == labels)
            let counts = try #require(confusion["counts"] as? [[Int]])
            return counts.map { row in row.map { Double($0) / Double(max(1, row.reduce(0, +))) } }
        }
        let (ra, rb) = (try await rates(a), try await rates(b))
        #expect(delta.count == labels.count)
        for t in labels.indices {
            for p in labels.indices {
                // The same divisions and subtraction in Double, and JSON numbers round-trip exactly.
                #expect(delta[t][p] == rb[t][p] - ra[t][p], "\(labels[t]) → \(labels[p])")
            }
        }
        // A run against itself differs nowhere; one run alone is refused.
        let same = try Self.json(try await RawHTTP.request(port: server.port, "/api/compare/confusion?run=\(a)&run=\(a)"))
        #expect((same["difference"] as? [[Double]])?.joined().allSatisfy { $0 == 0 } == true)
        #expect(try await RawHTTP.request(port: server.port, "/api/compare/confusion?run=\(a)").status == 400)
        let page = try await RawHTTP.request(port: server.port, "/compare?run=\(a)&run=\(b)")
        #expect(page.status == 200 && page.text.contains("class=\"grid confusion-difference\""))
        try await server.stop()
    }

    @Test func theRunPageShowsTheMetricsPerEmotion() async throws {
        let harness = try Self.shared.get()
        let server = try await harness.start()
        defer { Task { try? await server.stop() } }
        let figure = try await RawHTTP.request(port: server.port, "/api/runs/\(harness.runID)/per-class.svg")
        #expect(figure.status == 200 && figure.text.contains("F1 per emotion"))
        let page = try await RawHTTP.request(port: server.port, "/runs/\(harness.runID)")
        #expect(page.text.contains("id=\"per-class-figure\"><svg"))
        // One row per emotion; the supports add up to the 12 test clips of speaker 03.
        let table = try #require(
            page.text.components(separatedBy: "id=\"per-class\"").last?.components(separatedBy: "</table>").first?.components(
                separatedBy: "<tbody>"
            ).last)
        let rows = table.components(separatedBy: "<tr><th>").dropFirst()
        #expect(rows.count == 4)
        let supports = rows.compactMap { row in
            row.components(separatedBy: "<td class=\"num\">").last?.components(separatedBy: "<").first.flatMap { Int($0) }
        }
        #expect(supports.reduce(0, +) == 12)
        try await server.stop()
    }

    @Test func theDatasetPageHasOnePlayableExamplePerEmotionWithItsFigure() async throws {
        let harness = try Self.shared.get()
        let server = try await harness.start()
        defer { Task { try? await server.stop() } }
        let store = try Store.open(at: harness.databasePath, readOnly: true)
        let payload = try Self.json(try await RawHTTP.request(port: server.port, "/api/datasets/tones/examples"))
        let examples = try #require(payload["examples"] as? [[String: Any]])
        let emotions = Set(try store.datasetClips("tones").map(\.label))
        #expect(examples.count == emotions.count && Set(examples.compactMap { $0["emotion"] as? String }) == emotions)
        for example in examples {
            let id = try #require(example["clipID"] as? Int)
            let record = try #require(try store.read { try DatasetStore.clip(id: Int64(id), $0) })
            #expect(record.label == example["emotion"] as? String)
            let figure = try await RawHTTP.request(port: server.port, "/api/clips/\(id)/figure.svg")
            #expect(figure.status == 200 && figure.text.contains("<svg") && figure.text.contains("mel spectrogram"))
        }
        let page = try await RawHTTP.request(port: server.port, "/datasets/tones")
        #expect(page.status == 200 && page.text.contains("id=\"overview\"><svg"))
        #expect(page.text.components(separatedBy: "<audio controls").count - 1 == emotions.count)
        #expect(page.text.components(separatedBy: "class=\"clip-figure\"").count - 1 == emotions.count)
        #expect(try await RawHTTP.request(port: server.port, "/api/datasets/nope/examples").status == 404)
        #expect(try await RawHTTP.request(port: server.port, "/api/clips/999999/figure.svg").status == 404)
        try await server.stop()
    }

    @Test func runsArePagedAndSortableByAnyField() async throws {
        let harness = try Self.shared.get()
        let server = try await harness.start()
        defer { Task { try? await server.stop() } }
        func ids(_ target: String) async throws -> [Int] {
            try #require(try Self.json(try await RawHTTP.request(port: server.port, target))["runs"] as? [[String: Any]]).compactMap {
                $0["id"] as? Int
            }
        }
        let all = try await ids("/api/runs?children=1&sort=id&order=asc")
        #expect(all.count == 4 && all == all.sorted())
        #expect(try await ids("/api/runs?children=1&sort=id&order=asc&limit=2&offset=1") == Array(all[1...2]))
        #expect(try await ids("/api/runs?children=1&sort=param.lr&order=desc&limit=1&offset=0").count == 1)
        #expect(try await RawHTTP.request(port: server.port, "/api/runs?offset=-1").status == 400)
        // The page: one page of rows, a link to the next, and a sort menu listing the fields.
        let page = try await RawHTTP.request(port: server.port, "/runs?sort=id&order=asc&size=1")
        #expect(page.status == 200 && page.text.contains("rows 1–1 of 2") && page.text.contains("page=2"))
        #expect(page.text.contains("<option value=\"test.uar\"") && page.text.contains("<option value=\"param.lr\""))
        let second = try await RawHTTP.request(port: server.port, "/runs?sort=id&order=asc&size=1&page=2")
        #expect(second.text.contains("rows 2–2 of 2"))
        try await server.stop()
    }

    /// Replies are kept while the database does not change: a commit by another connection
    /// (here a tag) shows on the next request.
    @Test func aCommitInvalidatesKeptPages() async throws {
        let harness = try DashboardHarness()
        defer { harness.remove() }
        let server = try await harness.start()
        defer { Task { try? await server.stop() } }
        #expect(!(try await RawHTTP.request(port: server.port, "/api/runs")).text.contains("cached-tag"))
        let first = try await RawHTTP.request(port: server.port, "/runs/\(harness.runID)")
        let again = try await RawHTTP.request(port: server.port, "/runs/\(harness.runID)")
        #expect(first.status == 200 && first.body == again.body && !first.text.contains("cached-tag"))
        try harness.store.addTags(["cached-tag"], to: harness.runID)
        let after = try await RawHTTP.request(port: server.port, "/runs/\(harness.runID)")
        #expect(after.text.contains("cached-tag"))
        let list = try await RawHTTP.request(port: server.port, "/api/runs")
        #expect(list.text.contains("cached-tag"))
        try await server.stop()
    }
}
