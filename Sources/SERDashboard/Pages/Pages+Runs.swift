import SERReports
import SERStore

/// The Runs page: the `ser compare` table of the runs a filter selects, sortable by column,
/// with checkboxes to compare several.
extension Pages {
    static func runs(_ api: DashboardAPI, _ request: DashboardRequest) throws -> String {
        let context = PageContext(request, access: api.access)
        let filter = request.value("where") ?? ""
        let sort = request.value("sort") ?? "test.acc"
        let order = request.value("order") == "asc" ? "asc" : "desc"
        var body = """
            <h1>Runs</h1>
            <form id="filter" method="get" action="/runs">
            <input type="text" name="where" size="60" placeholder="filter, as ser compare --where: test.acc > 0.6 and lr < 0.01" value="\(HTML.escape(filter))">
            <input type="hidden" name="sort" value="\(HTML.escape(sort))"><input type="hidden" name="order" value="\(order)">
            \(context.token.map { "<input type=\"hidden\" name=\"token\" value=\"\(HTML.escape($0))\">" } ?? "")
            <button type="submit">Filter</button></form>
            """
        let comparison: RunComparison
        do {
            comparison = try api.runs(request)
        } catch let error as DashboardError where error.code == .badRequest || error.code == .tooLarge {
            body += "<pre class=\"error\" id=\"filter-error\">\(HTML.escape(error.reason))</pre>"
            return context.page(title: "Runs", body: body)
        }
        let table = try CompareTable.build(comparison, keys: nil, allParams: false, onlyChanged: false)
        body += "<p class=\"muted\" id=\"matched\">\(comparison.rows.count) of \(comparison.matched) matching runs</p>"
        body += "<form method=\"get\" action=\"/compare\">"
        if let token = context.token { body += "<input type=\"hidden\" name=\"token\" value=\"\(HTML.escape(token))\">" }
        body += "<table class=\"grid\" id=\"runs\"><thead><tr><th></th>"
        for column in table.columns {
            if let field = sortField(column.key) {
                let next = field == sort && order == "desc" ? "asc" : "desc"
                let mark = field == sort ? (order == "desc" ? " ▼" : " ▲") : ""
                let href = context.link("/runs?where=\(HTML.queryEscape(filter))&sort=\(HTML.queryEscape(field))&order=\(next)")
                body += "<th><a href=\"\(HTML.escape(href))\">\(HTML.escape(column.header))\(mark)</a></th>"
            } else {
                body += "<th>\(HTML.escape(column.header))</th>"
            }
        }
        body += "</tr></thead><tbody>"
        for (row, cells) in zip(comparison.rows, table.cells) {
            body += "<tr data-status=\"\(HTML.escape(row.status))\"><td><input type=\"checkbox\" name=\"run\" value=\"\(row.id)\"></td>"
            for (column, cell) in zip(table.columns, cells) {
                let text = HTML.escape(cell.display)
                if column.key == "id" || column.key == "name" {
                    body += "<td><a href=\"\(HTML.escape(context.link("/runs/\(row.id)")))\">\(text)</a></td>"
                } else if column.key == "status" {
                    body += "<td class=\"status \(HTML.escape(row.status))\">\(text)</td>"
                } else if column.key == "dataset", let dataset = row.dataset {
                    body += "<td><a href=\"\(HTML.escape(context.link("/datasets/\(HTML.queryEscape(dataset))")))\">\(text)</a></td>"
                } else {
                    body += "<td\(column.numeric ? " class=\"num\"" : "")>\(text)</td>"
                }
            }
            body += "</tr>"
        }
        body += "</tbody></table><button type=\"submit\">Compare selected</button></form>"
        return context.page(title: "Runs", body: body)
    }

    /// The `--sort` field of a compare column, or `nil` when it cannot be sorted on.
    static func sortField(_ key: String) -> String? {
        switch key {
        case "id", "name", "kind", "status", "dataset", "split", "seed", "best_epoch": key
        case "test_acc": "test.acc"
        case "test_f1": "test.f1"
        case "test_uar": "test.uar"
        case "val_acc": "val.acc"
        case "val_f1": "val.f1"
        case "val_uar": "val.uar"
        case "duration_s": "duration"
        default: key.hasPrefix("param.") ? key : nil
        }
    }
}
