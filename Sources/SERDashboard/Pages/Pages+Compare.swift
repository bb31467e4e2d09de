import Foundation
import SERReports
import SERStore

/// The Compare page: the selected runs' curves overlaid, the settings that differ, and each
/// metric's difference from the first run.
extension Pages {
    /// Most runs one comparison shows.
    static let maxCompared = 20

    static func compare(_ api: DashboardAPI, ids: [Int64], request: DashboardRequest) throws -> DashboardReply {
        let context = PageContext(request, access: api.access)
        guard !ids.isEmpty else { throw DashboardError(.badRequest, "select at least one run to compare (?run=ID&run=ID)") }
        guard ids.count <= maxCompared else {
            throw DashboardError(.tooLarge, "\(ids.count) runs selected; at most \(maxCompared) can be compared")
        }
        let comparison = try api.store.compare(CompareQuery(runIDs: ids)).fillingSettingDefaults()
        let table = try CompareTable.build(comparison, keys: nil, allParams: true, onlyChanged: true)
        var body = "<h1>Compare \(HTML.escape(RunFigures.runList(ids)))</h1><h2>Training curves</h2><div id=\"curves\" class=\"figure\">"
        do {
            body += HTML.inlineSVG(try api.curvesSVG(ids), scope: "curves")
        } catch let error as DashboardError {
            body += "<p class=\"muted\">\(HTML.escape(error.reason))</p>"
        }
        body += "</div><h2>What differs</h2><table class=\"grid\" id=\"differences\"><thead><tr>"
        body += table.columns.map { "<th>\(HTML.escape($0.header))</th>" }.joined() + "</tr></thead><tbody>"
        for (row, cells) in zip(comparison.rows, table.cells) {
            body += "<tr>"
            for (column, cell) in zip(table.columns, cells) {
                let text = HTML.escape(cell.display)
                body +=
                    column.key == "id"
                    ? "<td><a href=\"\(HTML.escape(context.link("/runs/\(row.id)")))\">\(text)</a></td>" : "<td>\(text)</td>"
            }
            body += "</tr>"
        }
        body += "</tbody></table>"
        if let base = comparison.rows.first, comparison.rows.count > 1 {
            let metrics: [(String, (CompareRow) -> MetricValue?)] = [
                ("test acc", \.testAccuracy), ("test F1", \.testF1), ("test UAR", \.testUAR), ("val acc", \.validationAccuracy),
                ("val F1", \.validationF1),
            ]
            body += "<h2>Metric deltas against run \(base.id)</h2><table class=\"grid\" id=\"deltas\"><thead><tr><th>run</th>"
            body += metrics.map { "<th>\($0.0)</th>" }.joined() + "</tr></thead><tbody>"
            for row in comparison.rows.dropFirst() {
                body += "<tr><td>\(row.id)</td>"
                for (_, value) in metrics {
                    if let a = value(row)?.value, let b = value(base)?.value {
                        let d = a - b
                        body += "<td class=\"num \(d > 0 ? "up" : d < 0 ? "down" : "")\">\(String(format: "%+.4f", d))</td>"
                    } else {
                        body += "<td class=\"num\">—</td>"
                    }
                }
                body += "</tr>"
            }
            body += "</tbody></table>"
        }
        body += confusionDifferences(api, ids: comparison.rows.map(\.id))
        return .html(context.page(title: "Compare", body: body)).kept(.showing(comparison.rows.map(\.status)))
    }
}
