import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import Foundation
import SERStore

/// A run as the user names it on the command line (see ``RunReference``: id, name or unique
/// prefix, `last`/`HEAD`, `last~N`, `@tag`), resolved against the database by
/// ``resolve(in:)``. Shell completion offers the database's run ids, names and tags.
struct RunArgument: ExpressibleByArgument, Sendable, CustomStringConvertible {
    /// What was typed.
    let text: String

    init?(argument: String) {
        guard !argument.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        text = argument
    }

    init(_ text: String) { self.text = text }

    var description: String { text }

    /// The run id it names in `store`.
    ///
    /// - Throws: ``StoreError`` when it names no run, or several (with the candidates).
    func resolve(in store: Store) throws -> Int64 {
        try store.resolveRun(text)
    }

    static var defaultCompletionKind: CompletionKind {
        .custom { words, _, _ in completions(words) }
    }

    /// Run references from the database the command line points at (its `--db`, else
    /// `$SER_DB`, else the nearest `ser.db`); none when there is no database.
    private static func completions(_ words: [String]) -> [String] {
        let explicit = words.firstIndex(of: "--db").flatMap { $0 + 1 < words.count ? words[$0 + 1] : nil }
        guard
            let location = try? StoreLocator.locate(
                explicit: explicit, environment: ProcessInfo.processInfo.environment, start: FileManager.default.currentDirectoryPath),
            let store = try? Store.open(at: location.path, readOnly: true)
        else { return [] }
        return (try? store.runCompletions()) ?? []
    }
}

extension [RunArgument] {
    /// Every run these name, in order.
    func resolve(in store: Store) throws -> [Int64] {
        try map { try $0.resolve(in: store) }
    }
}
