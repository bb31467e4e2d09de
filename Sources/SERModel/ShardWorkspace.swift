/// Everything one worker thread needs to run forward and backward on its share of a batch:
/// the packed input, every layer's activations and gradients, and its own gradient vector.
/// Sized once for `capacity` rows and `maxSteps` frames; nothing is allocated per batch
/// except the small per-row bookkeeping arrays (reserved up front).
final class ShardWorkspace: @unchecked Sendable {
    let capacity: Int
    let maxSteps: Int

    // Per-batch bookkeeping.
    /// Rows in this shard's current batch.
    var rows = 0
    /// Time steps of this batch `T` (longest clip in masked mode, `maxFrames` when padded).
    var steps = 0
    /// Effective length of each row, non-increasing.
    var lengths: [Int] = []
    /// `active[t]` = rows whose length exceeds `t` (a prefix, as rows are sorted).
    var active: [Int] = []
    /// `offsets[t]` = `Σ_{u<t} active[u]`: where step `t` starts in the packed time-major
    /// buffers (`steps + 1` values; the last is the total row count). Padding frames of masked
    /// clips take no rows at all; in padded mode `offsets[t] = t·b`.
    var offsets: [Int] = []
    /// `offsets[steps]`: rows in the packed buffers.
    var packedRows: Int { offsets.last ?? 0 }
    /// Class label of each row (−1 when unknown, at inference).
    var labels: [Int] = []
    /// Soft targets `[rows, classCount]` of a distilling batch (``SequenceDataset/targets``),
    /// empty otherwise.
    var targets: [Float] = []
    /// Mixup of this batch: row `r`'s input and target are `mixWeight` of its own and
    /// `1 − mixWeight` of row `mixPartners[r]`'s. Empty (and weight 1) = no mixing.
    var mixPartners: [Int] = []
    var mixWeight: Float = 1

    /// Packed input `[rows, D]`.
    let input: FloatBuffer
    /// One time step's input rows `[capacity, D]`, scratch for mixing in place.
    let mixScratch: FloatBuffer
    /// Each convolution's input windows, packed `[rows, k·Din]` (frame `t`'s row holds frames
    /// `t − k/2 … t + k/2` of its clip, zeros outside it); the backward pass reuses the buffer
    /// for the windows' gradient once the kernel's gradient is taken.
    let convWindows: [FloatBuffer]
    /// Convolution outputs after the activation, packed `[rows, C_j]`, and their gradients.
    let convOutputs: [FloatBuffer]
    let convGrads: [FloatBuffer]
    /// A transposed convolution kernel `[C, k·Din]` (the largest), scratch for the backward pass.
    let convScratch: FloatBuffer
    /// Layer outputs in real time order, packed `[rows, F_l]`, and their gradients.
    let outputs: [FloatBuffer]
    let outputGrads: [FloatBuffer]
    /// `[layer][direction]`.
    let directions: [[DirectionWorkspace]]
    /// Attention weights, packed `[rows]` (attention pooling only).
    let attention: FloatBuffer
    /// Pooled vector `[b, F]` and its gradient.
    let pooled: FloatBuffer
    let pooledGrad: FloatBuffer
    /// Dropout mask on the pooled vector `[b, F]` (scaled by `1/(1-p)`).
    let dropoutMask: FloatBuffer
    /// Dense activations: `denseIn[0]` is the (dropped-out) pooled vector, `denseIn[j+1]` the
    /// output of dense layer `j`; the last is the logits `[b, C]`. Gradients alike.
    let dense: [FloatBuffer]
    let denseGrads: [FloatBuffer]
    /// Softmax probabilities `[b, C]`.
    let probabilities: FloatBuffer
    /// This shard's gradient of the batch loss, laid out like the parameters.
    let gradient: FloatBuffer
    /// Σ over rows of weight·loss (not yet divided by the batch size) and correct predictions.
    var lossSum: Double = 0
    /// Whether `lossSum` applies the class weights (training) or not (evaluation).
    var weighted = true
    var correct = 0

    init(config: ModelConfig, layout: ParameterLayout, capacity: Int) {
        self.capacity = capacity
        maxSteps = config.maxFrames
        lengths.reserveCapacity(capacity)
        active.reserveCapacity(maxSteps)
        offsets.reserveCapacity(maxSteps + 1)
        labels.reserveCapacity(capacity)
        mixPartners.reserveCapacity(capacity)
        let rows = capacity * maxSteps
        input = FloatBuffer(count: rows * config.inputDims)
        mixScratch = FloatBuffer(count: config.mixup > 0 ? capacity * config.inputDims : 1)
        convWindows = layout.convolutions.map { FloatBuffer(count: rows * $0.windowSize) }
        convOutputs = layout.convolutions.map { FloatBuffer(count: rows * $0.channels) }
        convGrads = layout.convolutions.map { FloatBuffer(count: rows * $0.channels) }
        convScratch = FloatBuffer(count: layout.convolutions.map { $0.windowSize * $0.channels }.max() ?? 1)
        outputs = config.lstmUnits.indices.map { FloatBuffer(count: rows * config.outputWidth(ofLayer: $0)) }
        outputGrads = config.lstmUnits.indices.map { FloatBuffer(count: rows * config.outputWidth(ofLayer: $0)) }
        directions = layout.lstm.map { layer in
            layer.enumerated().map { d, p in
                DirectionWorkspace(
                    maxSteps: config.maxFrames, capacity: capacity, inputSize: p.inputSize, hidden: p.hidden,
                    recurrentDropout: config.recurrentDropout > 0, reversed: d == 1)
            }
        }
        attention = FloatBuffer(count: rows)
        let width = config.pooledWidth
        pooled = FloatBuffer(count: capacity * width)
        pooledGrad = FloatBuffer(count: capacity * width)
        dropoutMask = FloatBuffer(count: capacity * width)
        var widths = [width]
        widths += layout.dense.map(\.outputSize)
        dense = widths.map { FloatBuffer(count: capacity * $0) }
        denseGrads = widths.map { FloatBuffer(count: capacity * $0) }
        probabilities = FloatBuffer(count: capacity * config.classCount)
        gradient = FloatBuffer(count: layout.count)
    }
}
