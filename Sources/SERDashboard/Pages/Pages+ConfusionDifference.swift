import Foundation
import SERReports

/// The Compare page's confusion difference: per true class, how the share of its clips given
/// each prediction moved from the first run to another.
extension Pages {
    /// Most runs whose confusion difference against the first the Compare page shows.
    static let maxConfusionDifferences = 4

    static func confusionDifferences(_ api: DashboardAPI, ids: [Int64]) -> String {
        guard let base = ids.first, ids.count > 1 else { return "" }
        var html = "<h2>Confusion difference against run \(base)</h2>"
        html += "<p class=\"muted\">Each row is a true class; a cell is the change in the share of its clips given that prediction, "
        html += "in percentage points (other run − run \(base)). Green: better (more right on the diagonal, less confusion off it).</p>"
        html += "<section class=\"cols\">"
        for other in ids.dropFirst().prefix(maxConfusionDifferences) {
            html += "<div><h3>run \(other) − run \(base)</h3>"
            do {
                html += table(try api.confusionDifference([base, other], subset: nil))
            } catch let error as DashboardError {
                html += "<p class=\"muted\">\(HTML.escape(error.reason))</p>"
            } catch {
                html += "<p class=\"muted\">\(HTML.escape("\(error)"))</p>"
            }
            html += "</div>"
        }
        return html + "</section>"
    }

    private static func table(_ d: ConfusionDifference) -> String {
        var html =
            "<table class=\"grid confusion-difference\" data-other=\"\(d.otherRunID)\"><thead><tr><th>\(HTML.escape(RunFigures.subsetName(d.subset))): true ↓ predicted →</th>"
        html += d.labels.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for (t, label) in d.labels.enumerated() {
            html += "<tr><th>\(HTML.escape(label))</th>"
            for p in d.labels.indices {
                let points = d.difference[t][p] * 100
                let better = t == p ? points > 0 : points < 0
                // Shade in proportion to the change, full at 25 points.
                let alpha = min(1, abs(points) / 25) * 0.6
                let color = better ? "0,150,0" : "200,0,0"
                let shade = abs(points) < 0.05 ? "" : " style=\"background: rgba(\(color),\(String(format: "%.2f", alpha)))\""
                html +=
                    "<td class=\"num\"\(shade) title=\"\(String(format: "%.1f%% → %.1f%%", d.baseRates[t][p] * 100, d.otherRates[t][p] * 100))\">"
                html += (abs(points) < 0.05 ? "0.0" : String(format: "%+.1f", points)) + "</td>"
            }
            html += "</tr>"
        }
        return html + "</tbody></table>"
    }
}
