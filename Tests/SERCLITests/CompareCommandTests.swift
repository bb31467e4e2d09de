import Foundation
import GRDB
import SERTestSupport
import Testing
@testable import SERCLI
@testable import SERWorkbench
@testable import SERReports
import SERStore

/// `ser compare` as a user runs it: the built binary on a fixture database (see
/// `CompareFixture`: runs of both split protocols, a k-fold parent, a sweep, a failed run).
@Suite struct CompareCommandTests {
    func ser(_ fixture: CompareFixture, _ arguments: [String], environment: [String: String] = ["NO_COLOR": "1"]) throws
        -> SERProcess.Result
    {
        try SERProcess.run(arguments + ["--db", fixture.path], environment: environment)
    }

    func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    }

    @Test func csvHasStableKeysStdColumnsAndRunsBestFirst() throws {
        let fixture = try CompareFixture()
        let result = try ser(fixture, ["compare", "--format", "csv", "--columns", "id,name,split,test_acc"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            lines(result.stdout) == [
                "id,name,split,test_acc,test_acc_std",
                "2,rnd-a,random,0.8,", "1,spk-a,speaker,0.7,", "4,kf,kfold:3,0.65,0.05", "3,spk-b,speaker,0.6,", "8,sw,speaker,0.55,0.1",
                "11,broken,speaker,,",
            ])
        #expect(result.stderr.contains("different split protocols (k-fold, random, speaker)"))
        let speakerOnly = try ser(fixture, ["compare", "--format", "csv", "--where", "split = 'speaker'"])
        #expect(speakerOnly.status == 0 && speakerOnly.stderr.isEmpty && lines(speakerOnly.stdout).count == 5)
    }

    @Test func jsonIsAnArrayOfObjectsWithTypedValues() throws {
        let fixture = try CompareFixture()
        let result = try ser(fixture, ["compare", "--json", "--all-params"])
        #expect(result.status == 0, "\(result.stderr)")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 6)
        #expect(array[0]["id"] as? Int == 2 && array[0]["test_acc"] as? Double == 0.8)
        let params = try #require(array[0]["params"] as? [String: Any])
        #expect(params["layers"] as? [Int] == [128, 64])
        #expect(params["optimizer"] as? String == "adam")
        #expect(array[0]["tags"] as? [String] != nil && (array[0]["class_f1"] as? [String: Any])?.isEmpty == true)
        let kfold = try #require(array.first { $0["name"] as? String == "kf" })
        #expect(kfold["test_acc_std"] as? Double == 0.05 && kfold["kind"] as? String == "kfold")
        #expect(array[5]["test_acc"] is NSNull)
    }

    @Test func markdownTableRightAlignsNumbers() throws {
        let fixture = try CompareFixture()
        let result = try ser(fixture, ["compare", "1", "3", "--format", "markdown", "--columns", "id,name,test_acc,lr"])
        #expect(
            lines(result.stdout) == [
                "| id | name | test_acc | param.lr |", "| ---: | --- | ---: | --- |", "| 1 | spk-a | 0.700 | 0.001 |",
                "| 3 | spk-b | 0.600 | 0.0005 |",
            ])
    }

    @Test func onlyDifferingHyperparametersByDefaultAndOnlyChangedHidesConstantColumns() throws {
        let fixture = try CompareFixture()
        let header = { (arguments: [String]) throws -> [String] in
            let result = try self.ser(fixture, ["compare", "--format", "csv"] + arguments)
            #expect(result.status == 0, "\(result.stderr)")
            return self.lines(result.stdout).first.map { $0.split(separator: ",").map(String.init) } ?? []
        }
        let differing = try header(["1", "2"])
        #expect(differing.contains("param.lr") && !differing.contains("param.optimizer") && !differing.contains("param.layers"))
        #expect(try header(["1", "2", "--all-params"]).contains("param.optimizer"))
        let changed = try header(["1", "3", "--only-changed"])
        #expect(
            !changed.contains("split") && !changed.contains("kind") && !changed.contains("status") && changed.contains("param.optimizer"))
        #expect(
            changed.prefix(4) == ["id", "name", "dataset", "version"] && changed.contains("param.lr") && !changed.contains("param.layers"))
    }

    @Test func tableCSVAndMarkdownListTheSameParametersOnlyThoseThatDifferUnlessAsked() throws {
        let fixture = try CompareFixture()
        func header(_ format: String, _ arguments: [String]) throws -> [String] {
            let result = try self.ser(
                fixture, ["compare", "1", "2", "--format", format] + arguments, environment: ["NO_COLOR": "1", "COLUMNS": "400"])
            #expect(result.status == 0, "\(result.stderr)")
            let first = lines(result.stdout).first ?? ""
            switch format {
            case "csv": return first.split(separator: ",").map(String.init)
            case "markdown": return first.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            default: return first.split(separator: " ").map(String.init)
            }
        }
        for all in [false, true] {
            let extra = all ? ["--all-params"] : []
            let csv = try header("csv", extra), markdown = try header("markdown", extra), table = try header("table", extra)
            // The same columns in CSV and Markdown (CSV adds the *_std companions).
            #expect(csv.filter { !$0.hasSuffix("_std") } == markdown)
            #expect(
                markdown.contains("param.lr") && markdown.contains("param.optimizer") == all && markdown.contains("param.layers") == all)
            #expect(table.contains("lr") && table.contains("optimizer") == all)
        }
    }

    @Test func jsonHoldsEveryFieldWhateverTheTableShowsAndRefusesTableChoices() throws {
        let fixture = try CompareFixture()
        let result = try ser(fixture, ["compare", "1", "2", "--json"])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let params = try #require(array.first?["params"] as? [String: Any])
        #expect(params["optimizer"] as? String == "adam" && params["lr"] != nil)  // constant or not
        #expect(array.allSatisfy { $0["val_uar_std"] != nil && $0["epochs"] != nil })
        for choice in [["--columns", "id"], ["--only-changed"]] {
            let refused = try ser(fixture, ["compare", "--json"] + choice)
            #expect(refused.status == 64 && refused.stderr.contains("JSON always holds every field"), "\(refused.stderr)")
        }
    }

    @Test func sortTopWhereAndPerClass() throws {
        let fixture = try CompareFixture()
        let sorted = try ser(fixture, ["compare", "--children", "--sort", "lr:asc", "--top", "3", "--format", "csv", "--columns", "id"])
        #expect(lines(sorted.stdout) == ["id", "2", "3", "10"])
        let filtered = try ser(
            fixture,
            [
                "compare", "--children", "--where", "lr <= 0.001 and split = 'speaker' and test.acc > 0.5", "--format", "csv", "--columns",
                "name",
            ])
        #expect(lines(filtered.stdout) == ["name", "spk-a", "sw-2", "spk-b"])
        let classes = try ser(fixture, ["compare", "1", "--per-class", "--format", "csv", "--columns", "id,class_f1.happy,class_f1.sad"])
        #expect(lines(classes.stdout) == ["id,class_f1.happy,class_f1.sad", "1,0.7,0.5"])
    }

    @Test func pipedTableIsPlainMarksMixedSplitsAndFitsTheWidth() throws {
        let fixture = try CompareFixture()
        let wide = try ser(fixture, ["compare"], environment: [:])
        #expect(wide.status == 0, "\(wide.stderr)")
        #expect(!wide.stdout.contains("\u{1B}["))
        #expect(lines(wide.stdout)[0].contains("split(!)"))
        #expect(wide.stdout.contains("different split protocols (k-fold, random, speaker)"))
        let narrow = try ser(fixture, ["compare"], environment: ["COLUMNS": "60", "NO_COLOR": "1"])
        let table = lines(narrow.stdout).prefix(7)
        #expect(table.allSatisfy { $0.count <= 60 }, "\(table)")
        #expect(table[0].hasPrefix("id  name") && table[0].contains("test acc"))
        #expect(narrow.stdout.contains("hidden to fit 60 columns"))
    }

    @Test func theBestScoreIsHighlightedOnlyWithColour() throws {
        let fixture = try CompareFixture()
        let comparison = try fixture.store.compare(CompareQuery(runIDs: [1, 2, 3]))
        let table = try CompareTable.build(comparison, keys: ["id", "test_acc"], allParams: false, onlyChanged: false)
        let coloured = CompareRenderer.terminal(table, width: nil, color: true)
        #expect(coloured.contains("\u{1B}[1;32m   0.800\u{1B}[0m"))
        #expect(coloured.components(separatedBy: "\u{1B}[1;32m").count == 2)
        #expect(!CompareRenderer.terminal(table, width: nil, color: false).contains("\u{1B}"))
        #expect(!Terminal.colorEnabled(environment: ["NO_COLOR": ""]))
        #expect(Terminal.width(environment: ["COLUMNS": "123"]) == 123)
    }

    @Test func aMalformedWhereShowsTheExpressionWithACaretUnderTheToken() throws {
        let fixture = try CompareFixture()
        let result = try ser(fixture, ["compare", "--where", "test.acc > 0.5 and lrr < 0.01"])
        #expect(result.status != 0)
        let errorLines = lines(result.stderr)
        let expressionLine = try #require(errorLines.firstIndex { $0.hasSuffix("test.acc > 0.5 and lrr < 0.01") })
        let caret = try #require(errorLines.dropFirst(expressionLine + 1).first)
        let expressionStart = try #require(errorLines[expressionLine].range(of: "test.acc"))
        let column = errorLines[expressionLine].distance(from: errorLines[expressionLine].startIndex, to: expressionStart.lowerBound) + 19
        #expect(caret == String(repeating: " ", count: column) + "^^^")
        #expect(result.stderr.contains("unknown field 'lrr'") && result.stderr.contains("did you mean 'lr'"))
        #expect(result.stdout.isEmpty)
    }

    @Test func anInjectionAttemptIsRefusedAndTheFileIsUntouched() throws {
        let fixture = try CompareFixture()
        // Raw bytes cannot be compared across processes here: a `ser` process that is the
        // last to close checkpoints the WAL into the main file (same content, new bytes), and
        // GRDB's pool setup creates and drops a table when the WAL is empty. So compare the
        // schema and every table's rows (the in-process test in SERStoreTests compares bytes).
        func content() throws -> [String] {
            try fixture.store.read { db in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                var out = try String.fetchAll(
                    db, sql: "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master ORDER BY name")
                for table in tables {
                    let rows = try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"")
                    out.append("\(table): \(rows.count) rows, \(rows.map(\.description).joined(separator: ";").hashValue)")
                }
                return out
            }
        }
        let before = try content()
        #expect(before.contains { $0.hasPrefix("runs: 11 rows") })
        let tables = try fixture.store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
        for hostile in ["x'; DROP TABLE runs; --", "name = 'x'; DROP TABLE runs; --"] {
            let result = try ser(fixture, ["compare", "--where", hostile])
            #expect(result.status != 0)
            #expect(result.stderr.contains("--where"))
        }
        let inert = try ser(fixture, ["compare", "--format", "csv", "--where", "name = 'x''; DROP TABLE runs; --'"])
        #expect(inert.status == 0 && lines(inert.stdout).count == 1)
        #expect(try content() == before)
        #expect(try fixture.store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") } == tables)
        #expect(try fixture.store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM runs") } == 11)
    }

    @Test func badFlagsAreRefusedNamingTheFlag() throws {
        let fixture = try CompareFixture()
        #expect(try ser(fixture, ["compare", "--top", "0"]).stderr.contains("--top must be at least 1"))
        let columns = try ser(fixture, ["compare", "--columns", "id,bogus"])
        #expect(columns.status != 0 && columns.stderr.contains("--columns: unknown column 'bogus'") && columns.stderr.contains("test_acc"))
        let sort = try ser(fixture, ["compare", "--sort", "accuracy"])
        #expect(sort.status != 0 && sort.stderr.contains("--sort: unknown field 'accuracy'"))
        let missing = try ser(fixture, ["compare", "1", "99"])
        #expect(missing.status != 0 && missing.stderr.contains("no run 99"))
        #expect(try ser(fixture, ["compare", "--format", "xml"]).stderr.contains("--format"))
    }
}
