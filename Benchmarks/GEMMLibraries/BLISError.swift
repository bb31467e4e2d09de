/// libblis.so.4 could not be loaded, and why (dlerror's message).
public struct BLISError: Error, CustomStringConvertible {
    public let reason: String
    public var description: String { "BLIS: \(reason)" }
}
