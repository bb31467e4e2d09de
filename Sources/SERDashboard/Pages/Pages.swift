/// The dashboard's HTML pages, rendered on the server from the same values the API returns
/// and the same figures as `ser plot`; the script only adds the listening view and live
/// epochs.
enum Pages {
    /// A page saying what went wrong (the message in a `<pre>`, so a filter caret lines up).
    static func errorPage(_ error: DashboardError) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(error.status) · ser ui</title>
        <link rel="stylesheet" href="/assets/dashboard.css"></head>
        <body><main><h1>\(error.status)</h1><pre class="error">\(HTML.escape(error.reason))</pre>
        <p><a href="/runs">Back to the runs</a></p></main></body></html>
        """
    }
}
