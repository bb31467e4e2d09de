public import SERCore

/// The features of one clip: a time-major matrix and the name of every column.
public struct FeatureTensor: Sendable, Equatable {
    /// `[frames, dims]` row-major: row `t` is the frame centred on sample `t · hopLength`
    /// (time `t · hopLength / sampleRate` seconds).
    public var matrix: Matrix
    /// Column names, `dims` of them (``FeatureConfig/featureNames``).
    public var names: [String]
    /// The tuning used for chroma, fractions of a chroma bin (estimated per clip unless the
    /// configuration fixes it); `nil` when chroma is off.
    public var tuning: Double?

    /// Number of frames (rows).
    public var frames: Int { matrix.rows }
    /// Number of feature dimensions (columns).
    public var dims: Int { matrix.columns }

    /// Wraps a `[frames, dims]` matrix with its `dims` column names.
    public init(matrix: Matrix, names: [String], tuning: Double?) {
        self.matrix = matrix
        self.names = names
        self.tuning = tuning
    }
}
