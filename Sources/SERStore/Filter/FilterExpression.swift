/// The syntax tree of a `--where` expression.
public indirect enum FilterExpression: Sendable, Equatable {
    /// A comparison operator.
    public enum Operator: String, Sendable, Equatable {
        case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    case and(FilterExpression, FilterExpression)
    case or(FilterExpression, FilterExpression)
    case not(FilterExpression)
    /// `field op literal`.
    case compare(field: FilterToken, op: Operator, value: FilterLiteral, valueToken: FilterToken)
    /// `field [not] in (literal, ...)`.
    case member(field: FilterToken, values: [FilterLiteral], valueTokens: [FilterToken], negated: Bool)
    /// `field [not] like 'pattern'` (SQL `LIKE`: `%` any run of characters, `_` one).
    case like(field: FilterToken, pattern: String, patternToken: FilterToken, negated: Bool)
}
