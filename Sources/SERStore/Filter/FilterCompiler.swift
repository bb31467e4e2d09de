/// Compiles a ``FilterExpression`` into a SQL condition over the run aliased `r`, with every
/// literal and hyperparameter name as a bound parameter.
///
/// Logic is two-valued: a comparison with a missing value (a run without test metrics, a run
/// without that hyperparameter) is false, so `not` of it is true. `!=` on a hyperparameter
/// means "has it, with another value".
public struct FilterCompiler {
    /// The hyperparameter names present in the database (for resolving and error messages).
    public let hyperparameters: Set<String>
    /// The expression text (for errors).
    public let source: String
    /// Whether a hyperparameter holds numbers in every run that has it (`nil`: unknown, no
    /// type check): comparing such a one with a string, or a text one with a number, is an
    /// error rather than a comparison of the number's text.
    public let isNumeric: (String) -> Bool?

    /// Creates a compiler for `source` knowing these hyperparameter names (and, where given,
    /// their value types).
    public init(source: String, hyperparameters: Set<String>, isNumeric: @escaping (String) -> Bool? = { _ in nil }) {
        self.source = source
        self.hyperparameters = hyperparameters
        self.isNumeric = isNumeric
    }

    /// Parses and compiles `expression`.
    /// - Throws: ``FilterError`` for a syntax error, an unknown field or a type mismatch,
    ///   pointing at the offending token.
    public static func compile(
        _ expression: String, hyperparameters: Set<String>, isNumeric: @escaping (String) -> Bool? = { _ in nil }
    ) throws -> SQLFragment {
        let tree = try FilterParser.parse(expression)
        return try FilterCompiler(source: expression, hyperparameters: hyperparameters, isNumeric: isNumeric).compile(tree)
    }

    /// Compiles a parsed expression. A chain of `or` (or of `and`) becomes one flat SQL list,
    /// `(a OR b OR c …)`, not nested parentheses, so SQLite's parser depth stays constant
    /// however many terms the chain has (``FilterParser/maximumTerms`` bounds their number).
    public func compile(_ expression: FilterExpression) throws -> SQLFragment {
        switch expression {
        case .and, .or:
            let isOr: Bool
            if case .or = expression { isOr = true } else { isOr = false }
            var operands: [FilterExpression] = []
            var pending = [expression]
            while let next = pending.popLast() {
                switch next {
                case .or(let a, let b) where isOr: pending += [b, a]
                case .and(let a, let b) where !isOr: pending += [b, a]
                default: operands.append(next)
                }
            }
            let parts = try operands.map(compile)
            return SQLFragment(
                "(" + parts.map(\.sql).joined(separator: isOr ? " OR " : " AND ") + ")", parts.flatMap(\.arguments))
        case .not(let a):
            let x = try compile(a)
            return SQLFragment("(NOT \(x.sql))", x.arguments)
        case .compare(let field, let op, let value, let valueToken):
            return try comparison(field, op: op, value: value, valueToken: valueToken)
        case .member(let field, let values, let tokens, let negated):
            let inner = try membership(field, values: values, tokens: tokens)
            return negated ? SQLFragment("(NOT \(inner.sql))", inner.arguments) : inner
        case .like(let field, let pattern, let token, let negated):
            let inner = try like(field, pattern: pattern, token: token)
            return negated ? SQLFragment("(NOT \(inner.sql))", inner.arguments) : inner
        }
    }

    private func resolve(_ token: FilterToken) throws -> FilterField {
        guard let field = FilterField.resolve(token.text, hyperparameters: hyperparameters) else {
            throw FilterError(FilterField.unknownFieldReason(token.text, hyperparameters: hyperparameters), at: token, in: source)
        }
        return field
    }

    /// The unquoted text of a hyperparameter's JSON value (arrays and objects as JSON text):
    /// `value_text` (schema 6) for strings, else `value`.
    static let hyperparameterText = "coalesce(h.value_text, h.value)"

    private func hyperparameterExists(_ name: String, _ condition: SQLFragment) -> SQLFragment {
        SQLFragment(
            "EXISTS (SELECT 1 FROM hyperparameters h WHERE h.run_id = r.id AND h.name = ? AND \(condition.sql))",
            [.string(name)] + condition.arguments)
    }

    private func check(_ literal: FilterLiteral, _ token: FilterToken, against type: FilterField.ValueType, field: FilterToken) throws {
        switch (literal, type) {
        case (.string, .number):
            throw FilterError("'\(field.text)' is a number; compare it with a number, not the string \(token.text)", at: token, in: source)
        case (.number, .text):
            throw FilterError("'\(field.text)' is text; quote the value: '\(token.text)'", at: token, in: source)
        default:
            return
        }
    }

    private func comparison(_ fieldToken: FilterToken, op: FilterExpression.Operator, value: FilterLiteral, valueToken: FilterToken) throws
        -> SQLFragment
    {
        switch try resolve(fieldToken) {
        case .column(_, let sql, let type):
            try check(value, valueToken, against: type, field: fieldToken)
            return SQLFragment("coalesce(\(sql) \(op.rawValue) ?, 0)", [value])
        case .tag:
            guard case .string = value else {
                throw FilterError("tags are text; quote the value: '\(valueToken.text)'", at: valueToken, in: source)
            }
            switch op {
            case .equal: return SQLFragment("EXISTS (SELECT 1 FROM run_tags t WHERE t.run_id = r.id AND t.tag = ?)", [value])
            case .notEqual: return SQLFragment("NOT EXISTS (SELECT 1 FROM run_tags t WHERE t.run_id = r.id AND t.tag = ?)", [value])
            default:
                throw FilterError("'tag' supports =, !=, in and like, not \(op.rawValue)", at: fieldToken, in: source)
            }
        case .hyperparameter(let name):
            switch (value, isNumeric(name)) {
            case (.string, true?):
                throw FilterError(
                    "'\(fieldToken.text)' holds numbers; compare it with a number, not the string \(valueToken.text)", at: valueToken,
                    in: source)
            case (.number, false?):
                throw FilterError("'\(fieldToken.text)' holds text; quote the value: '\(valueToken.text)'", at: valueToken, in: source)
            default:
                break
            }
            switch value {
            case .number:
                return hyperparameterExists(name, SQLFragment("h.value_num \(op.rawValue) ?", [value]))
            case .string:
                return hyperparameterExists(name, SQLFragment("\(Self.hyperparameterText) \(op.rawValue) ?", [value]))
            }
        }
    }

    private func placeholders(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ", ") }

    private func membership(_ fieldToken: FilterToken, values: [FilterLiteral], tokens: [FilterToken]) throws -> SQLFragment {
        switch try resolve(fieldToken) {
        case .column(_, let sql, let type):
            for (value, token) in zip(values, tokens) { try check(value, token, against: type, field: fieldToken) }
            return SQLFragment("coalesce(\(sql) IN (\(placeholders(values.count))), 0)", values)
        case .tag:
            for (value, token) in zip(values, tokens) {
                guard case .string = value else {
                    throw FilterError("tags are text; quote the value: '\(token.text)'", at: token, in: source)
                }
            }
            return SQLFragment(
                "EXISTS (SELECT 1 FROM run_tags t WHERE t.run_id = r.id AND t.tag IN (\(placeholders(values.count))))", values)
        case .hyperparameter(let name):
            let numbers = values.filter { if case .number = $0 { return true } else { return false } }
            let strings = values.filter { if case .string = $0 { return true } else { return false } }
            var parts: [SQLFragment] = []
            if !numbers.isEmpty { parts.append(SQLFragment("h.value_num IN (\(placeholders(numbers.count)))", numbers)) }
            if !strings.isEmpty { parts.append(SQLFragment("\(Self.hyperparameterText) IN (\(placeholders(strings.count)))", strings)) }
            let condition = SQLFragment("(" + parts.map(\.sql).joined(separator: " OR ") + ")", parts.flatMap(\.arguments))
            return hyperparameterExists(name, condition)
        }
    }

    private func like(_ fieldToken: FilterToken, pattern: String, token: FilterToken) throws -> SQLFragment {
        switch try resolve(fieldToken) {
        case .column(_, let sql, let type):
            guard type == .text else {
                throw FilterError("'like' matches text, and '\(fieldToken.text)' is a number", at: fieldToken, in: source)
            }
            return SQLFragment("coalesce(\(sql) LIKE ?, 0)", [.string(pattern)])
        case .tag:
            return SQLFragment("EXISTS (SELECT 1 FROM run_tags t WHERE t.run_id = r.id AND t.tag LIKE ?)", [.string(pattern)])
        case .hyperparameter(let name):
            return hyperparameterExists(name, SQLFragment("\(Self.hyperparameterText) LIKE ?", [.string(pattern)]))
        }
    }
}
