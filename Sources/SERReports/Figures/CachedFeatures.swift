import Foundation
public import SERCore
public import SERStore

/// A clip's cached feature tensor restricted to one family of dimensions (MFCC, chroma,
/// mel bands), as `[dims, frames]` for drawing, with the time scale of its recipe.
public struct CachedFeatures {
    /// Which dimensions to take: those whose names start with one of these prefixes.
    public enum Family: String {
        case mfcc, chroma, mel, contrast

        public var prefixes: [String] {
            switch self {
            case .mfcc: ["mfcc"]
            case .chroma: ["chroma"]
            case .mel: ["mel", "melspec", "log_mel"]
            case .contrast: ["contrast", "spectral_contrast"]
            }
        }

        public func matches(_ name: String) -> Bool {
            let lower = name.lowercased()
            return prefixes.contains { lower.hasPrefix($0) } && !(self == .mel && lower.hasPrefix("melody"))
        }
    }

    /// `[dims, frames]`.
    public var matrix: Matrix
    public var names: [String]
    public var config: FeatureConfigInfo
    /// Seconds between frames, if the recipe says (hop / sample rate).
    public var secondsPerFrame: Double?

    /// The newest recipe with dimensions of `family` that has a tensor for the clip.
    ///
    /// - Throws: ``ReportError`` `.noData` naming the clip when none is cached.
    public static func load(_ family: Family, clip: ClipInfo, store: Store) throws -> CachedFeatures {
        for config in try store.featureConfigs().reversed() {
            let columns = config.featureNames.indices.filter { family.matches(config.featureNames[$0]) }
            guard !columns.isEmpty, let tensor = try store.loadFeatures(configID: config.id, clipIDs: [clip.id])[clip.id] else { continue }
            var matrix = Matrix(rows: columns.count, columns: tensor.rows)
            for (d, column) in columns.enumerated() where column < tensor.columns {
                for f in 0..<tensor.rows { matrix[d, f] = tensor[f, column] }
            }
            return CachedFeatures(
                matrix: matrix, names: columns.map { config.featureNames[$0] }, config: config,
                secondsPerFrame: secondsPerFrame(config.params))
        }
        throw ReportError(
            .noData, "clip \(clip.id)", "has no cached \(family.rawValue) features (compute them with `ser features` first)")
    }

    /// The sample rate (Hz) a recipe's JSON names (`sample_rate`, `sr`, `sampleRate`).
    public static func sampleRate(_ params: String) -> Double? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(params.utf8)) as? [String: Any] else { return nil }
        for key in ["sample_rate", "sr", "sampleRate", "target_sample_rate"] {
            if let v = object[key] as? NSNumber, v.doubleValue > 0 { return v.doubleValue }
        }
        return nil
    }

    /// hop / sample rate from a recipe's JSON (`hop_length`/`hop`, `sample_rate`/`sr`).
    public static func secondsPerFrame(_ params: String) -> Double? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(params.utf8)) as? [String: Any] else { return nil }
        func number(_ keys: [String]) -> Double? {
            for key in keys { if let v = object[key] as? NSNumber { return v.doubleValue } }
            return nil
        }
        guard let hop = number(["hop_length", "hop", "hopLength"]),
            let rate = number(["sample_rate", "sr", "sampleRate", "target_sample_rate"]),
            hop > 0, rate > 0
        else { return nil }
        return hop / rate
    }
}
