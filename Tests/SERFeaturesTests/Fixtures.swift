import Foundation
import Testing
import SERCore

/// The librosa reference fixtures written by `scripts/make_feature_fixtures.py`.
struct Fixtures {
    struct Manifest: Decodable {
        var librosa: String
        var cases: [Case]
    }

    struct Case: Decodable {
        var name: String
        var sampleRate: Int
        var samples: Int
        var frames: Int
        var tuning: Double
        var input: Input
        var features: [String: Feature]
    }

    struct Input: Decodable {
        var kind: String
        var file: String?
        var path: String?
        var targetRate: Int?
        var nativeRate: Int?
        var resampledSamples: Int?
        var resampledFingerprint: Fingerprint?
    }

    /// `librosa.load(sr=22050)` of a corpus clip, described without its samples.
    struct Fingerprint: Decodable {
        var sha256: String
        var blockSize: Int
        var blockMeans: [Double]
        var blockRMS: [Double]
    }

    struct Feature: Decodable {
        var file: String
        var dims: Int
        var maxAbs: Double
    }

    enum LoadError: Error, CustomStringConvertible {
        case missing(String)
        var description: String {
            switch self {
            case .missing(let what): "fixture missing: \(what)"
            }
        }
    }

    static let folder: URL? = Bundle.module.url(forResource: "Fixtures", withExtension: nil)

    static func manifest() throws -> Manifest {
        guard let folder else { throw LoadError.missing("Fixtures folder in the test bundle") }
        let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        return try JSONDecoder().decode(Manifest.self, from: data)
    }

    static func floats(_ file: String) throws -> [Float] {
        guard let folder else { throw LoadError.missing(file) }
        let data = try Data(contentsOf: folder.appendingPathComponent(file))
        guard let values = FloatBlob.decode(data) else { throw LoadError.missing("\(file) (size not a multiple of 4)") }
        return values
    }

    /// `../shared/data` next to the package root, or nil when absent (a user's clone).
    static let sharedData: URL? = {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
        return FileManager.default.fileExists(atPath: data.path) ? data : nil
    }()
}

/// Worst disagreement between our column block and librosa's, `[frames, dims]` both.
struct Disagreement: CustomStringConvertible {
    var maxError: Double = 0
    var at: (frame: Int, dim: Int) = (0, 0)

    init(ours: FeatureTensorColumns, reference: [Float]) {
        for t in 0..<ours.frames {
            for d in 0..<ours.count {
                let e = abs(Double(ours.value(t, d)) - Double(reference[t * ours.count + d]))
                if e > maxError || e.isNaN {
                    maxError = e
                    at = (t, d)
                }
            }
        }
    }

    var description: String { "max |ours − librosa| = \(maxError) at frame \(at.frame), dim \(at.dim)" }
}

/// A block of columns of a feature matrix.
struct FeatureTensorColumns {
    var matrix: Matrix
    var start: Int
    var count: Int
    var frames: Int { matrix.rows }
    func value(_ t: Int, _ d: Int) -> Float { matrix[t, start + d] }
}

extension Fixtures.Case: CustomTestStringConvertible {
    /// Cases are named by their fixture name in test output.
    var testDescription: String { name }
}
