import SERCore

/// Weights by name with shape checks.
struct WeightTable {
    private let byName: [String: NamedTensor]

    init(_ tensors: [NamedTensor]) throws(ONNXError) {
        var table: [String: NamedTensor] = [:]
        for t in tensors {
            guard table[t.name] == nil else { throw ONNXError(.weightMismatch, "tensor \(t.name) is given twice") }
            table[t.name] = t
        }
        byName = table
    }

    /// The values of `name`, which must have exactly `shape`.
    func get(_ name: String, _ shape: [Int]) throws(ONNXError) -> [Float] {
        guard let t = byName[name] else { throw ONNXError(.weightMismatch, "tensor \(name) \(shape) is missing") }
        guard t.shape == shape, t.values.count == shape.reduce(1, *) else {
            throw ONNXError(.weightMismatch, "tensor \(name) has shape \(t.shape), expected \(shape)")
        }
        return t.values
    }
}
