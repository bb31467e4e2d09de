/// A dense row-major matrix of `Float`: `rows × columns` values, element `(r, c)` at
/// `values[r * columns + c]`.
///
/// The common currency between modules: a feature tensor is a `Matrix` of shape
/// `[frames, dims]`, a weight is a `Matrix` of shape `[out, in]`.
public struct Matrix: Sendable, Hashable {
    /// Number of rows (e.g. frames).
    public let rows: Int
    /// Number of columns (e.g. feature dimensions).
    public let columns: Int
    /// `rows * columns` values, row-major.
    public var values: [Float]

    /// A matrix filled with `value`.
    public init(rows: Int, columns: Int, repeating value: Float = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix shape must be non-negative")
        self.rows = rows
        self.columns = columns
        self.values = [Float](repeating: value, count: rows * columns)
    }

    /// A matrix over existing row-major values; `nil` if `values.count != rows * columns`.
    public init?(rows: Int, columns: Int, values: [Float]) {
        guard rows >= 0, columns >= 0, values.count == rows * columns else { return nil }
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// The element at row `r`, column `c`.
    @inlinable
    public subscript(r: Int, c: Int) -> Float {
        get { values[r * columns + c] }
        set { values[r * columns + c] = newValue }
    }

    /// Row `r` as an array of `columns` values.
    public func row(_ r: Int) -> [Float] {
        Array(values[(r * columns)..<((r + 1) * columns)])
    }

    /// The transpose, shape `[columns, rows]`.
    public func transposed() -> Matrix {
        var out = Matrix(rows: columns, columns: rows)
        for r in 0..<rows {
            for c in 0..<columns {
                out.values[c * rows + r] = values[r * columns + c]
            }
        }
        return out
    }
}
