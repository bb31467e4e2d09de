/// Splits a `--where` expression into ``FilterToken``s.
///
/// Identifiers are letters, digits, `_`, `.` and `-` (not first); keywords (`and`, `or`,
/// `not`, `in`, `like`) are case-insensitive; strings use single or double quotes with the
/// quote doubled inside; numbers are decimal with an optional exponent and sign.
public enum FilterLexer {
    /// The keywords of the language.
    public static let keywords: Set<String> = ["and", "or", "not", "in", "like"]

    /// Tokenises `expression`; the last token is always `.end`.
    /// - Throws: ``FilterError`` at an unterminated string, a malformed number or a character
    ///   the language does not use (`;`, `*`, ...).
    public static func tokens(_ expression: String) throws -> [FilterToken] {
        let chars = Array(expression)
        var out: [FilterToken] = []
        var i = 0
        func isIdentifierStart(_ c: Character) -> Bool { c.isLetter || c == "_" }
        func isIdentifierBody(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "." || c == "-" }
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace {
                i += 1
                continue
            }
            let start = i
            if c == "'" || c == "\"" {
                var value = ""
                i += 1
                var closed = false
                while i < chars.count {
                    if chars[i] == c {
                        if i + 1 < chars.count && chars[i + 1] == c {
                            value.append(c)
                            i += 2
                            continue
                        }
                        closed = true
                        i += 1
                        break
                    }
                    value.append(chars[i])
                    i += 1
                }
                if !closed {
                    throw FilterError(
                        "unterminated string: add the closing \(c)", offset: start, length: chars.count - start, in: expression)
                }
                out.append(FilterToken(.string(value), offset: start, length: i - start, text: String(chars[start..<i])))
            } else if c.isNumber
                || ((c == "-" || c == "+" || c == ".") && i + 1 < chars.count && (chars[i + 1].isNumber || chars[i + 1] == "."))
            {
                i += 1
                while i < chars.count {
                    let d = chars[i]
                    if d.isNumber || d == "." || d == "_" {
                        i += 1
                    } else if (d == "e" || d == "E") && i + 1 < chars.count
                        && (chars[i + 1].isNumber
                            || ((chars[i + 1] == "-" || chars[i + 1] == "+") && i + 2 < chars.count && chars[i + 2].isNumber))
                    {
                        i += 2
                    } else {
                        break
                    }
                }
                while i < chars.count && (chars[i].isLetter) { i += 1 }
                let text = String(chars[start..<i])
                guard let value = Double(text.replacingOccurrences(of: "_", with: "")), value.isFinite else {
                    throw FilterError("'\(text)' is not a number", offset: start, length: i - start, in: expression)
                }
                out.append(FilterToken(.number(value), offset: start, length: i - start, text: text))
            } else if isIdentifierStart(c) {
                i += 1
                while i < chars.count && isIdentifierBody(chars[i]) { i += 1 }
                let text = String(chars[start..<i])
                let lower = text.lowercased()
                let kind: FilterToken.Kind = keywords.contains(lower) ? .keyword(lower) : .identifier(text)
                out.append(FilterToken(kind, offset: start, length: i - start, text: text))
            } else if c == "(" || c == ")" || c == "," {
                i += 1
                let kind: FilterToken.Kind = c == "(" ? .leftParenthesis : c == ")" ? .rightParenthesis : .comma
                out.append(FilterToken(kind, offset: start, length: 1, text: String(c)))
            } else if c == "=" || c == "<" || c == ">" || c == "!" {
                i += 1
                if i < chars.count && (chars[i] == "=" || (c == "<" && chars[i] == ">")) { i += 1 }
                var op = String(chars[start..<i])
                if op == "==" { op = "=" }
                if op == "<>" { op = "!=" }
                if op == "!" {
                    throw FilterError("'!' alone is not an operator: use != or not", offset: start, length: 1, in: expression)
                }
                out.append(FilterToken(.comparison(op), offset: start, length: i - start, text: String(chars[start..<i])))
            } else {
                throw FilterError("unexpected character '\(c)'", offset: start, length: 1, in: expression)
            }
        }
        out.append(FilterToken(.end, offset: chars.count, length: 1, text: ""))
        return out
    }
}
