import Foundation
import GRDB
import SERStore
import SERTestSupport
import Testing

/// The pages as headless Chromium renders them (Debian's `chromium`; skipped when absent):
/// the DOM after scripts ran, and a screenshot of each page kept as a test artifact.
@Suite(.serialized) struct DashboardBrowserTests {
    /// Where screenshots go: `$SER_TEST_ARTIFACTS` or `.build/test-artifacts/dashboard`.
    static let artifacts: URL = {
        let base =
            ProcessInfo.processInfo.environment["SER_TEST_ARTIFACTS"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".build/test-artifacts")
        return base.appendingPathComponent("dashboard")
    }()

    static func dom(_ url: String) async throws -> String {
        let result = try await RawHTTP.onThread { try Chromium.run(["--virtual-time-budget=4000", "--dump-dom", url], timeout: 120) }
        return result.stdout
    }

    static func screenshot(_ url: String, name: String) async throws -> URL {
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let file = artifacts.appendingPathComponent("\(name).png")
        try? FileManager.default.removeItem(at: file)
        _ = try await RawHTTP.onThread {
            try Chromium.run(["--virtual-time-budget=4000", "--window-size=1400,1800", "--screenshot=\(file.path)", url], timeout: 120)
        }
        return file
    }

    @Test(.enabled(if: Chromium.executable != nil, "chromium is not installed (apt-get install chromium); skipping the browser checks"))
    func pagesRenderInHeadlessChromium() async throws {
        let harness = try DashboardParentTests.shared.get()
        let sweep = try #require(harness.sweepID)
        let trial = try #require(try Store.open(at: harness.databasePath, readOnly: true).childRuns(of: sweep).first).id
        let server = try await harness.start()
        defer { Task { try? await server.stop() } }
        let base = "http://127.0.0.1:\(server.port)"
        // Run page: the curves and confusion figures (inline SVG from SERReports) and the
        // clickable confusion table, as the browser built them.
        let run = try await Self.dom("\(base)/runs/\(harness.runID)")
        #expect(run.contains("id=\"curves\""))
        let curves = try #require(run.range(of: "id=\"curves\""))
        #expect(run[curves.upperBound...].prefix(400).contains("<svg"), "the curves div holds an SVG")
        #expect(run.contains("Training curves") && run.contains("<table class=\"grid confusion\" id=\"confusion\""))
        #expect(run.components(separatedBy: "class=\"num cell ").count - 1 == 16, "a 4×4 confusion table")
        // A confusion cell opened by the page's script lists its clips, each with a player.
        let confusion = try #require(
            try JSONSerialization.jsonObject(
                with: try await RawHTTP.request(port: server.port, "/api/runs/\(harness.runID)/confusion").body) as? [String: Any])
        let labels = try #require(confusion["labels"] as? [String])
        let counts = try #require(confusion["counts"] as? [[Int]])
        let (t, p) = try #require(labels.indices.flatMap { t in labels.indices.map { (t, $0) } }.first { counts[$0.0][$0.1] > 0 })
        let listened = try await Self.dom("\(base)/runs/\(harness.runID)?cell=\(labels[t]):\(labels[p])")
        #expect(listened.components(separatedBy: "<audio ").count - 1 == counts[t][p], "one player per clip of the cell")
        #expect(listened.contains("src=\"/api/clips/") && listened.contains("speaker 03"))
        // Each player loaded its clip: the duration the browser decoded is the clip's own
        // (whole samples; the page writes it to 3 decimals, so within 0.5 ms).
        let durations = try Store.open(at: harness.databasePath, readOnly: true).read { db in
            try Row.fetchAll(db, sql: "SELECT id, duration FROM clips").reduce(into: [Int64: Double]()) { $0[$1["id"]] = $1["duration"] }
        }
        let players = listened.matches(of: /data-clip="(\d+)"><audio [^>]*data-duration="([0-9.]+)"/)
        #expect(players.count == counts[t][p], "every player reports a duration: \(listened.prefix(3000))")
        for player in players {
            let clip = Int64(player.1) ?? -1
            let decoded = Double(player.2) ?? -1
            #expect(abs(decoded - (durations[clip] ?? -9)) <= 0.0005, "clip \(clip): the browser says \(decoded) s")
        }
        // Runs page lists the run; a bad filter shows the caret.
        let runs = try await Self.dom("\(base)/runs")
        #expect(runs.contains(">tiny</a>"))
        let bad = try await Self.dom("\(base)/runs?where=lrr+%3C+0.01")
        #expect(bad.contains("unknown field 'lrr'") && bad.contains("  lrr &lt; 0.01\n  ^^^"))
        let pages = [
            ("runs", "/runs"), ("run", "/runs/\(harness.runID)"), ("sweep", "/runs/\(sweep)"),
            ("compare", "/compare?run=\(harness.runID)&run=\(trial)"), ("dataset", "/datasets/tones"),
        ]
        for (name, path) in pages {
            let png = try await Self.screenshot(base + path, name: name)
            let size = (try? FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int) ?? 0
            #expect(size > 10_000, "screenshot of \(name) at \(png.path)")
        }
        try await server.stop()
    }
}
