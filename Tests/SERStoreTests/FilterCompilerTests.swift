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
}
