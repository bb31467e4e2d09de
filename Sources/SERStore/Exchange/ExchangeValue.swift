/// One cell of a row copied between `ser.db` and a remote: SQLite's five storage classes.
public enum ExchangeValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    /// Raw bytes (float32 tensors, normalisation statistics).
    case blob([UInt8])
}
