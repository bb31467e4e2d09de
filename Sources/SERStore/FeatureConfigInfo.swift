/// A feature recipe as the plots need it: a row of `feature_configs`.
public struct FeatureConfigInfo: Sendable, Codable, Equatable {
    public var id: Int64
    public var name: String
    public var hash: String
    /// JSON object text of every parameter (sample rate, n_fft, hop, …).
    public var params: String
    public var dims: Int
    /// One name per dimension (e.g. `mfcc_0`, `chroma_C`).
    public var featureNames: [String]

    public init(id: Int64, name: String, hash: String, params: String, dims: Int, featureNames: [String]) {
        self.id = id
        self.name = name
        self.hash = hash
        self.params = params
        self.dims = dims
        self.featureNames = featureNames
    }
}
