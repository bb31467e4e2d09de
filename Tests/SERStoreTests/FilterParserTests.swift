import Testing
@testable import SERStore

@Suite struct FilterParserTests {
    func field(_ expression: FilterExpression) -> String? {
        switch expression {
        case .compare(let f, _, _, _), .member(let f, _, _, _), .like(let f, _, _, _): return f.text
        default: return nil
        }
    }

    @Test func andBindsTighterThanOrAndNotTighterThanAnd() throws {
        let tree = try FilterParser.parse("a = 1 or not b = 2 and c = 3")
        guard case .or(let left, .and(.not(let negated), let right)) = tree else {
            Issue.record("wrong shape: \(tree)")
            return
        }
        #expect(field(left) == "a")
        #expect(field(negated) == "b")
        #expect(field(right) == "c")
    }

    @Test func parenthesesOverridePrecedence() throws {
        let tree = try FilterParser.parse("(a = 1 OR b = 2) AND c = 3")
        guard case .and(.or, _) = tree else {
            Issue.record("wrong shape: \(tree)")
            return
        }
    }

    @Test func literalsOperatorsInAndLike() throws {
        let tree = try FilterParser.parse("lr <= 1e-3 and optimizer in ('adam', \"sgd\") and name not like '%it''s%' and x <> -2")
        guard
            case .and(
                .and(
                    .and(.compare(_, let op1, let v1, _), .member(_, let values, _, let negatedIn)),
                    .like(_, let pattern, _, let negatedLike)), .compare(_, let op2, let v2, _)) = tree
        else {
            Issue.record("wrong shape: \(tree)")
            return
        }
        #expect(op1 == .lessOrEqual && v1 == .number(0.001))
        #expect(values == [.string("adam"), .string("sgd")] && !negatedIn)
        #expect(pattern == "%it's%" && negatedLike)
        #expect(op2 == .notEqual && v2 == .number(-2))
    }

    /// (expression, offset of the caret, words the reason must contain)
    static let malformed: [(String, Int, String)] = [
        ("test.acc > ", 11, "ends here"),
        ("test.acc >> 0.5", 10, "number or a quoted string"),
        ("(split = 'speaker'", 18, "')'"),
        ("split = 'speaker')", 17, "without a matching"),
        ("lr < 0.01; DROP TABLE runs", 9, "unexpected character ';'"),
        ("name = 'x", 7, "unterminated"),
        ("lr 0.01", 3, "expected an operator"),
        ("and lr < 1", 0, "expected a field name"),
        ("lr < 1 lr > 0", 7, "expected 'and', 'or'"),
        ("name like 5", 10, "quoted pattern"),
        ("lr < 1.2.3", 5, "not a number"),
        ("", 0, "empty"),
    ]

    @Test(arguments: malformed)
    func malformedExpressionsPointAtTheOffendingToken(expression: String, offset: Int, reason: String) {
        #expect {
            _ = try FilterParser.parse(expression)
        } throws: { error in
            guard let error = error as? FilterError else { return false }
            return error.offset == offset && error.reason.contains(reason)
        }
    }

    @Test func theErrorShowsTheExpressionWithACaretUnderTheToken() {
        let error = FilterError("bad", offset: 5, length: 3, in: "lr < abc")
        #expect(error.description == "bad\n  lr < abc\n       ^^^")
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let deep = String(repeating: "(", count: 10_000) + "a = 1" + String(repeating: ")", count: 10_000)
        #expect(throws: FilterError.self) { try FilterParser.parse(deep) }
        let nots = String(repeating: "not ", count: 10_000) + "a = 1"
        #expect(throws: FilterError.self) { try FilterParser.parse(nots) }
    }

    /// #16 item 14: the number of conditions and the length are bounded with a clear message,
    /// and the message shows a window of the expression, not all of it.
    @Test func oversizedExpressionsAreRefusedBriefly() {
        let many = (0..<300).map { "seed = \($0)" }.joined(separator: " or ")
        #expect {
            _ = try FilterParser.parse(many)
        } throws: { error in
            guard let error = error as? FilterError else { return false }
            return error.reason.contains("more than 256 conditions") && error.description.count < 400
                && error.description.contains("seed = 256")
        }
        #expect(throws: FilterError.self) { try FilterParser.parse(String(repeating: "a", count: 20_000) + " = 1") }
    }
}
