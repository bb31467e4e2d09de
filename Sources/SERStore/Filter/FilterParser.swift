/// Parses a `--where` expression into a ``FilterExpression`` (recursive descent).
///
/// Grammar (keywords case-insensitive; `not` binds tighter than `and`, `and` than `or`):
/// ```
/// expression  := disjunction END
/// disjunction := conjunction ( "or" conjunction )*
/// conjunction := negation ( "and" negation )*
/// negation    := "not" negation | primary
/// primary     := "(" disjunction ")" | predicate
/// predicate   := FIELD ( OP literal
///                      | [ "not" ] "in" "(" literal ( "," literal )* ")"
///                      | [ "not" ] "like" STRING )
/// OP          := "=" | "==" | "!=" | "<>" | "<" | "<=" | ">" | ">="
/// literal     := NUMBER | STRING
/// FIELD       := letter ( letter | digit | "_" | "." | "-" )*
/// ```
public struct FilterParser {
    /// Deepest nesting of parentheses / `not` accepted (keeps the recursion bounded).
    public static let maximumDepth = 64
    /// Most conditions (predicates) one expression may hold: enough for any filter a person
    /// writes or a script generates from a list (`in (…)` holds a list in one condition),
    /// and a bound on the SQL it compiles to.
    public static let maximumTerms = 256
    /// Longest expression accepted, in characters.
    public static let maximumLength = 16_384

    private var terms = 0

    private let expression: String
    private let tokens: [FilterToken]
    private var position = 0
    private var depth = 0

    private init(_ expression: String, tokens: [FilterToken]) {
        self.expression = expression
        self.tokens = tokens
    }

    /// Parses `expression`.
    /// - Throws: ``FilterError`` pointing at the first token that does not fit the grammar.
    public static func parse(_ expression: String) throws -> FilterExpression {
        if expression.count > maximumLength {
            throw FilterError(
                "the expression is \(expression.count) characters long; at most \(maximumLength) are accepted (use 'in (…)' for lists)",
                offset: maximumLength, length: 1, in: String(expression.prefix(maximumLength + 1)))
        }
        let tokens = try FilterLexer.tokens(expression)
        var parser = FilterParser(expression, tokens: tokens)
        if case .end = tokens[0].kind {
            throw FilterError("the expression is empty: write e.g. test.acc > 0.5", at: tokens[0], in: expression)
        }
        let tree = try parser.disjunction()
        let rest = parser.current
        if case .end = rest.kind { return tree }
        if case .rightParenthesis = rest.kind {
            throw FilterError("')' without a matching '('", at: rest, in: expression)
        }
        throw FilterError("expected 'and', 'or' or the end, found '\(rest.text)'", at: rest, in: expression)
    }

    private var current: FilterToken { tokens[min(position, tokens.count - 1)] }

    private mutating func advance() -> FilterToken {
        let token = current
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private func isKeyword(_ word: String, _ token: FilterToken) -> Bool {
        if case .keyword(let k) = token.kind { return k == word }
        return false
    }

    private func fail(_ reason: String, _ token: FilterToken) -> FilterError {
        if case .end = token.kind { return FilterError("\(reason), but the expression ends here", at: token, in: expression) }
        return FilterError("\(reason), found '\(token.text)'", at: token, in: expression)
    }

    private mutating func disjunction() throws -> FilterExpression {
        var left = try conjunction()
        while isKeyword("or", current) {
            _ = advance()
            left = .or(left, try conjunction())
        }
        return left
    }

    private mutating func conjunction() throws -> FilterExpression {
        var left = try negation()
        while isKeyword("and", current) {
            _ = advance()
            left = .and(left, try negation())
        }
        return left
    }

    private mutating func negation() throws -> FilterExpression {
        if isKeyword("not", current) {
            let token = advance()
            depth += 1
            defer { depth -= 1 }
            if depth > Self.maximumDepth {
                throw FilterError("nested too deeply (more than \(Self.maximumDepth) levels)", at: token, in: expression)
            }
            return .not(try negation())
        }
        return try primary()
    }

    private mutating func primary() throws -> FilterExpression {
        let token = current
        switch token.kind {
        case .leftParenthesis:
            _ = advance()
            depth += 1
            defer { depth -= 1 }
            if depth > Self.maximumDepth {
                throw FilterError("nested too deeply (more than \(Self.maximumDepth) levels)", at: token, in: expression)
            }
            let inner = try disjunction()
            guard case .rightParenthesis = current.kind else {
                throw fail("expected ')' to close the '(' at column \(token.offset + 1)", current)
            }
            _ = advance()
            return inner
        case .identifier:
            return try predicate()
        default:
            throw fail("expected a field name (e.g. test.acc, lr, split) or '('", token)
        }
    }

    private mutating func predicate() throws -> FilterExpression {
        let field = advance()
        terms += 1
        if terms > Self.maximumTerms {
            throw FilterError(
                "more than \(Self.maximumTerms) conditions; combine values with 'in (…)' (e.g. lr in (0.001, 0.0003))", at: field,
                in: expression)
        }
        var negated = false
        if isKeyword("not", current) {
            _ = advance()
            negated = true
            guard isKeyword("in", current) || isKeyword("like", current) else {
                throw fail("expected 'in' or 'like' after '\(field.text) not'", current)
            }
        }
        let token = current
        switch token.kind {
        case .comparison(let symbol):
            _ = advance()
            guard let op = FilterExpression.Operator(rawValue: symbol) else { throw fail("unknown operator", token) }
            let (value, valueToken) = try literal()
            return .compare(field: field, op: op, value: value, valueToken: valueToken)
        case .keyword("in"):
            _ = advance()
            guard case .leftParenthesis = current.kind else { throw fail("expected '(' after 'in'", current) }
            _ = advance()
            var values: [FilterLiteral] = []
            var valueTokens: [FilterToken] = []
            while true {
                let (value, valueToken) = try literal()
                values.append(value)
                valueTokens.append(valueToken)
                if case .comma = current.kind {
                    _ = advance()
                    continue
                }
                guard case .rightParenthesis = current.kind else { throw fail("expected ',' or ')' in the 'in' list", current) }
                _ = advance()
                break
            }
            return .member(field: field, values: values, valueTokens: valueTokens, negated: negated)
        case .keyword("like"):
            _ = advance()
            let patternToken = current
            guard case .string(let pattern) = patternToken.kind else {
                throw fail("expected a quoted pattern after 'like' (e.g. '%lstm%')", patternToken)
            }
            _ = advance()
            return .like(field: field, pattern: pattern, patternToken: patternToken, negated: negated)
        default:
            throw fail("expected an operator (= != < <= > >= in like) after '\(field.text)'", token)
        }
    }

    private mutating func literal() throws -> (FilterLiteral, FilterToken) {
        let token = current
        switch token.kind {
        case .number(let x):
            _ = advance()
            return (.number(x), token)
        case .string(let s):
            _ = advance()
            return (.string(s), token)
        case .identifier(let name):
            throw FilterError(
                "expected a number or a quoted string, found the bare word '\(name)': write '\(name)'", at: token, in: expression)
        default:
            throw fail("expected a number or a quoted string", token)
        }
    }
}
