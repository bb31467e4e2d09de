import Testing
@testable import SERStore

@Suite struct FilterCompilerTests {
    let names: Set<String> = ["lr", "optimizer", "layers", "seed"]

    @Test func literalsAndHyperparameterNamesAreBoundNeverSpliced() throws {
        let hostile = "x'; DROP TABLE runs; --"
        let quoted = "'" + hostile.replacingOccurrences(of: "'", with: "''") + "'"
        let fragment = try FilterCompiler.compile("name = \(quoted) or optimizer = \(quoted) or lr < 0.5", hyperparameters: names)
        #expect(!fragment.sql.contains("DROP"))
        #expect(!fragment.sql.contains("optimizer"))
        #expect(fragment.sql.filter { $0 == "?" }.count == fragment.arguments.count)
        #expect(fragment.arguments == [.string(hostile), .string("optimizer"), .string(hostile), .string("lr"), .number(0.5)])
    }

    @Test func unknownFieldsListWhatExistsAndSuggestTheNearest() {
        #expect {
            _ = try FilterCompiler.compile("test.acc > 0.5 and lrr < 0.01", hyperparameters: names)
        } throws: { error in
            guard let error = error as? FilterError else { return false }
            return error.offset == 19 && error.length == 3 && error.reason.contains("did you mean 'lr'")
                && error.reason.contains("test.acc") && error.reason.contains("optimizer")
        }
    }

    @Test func typeMismatchesPointAtTheValue() {
        #expect {
            _ = try FilterCompiler.compile("test.acc > 'high'", hyperparameters: names)
        } throws: { ($0 as? FilterError)?.offset == 11 }
        #expect {
            _ = try FilterCompiler.compile("split = 5", hyperparameters: names)
        } throws: { ($0 as? FilterError)?.reason.contains("quote") == true }
        #expect {
            _ = try FilterCompiler.compile("tag < 'a'", hyperparameters: names)
        } throws: { ($0 as? FilterError)?.reason.contains("tag") == true }
    }

    @Test func runColumnsWinOverHyperparametersUnlessPrefixed() throws {
        let column = try FilterCompiler.compile("seed = 1", hyperparameters: names)
        #expect(column.sql.contains("r.seed") && column.arguments == [.number(1)])
        let parameter = try FilterCompiler.compile("param.seed = 1", hyperparameters: names)
        #expect(parameter.sql.contains("hyperparameters") && parameter.arguments == [.string("seed"), .number(1)])
    }

    /// #16 item 14: a hyperparameter that holds numbers is not compared with a string (the
    /// number's text would sort before every word and match all runs), nor a text one with a
    /// number.
    @Test func hyperparameterComparisonsAreTyped() {
        let numeric: (String) -> Bool? = { ["lr": true, "optimizer": false][$0] }
        #expect {
            _ = try FilterCompiler.compile("lr < 'abc'", hyperparameters: names, isNumeric: numeric)
        } throws: { error in
            guard let error = error as? FilterError else { return false }
            return error.offset == 5 && error.reason.contains("holds numbers")
        }
        #expect {
            _ = try FilterCompiler.compile("optimizer = 3", hyperparameters: names, isNumeric: numeric)
        } throws: { ($0 as? FilterError)?.reason.contains("holds text") == true }
        #expect(throws: Never.self) {
            try FilterCompiler.compile("lr < 0.1 and optimizer = 'adam'", hyperparameters: names, isNumeric: numeric)
        }
    }

    /// #16 item 14: a chain of `or` compiles to one flat list, so SQLite's parser depth does
    /// not grow with the number of terms.
    @Test func orChainsCompileFlat() throws {
        let fragment = try FilterCompiler.compile((0..<200).map { "seed = \($0)" }.joined(separator: " or "), hyperparameters: names)
        #expect(!fragment.sql.contains("(("))  // no nesting: before, 200 terms nested 199 deep
        #expect(fragment.sql.components(separatedBy: " OR ").count == 200)
    }
}
