import SERReports
import SERStore

/// The Runs page: the `ser compare` table of the runs a filter selects, sortable by column,
/// with checkboxes to compare several.
extension Pages {
    /// Rows per page unless `size` says otherwise, and the most `size` accepts.
    static let pageSize = 100, maxPageSize = 1000

    static func runs(_ api: DashboardAPI, _ request: DashboardRequest) throws -> DashboardReply {
        let context = PageContext(request, access: api.access)
        let filter = request.value("where") ?? ""
        let sort = request.value("sort") ?? "test.acc"
        let order = request.value("order") == "asc" ? "asc" : "desc"
        var body = "<h1>Runs</h1><form id=\"filter\" method=\"get\" action=\"/runs\">"
        body +=
            "<input type=\"text\" name=\"where\" size=\"60\" placeholder=\"filter, as ser compare --where: test.acc > 0.6 and lr < 0.01\" value=\"\(HTML.escape(filter))\"> "
        body += "sort by <select name=\"sort\" id=\"sort\">"
        let fields = FilterField.columnNames + (try api.store.hyperparameterNames()).map { "param." + $0 }
        for field in fields.contains(sort) ? fields : [sort] + fields {
            body += "<option value=\"\(HTML.escape(field))\"\(field == sort ? " selected" : "")>\(HTML.escape(field))</option>"
        }
        body += "</select> <select name=\"order\"><option value=\"desc\"\(order == "desc" ? " selected" : "")>descending</option>"
        body += "<option value=\"asc\"\(order == "asc" ? " selected" : "")>ascending</option></select> "
        if let token = context.token { body += "<input type=\"hidden\" name=\"token\" value=\"\(HTML.escape(token))\">" }
        body += "<button type=\"submit\">Show</button></form>"
        let comparison: RunComparison
        let size: Int, page: Int
        do {
            size = try request.integer("size", default: pageSize, in: 1...maxPageSize)
            page = try request.integer("page", default: 1, in: 1...(DashboardAPI.maxOffset / size))
            comparison = try api.runs(request, limit: size, offset: (page - 1) * size)
        } catch let error as DashboardError where error.code == .badRequest || error.code == .tooLarge {
            body += "<pre class=\"error\" id=\"filter-error\">\(HTML.escape(error.reason))</pre>"
            return .html(context.page(title: "Runs", body: body)).kept(.untilChange)
        }
        let table = try CompareTable.build(comparison, keys: nil, allParams: false, onlyChanged: false)
        let first = (page - 1) * size
        let pager = self.pager(
            context, filter: filter, sort: sort, order: order, size: size, page: page, first: first, shown: comparison.rows.count,
            matched: comparison.matched)
        body += pager
        body += "<form method=\"get\" action=\"/compare\">"
        if let token = context.token { body += "<input type=\"hidden\" name=\"token\" value=\"\(HTML.escape(token))\">" }
        body += "<table class=\"grid\" id=\"runs\"><thead><tr><th></th>"
        for column in table.columns {
            if let field = sortField(column.key) {
                let next = field == sort && order == "desc" ? "asc" : "desc"
                let mark = field == sort ? (order == "desc" ? " ▼" : " ▲") : ""
                let href = context.link(
                    "/runs?where=\(HTML.queryEscape(filter))&sort=\(HTML.queryEscape(field))&order=\(next)&size=\(size)")
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
        body += "</tbody></table><button type=\"submit\">Compare selected</button></form>" + pager
        return .html(context.page(title: "Runs", body: body)).kept(.showing(comparison.rows.map(\.status)))
    }

    /// "rows 101–200 of 8,769" with links to the first, previous, next and last pages.
    static func pager(
        _ context: PageContext, filter: String, sort: String, order: String, size: Int, page: Int, first: Int, shown: Int, matched: Int
    ) -> String {
        let pages = max(1, (matched + size - 1) / size)
        func link(_ target: Int, _ text: String) -> String {
            let href = context.link(
                "/runs?where=\(HTML.queryEscape(filter))&sort=\(HTML.queryEscape(sort))&order=\(order)&size=\(size)&page=\(target)")
            return "<a href=\"\(HTML.escape(href))\">\(text)</a>"
        }
        var html =
            "<p class=\"pager muted\" id=\"matched\"><span>rows \(shown == 0 ? 0 : first + 1)–\(first + shown) of \(matched) matching runs</span>"
        if page > 1 { html += link(1, "« first") + link(min(page - 1, pages), "‹ previous") }
        if page < pages { html += link(page + 1, "next ›") + link(pages, "last »") }
        return html + "</p>"
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
