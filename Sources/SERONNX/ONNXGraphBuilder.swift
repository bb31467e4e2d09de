import Foundation
import SERCore

/// Accumulates the nodes and initializers of one ONNX graph, naming intermediate values.
final class ONNXGraphBuilder {
    private(set) var nodes: [Onnx_NodeProto] = []
    private(set) var initializers: [Onnx_TensorProto] = []
    private var counter = 0

    /// Adds one node; returns its output names (`outputs` given, or fresh names).
    @discardableResult
    func add(_ op: String, _ inputs: [String], _ attributes: [Onnx_AttributeProto] = [], outputs: [String]? = nil, count: Int = 1)
        -> [String]
    {
        var node = Onnx_NodeProto()
        node.opType = op
        node.name = "\(op)_\(nodes.count)"
        node.input = inputs
        node.output = outputs ?? (0..<count).map { _ in fresh(op.lowercased()) }
        node.attribute = attributes
        nodes.append(node)
        return node.output
    }

    /// Adds a single-output node and returns its output name.
    func op(_ op: String, _ inputs: [String], _ attributes: [Onnx_AttributeProto] = [], output: String? = nil) -> String {
        add(op, inputs, attributes, outputs: output.map { [$0] })[0]
    }

    /// Appends `member`'s nodes and initializers with every value and node name prefixed by
    /// `prefix`, except the names in `shared` (graph inputs several members read); the
    /// initializers named in `shared` are left out (the caller declares them once).
    func absorb(_ member: ONNXGraphBuilder, prefix: String, shared: Set<String>) {
        func renamed(_ name: String) -> String { name.isEmpty || shared.contains(name) ? name : prefix + name }
        for var node in member.nodes {
            node.name = prefix + node.name
            node.input = node.input.map(renamed)
            node.output = node.output.map(renamed)
            nodes.append(node)
        }
        for var tensor in member.initializers where !shared.contains(tensor.name) {
            tensor.name = prefix + tensor.name
            initializers.append(tensor)
        }
    }

    /// A new value name `hint_N`.
    func fresh(_ hint: String) -> String {
        counter += 1
        return "\(hint)_\(counter)"
    }

    /// Adds a float32 initializer (`raw_data`, little-endian) and returns its name.
    @discardableResult
    func floats(_ name: String, _ dims: [Int], _ values: [Float]) -> String {
        var t = Onnx_TensorProto()
        t.name = name
        t.dims = dims.map { Int64($0) }
        t.dataType = Int32(Onnx_TensorProto.DataType.float.rawValue)
        t.rawData = Data(FloatBlob.encode(values))
        initializers.append(t)
        return name
    }

    /// Adds an int64 initializer and returns its name (`dims` empty for a scalar).
    @discardableResult
    func int64s(_ name: String, _ dims: [Int], _ values: [Int64]) -> String {
        var t = Onnx_TensorProto()
        t.name = name
        t.dims = dims.map { Int64($0) }
        t.dataType = Int32(Onnx_TensorProto.DataType.int64.rawValue)
        t.int64Data = values
        initializers.append(t)
        return name
    }

    /// Adds an int32 initializer and returns its name.
    @discardableResult
    func int32s(_ name: String, _ dims: [Int], _ values: [Int32]) -> String {
        var t = Onnx_TensorProto()
        t.name = name
        t.dims = dims.map { Int64($0) }
        t.dataType = Int32(Onnx_TensorProto.DataType.int32.rawValue)
        t.int32Data = values
        initializers.append(t)
        return name
    }

    /// An `INT` attribute.
    static func int(_ name: String, _ value: Int) -> Onnx_AttributeProto {
        var a = Onnx_AttributeProto()
        a.name = name
        a.type = .int
        a.i = Int64(value)
        return a
    }

    /// An `INTS` attribute.
    static func ints(_ name: String, _ values: [Int]) -> Onnx_AttributeProto {
        var a = Onnx_AttributeProto()
        a.name = name
        a.type = .ints
        a.ints = values.map { Int64($0) }
        return a
    }

    /// A `STRING` attribute (UTF-8).
    static func string(_ name: String, _ value: String) -> Onnx_AttributeProto {
        var a = Onnx_AttributeProto()
        a.name = name
        a.type = .string
        a.s = Data(value.utf8)
        return a
    }

    /// A graph input/output description: element type and dimensions (a number, or a
    /// symbolic name such as `batch`).
    static func valueInfo(_ name: String, elementType: Onnx_TensorProto.DataType, dims: [Dimension], doc: String) -> Onnx_ValueInfoProto {
        var shape = Onnx_TensorShapeProto()
        shape.dim = dims.map { d in
            var dimension = Onnx_TensorShapeProto.Dimension()
            switch d {
            case .fixed(let n): dimension.dimValue = Int64(n)
            case .symbolic(let s): dimension.dimParam = s
            }
            return dimension
        }
        var tensor = Onnx_TypeProto.Tensor()
        tensor.elemType = Int32(elementType.rawValue)
        tensor.shape = shape
        var type = Onnx_TypeProto()
        type.tensorType = tensor
        var info = Onnx_ValueInfoProto()
        info.name = name
        info.type = type
        info.docString = doc
        return info
    }

    /// One dimension of a graph input or output.
    enum Dimension {
        case fixed(Int)
        case symbolic(String)
    }
}
