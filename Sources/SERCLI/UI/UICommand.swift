import ArgumentParser
import Foundation
import SERDashboard

extension SER {
    /// `ser ui`: the browser dashboard over the database, opened read-only.
    struct UI: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ui",
            abstract: "Serve a live dashboard of the database in the browser.",
            discussion: """
                Opens the database read-only and serves the Runs, Run, Compare and Dataset pages and \
                a JSON API under /api/ (docs/UI.md). Binds to 127.0.0.1 unless --host says otherwise; \
                any other address needs an access token on every request (--token, or one is \
                generated and printed). Ctrl-C stops the server.

                Examples:
                  ser ui
                  ser ui --port 9000 --open
                  ser ui --host 0.0.0.0 --token "$(openssl rand -hex 16)"
                """)

        @OptionGroup var options: GlobalOptions

        @Option(help: "The port to listen on (0: any free port).")
        var port: Int = 8080

        @Option(help: "The address to bind; anything but loopback requires a token.")
        var host: String = "127.0.0.1"

        @Option(help: "The access token every request must carry (header X-SER-Token or ?token=).")
        var token: String?

        @Flag(help: "Open the dashboard in the default browser (xdg-open).")
        var open = false

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535 (got \(port)).") }
            if let token, token.count < 8 || token.contains(where: { !$0.isASCII || $0.isWhitespace }) {
                throw ValidationError("--token must be at least 8 printable ASCII characters without spaces.")
            }
        }

        func run() throws {
            let store = try options.openStore(readOnly: true)
            let needsToken = token != nil || !AccessGuard.isLoopback(host)
            let accessToken = needsToken ? (token ?? AccessGuard.generateToken()) : nil
            let server = try DashboardServer(store: store, host: host, port: port, token: accessToken)
            InterruptFlag.install()
            let host = self.host, open = self.open, quiet = options.quiet
            let finished = DispatchSemaphore(value: 0)
            let failure = FailureBox()
            Task {
                do {
                    try await server.run(
                        onReady: { bound in
                            let shown = host.contains(":") ? "[\(host)]" : host
                            var url = "http://\(shown):\(bound)/"
                            if let accessToken { url += "?token=\(accessToken)" }
                            if !quiet {
                                Console.out("ser ui: serving \(store.path) (read-only) at \(url)\nPress Ctrl-C to stop.\n")
                                Console.flush()
                            }
                            if open { Self.openBrowser(url) }
                        }, shouldStop: { InterruptFlag.isRaised })
                } catch {
                    failure.error = error
                }
                finished.signal()
            }
            finished.wait()
            if let error = failure.error { throw error }
            if !quiet { Console.out("ser ui: stopped.\n") }
        }

        /// Hands `url` to xdg-open; a missing opener only costs the convenience.
        static func openBrowser(_ url: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["xdg-open", url]
            try? process.run()
        }
    }
}

/// The error of the server task, handed to the waiting command.
private final class FailureBox: @unchecked Sendable {
    var error: (any Error)?
}
