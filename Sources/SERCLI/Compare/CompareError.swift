/// A `ser compare` / `ser diff` request that cannot be answered, naming the flag or argument
/// and the reason.
struct CompareError: Error, CustomStringConvertible {
    let flag: String
    let reason: String

    init(flag: String, _ reason: String) {
        self.flag = flag
        self.reason = reason
    }

    var description: String { "\(flag): \(reason)" }
}
