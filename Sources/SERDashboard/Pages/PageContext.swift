/// What every page needs besides its data: the access token to carry in links and API calls.
struct PageContext {
    /// The token the request carried, repeated in every link (empty when none is required).
    var token: String?

    init(_ request: DashboardRequest, access: AccessGuard) {
        token = access.token == nil ? nil : (request.headerToken ?? request.value("token"))
    }

    /// `path` with `&token=`/`?token=` appended when a token is in use.
    func link(_ path: String) -> String {
        guard let token else { return path }
        return path + (path.contains("?") ? "&" : "?") + "token=" + HTML.queryEscape(token)
    }

    /// The page around `body`: title, navigation, the stylesheet and script (compiled in).
    func page(title: String, body: String, bodyAttributes: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(HTML.escape(title)) · ser ui</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <link rel="stylesheet" href="\(HTML.escape(link("/assets/dashboard.css")))"></head>
        <body data-token="\(HTML.escape(token ?? ""))" \(bodyAttributes)>
        <nav><a href="\(HTML.escape(link("/runs")))">Runs</a> <span class="muted">ser ui</span></nav>
        <main>
        \(body)
        </main>
        <script src="\(HTML.escape(link("/assets/dashboard.js")))"></script>
        </body></html>
        """
    }
}
