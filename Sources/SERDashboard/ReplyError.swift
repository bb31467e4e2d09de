/// A reply carried as an error (for `Result`).
struct ReplyError: Error {
    let reply: DashboardReply
}
