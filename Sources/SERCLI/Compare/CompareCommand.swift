import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import Foundation
import SERStore

extension SER {
    /// `ser compare`: one row per run — scores, best epoch, what differs — to see which won.
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare runs side by side: test accuracy/F1/UAR, best epoch, and the hyperparameters that differ.",
            discussion: """
                Without RUNs, compares every top-level run (k-fold parents show mean±std over their folds, \
                sweeps their chosen trial). --where filters with a small language, e.g.
                  ser compare --where "lr < 0.001 and split = 'speaker' and test.acc > 0.5"
                Operators: and, or, not, ( ), = != < <= > >=, in (...), like '%x%'. Fields: id, name, kind, \
                status, dataset, split, seed, tag, best_epoch, test.acc, test.f1, test.uar, test.loss, val.acc, \
                val.f1, val.uar, val.loss, duration, created, and any hyperparameter (param.NAME when a \
                run field has the same name).

                Examples:
                  ser compare --where "split = 'speaker'" --sort test.acc --only-changed
                  ser compare @paper last --format markdown
                  ser compare --tag sweep-3 --columns id,name,param.lr,val_acc,test_acc
                """)

        @OptionGroup var options: GlobalOptions
        @OptionGroup var reading: RemoteReadOptions

        @Argument(
            help: ArgumentHelp(
                "Runs to compare: ids, names or prefixes, last, last~N, @tag (default: all top-level runs).", valueName: "run"))
        var references: [RunArgument] = []

        @Option(help: ArgumentHelp("Only runs on this dataset.", valueName: "name"))
        var dataset: String?
        @Option(help: ArgumentHelp("Only runs with this tag.", valueName: "tag"))
        var tag: String?
        @Option(name: .customLong("where"), help: ArgumentHelp("Only runs matching this expression.", valueName: "expr"))
        var filter: String?
        @Option(help: ArgumentHelp("Sort by this field, best first for scores; append :asc or :desc to choose.", valueName: "field"))
        var sort: String = "test.acc"
        @Option(help: ArgumentHelp("Show at most this many runs.", valueName: "n"))
        var top: Int?
        @Option(help: ArgumentHelp("Exactly these columns, comma-separated (e.g. id,name,test_acc,param.lr).", valueName: "keys"))
        var columns: String?
        @Flag(help: "Hide every column whose value is the same in all rows.")
        var onlyChanged = false
        @Flag(help: "Show every hyperparameter, not only those that differ (JSON always holds them all).")
        var allParams = false
        @Flag(help: "Add test F1 per class.")
        var perClass = false
        @Flag(name: .customLong("children"), help: "Include folds and trials as rows of their own.")
        var includeChildren = false
        @Option(help: ArgumentHelp("table, csv, json or markdown.", valueName: "format"))
        var format: CompareFormat?

        func validate() throws {
            if let top, top < 1 { throw ValidationError("--top must be at least 1") }
            if sortField.isEmpty { throw ValidationError("--sort needs a field name, e.g. --sort test.acc") }
            if let columns, parsedColumns(columns).isEmpty { throw ValidationError("--columns needs at least one column key") }
            if let filter, filter.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("--where needs an expression, e.g. --where \"test.acc > 0.5\"")
            }
            if options.json, let format, format != .json {
                throw ValidationError("--json and --format \(format.rawValue) contradict each other")
            }
            if options.json || format == .json {
                // JSON is a fixed contract (docs/json/compare.schema.json): every field of every run.
                if columns != nil {
                    throw ValidationError("--columns chooses table columns; JSON always holds every field (select with jq)")
                }
                if onlyChanged {
                    throw ValidationError("--only-changed chooses table columns; JSON always holds every field")
                }
            }
        }

        /// `--sort` without its `:asc` / `:desc` suffix.
        var sortField: String {
            let lower = sort.lowercased()
            for suffix in [":asc", ":desc"] where lower.hasSuffix(suffix) { return String(sort.dropLast(suffix.count)) }
            return sort
        }

        /// Descending unless `:asc` is given, or the field is not a score and `:desc` is not.
        var sortDescending: Bool {
            let lower = sort.lowercased()
            if lower.hasSuffix(":asc") { return false }
            if lower.hasSuffix(":desc") { return true }
            let field = sortField.lowercased()
            return field.hasPrefix("test.") || field.hasPrefix("val.") ? !field.hasSuffix(".loss") : false
        }

        func parsedColumns(_ text: String) -> [String] {
            text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }

        func run() throws {
            let store = try reading.store(options)
            let runIDs = try references.resolve(in: store)
            let query = CompareQuery(
                runIDs: runIDs, dataset: dataset, tag: tag, filter: filter, sort: sortField, descending: sortDescending, limit: top,
                includeChildren: includeChildren, perClass: perClass)
            let comparison: RunComparison
            do {
                comparison = try store.compare(query).fillingSettingDefaults()
            } catch let error as StoreError where error.code == .invalidArgument {
                throw CompareError(flag: error.reason.hasPrefix("--sort") ? "ser compare" : "RUN", error.reason)
            }
            let chosen = format ?? (options.json ? .json : .table)
            // JSON holds every column whatever the table would show (docs/json/compare.schema.json).
            let keys = chosen == .json ? CompareTable.everyKey(comparison) : columns.map(parsedColumns)
            let table = try CompareTable.build(comparison, keys: keys, allParams: allParams, onlyChanged: onlyChanged)
            switch chosen {
            case .csv, .json, .markdown:
                // Asked for by name: printed even with --quiet, which silences only the notes.
                print(
                    chosen == .csv
                        ? CompareRenderer.csv(table) : chosen == .json ? CompareRenderer.json(table) : CompareRenderer.markdown(table))
                // Scripts get clean output; the person running them still hears about mixed protocols.
                if !options.quiet {
                    for note in table.notes where note.hasPrefix(CompareTable.mixedProtocolsMark) {
                        Console.error("ser compare: \(note)\n")
                    }
                }
            case .table:
                if options.quiet { return }
                if comparison.rows.isEmpty {
                    print(filter == nil && tag == nil && dataset == nil ? "No runs yet: train one with `ser run`." : "No runs match.")
                    return
                }
                print(CompareRenderer.terminal(table, width: Terminal.width(), color: Terminal.colorEnabled()))
            }
        }
    }
}
