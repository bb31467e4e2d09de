import ArgumentParser
import SERRemote
import SERStore

extension SER {
    /// `ser remote [-v]`, `ser remote add NAME URL`, `ser remote rm NAME`: the team remotes
    /// (PostgreSQL databases) this database pushes to and pulls from.
    struct RemoteCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remote",
            abstract: "List, add or remove team remotes (PostgreSQL databases for ser push and ser pull).",
            discussion: """
                A remote's URL never holds a password: ser takes it from PGPASSWORD or ~/.pgpass \
                when it connects, as psql does.

                Examples:
                  ser remote add origin postgres://alice@db.lab:5432/ser
                  ser remote -v
                  ser remote rm origin
                """,
            subcommands: [List.self, Add.self, Remove.self],
            defaultSubcommand: List.self)

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "list", abstract: "List the remotes (with -v, their URLs).",
                discussion: "Examples:\n  ser remote list -v")
            @OptionGroup var options: GlobalOptions
            @Flag(name: .shortAndLong, help: "Show each remote's URL.") var verbose = false

            func run() throws {
                let remotes = try options.openStore(readOnly: true).remotes()
                if options.json { return try printJSON(RemotesReport(remotes)) }
                for remote in remotes where !options.quiet {
                    Console.out(verbose ? "\(remote.name)\t\(remote.url)\n" : "\(remote.name)\n")
                }
            }
        }

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Add a remote: a name and a postgres://user@host[:port]/database[?sslmode=…] URL.",
                discussion: "Examples:\n  ser remote add origin postgres://alice@db.lab/ser")
            @OptionGroup var options: GlobalOptions
            @Argument(help: "The remote's name (origin, lab, …).") var name: String
            @Argument(help: "postgres://user@host[:port]/database[?sslmode=require]") var url: String

            /// With `--json`: the remotes afterwards, as `ser remote --json` prints them.
            func run() throws {
                let parsed = try RemoteURL(url)
                let store = try options.openStore()
                try store.addRemote(name: name, url: parsed.stored)
                if parsed.password != nil {
                    Console.error("ser: note: the password in the URL was not stored; set PGPASSWORD or add it to ~/.pgpass\n")
                }
                if options.json { return try printJSON(RemotesReport(store.remotes())) }
                if !options.quiet { Console.out("Added remote \(name): \(parsed.stored)\n") }
            }
        }

        struct Remove: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "rm", abstract: "Remove a remote (nothing on the server is touched).",
                discussion: "Examples:\n  ser remote rm origin")
            @OptionGroup var options: GlobalOptions
            @Argument(help: "The remote's name.") var name: String

            /// With `--json`: the remotes afterwards, as `ser remote --json` prints them.
            func run() throws {
                let store = try options.openStore()
                try store.removeRemote(name: name)
                if options.json { return try printJSON(RemotesReport(store.remotes())) }
                if !options.quiet { Console.out("Removed remote \(name)\n") }
            }
        }
    }
}
