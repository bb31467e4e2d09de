import Foundation
import Testing
@testable import SERFeatures

@Suite struct FeatureConfigTests {
    /// Written out by hand (keys in byte order) and hashed with Python's hashlib, not by
    /// this code: if either changes, every cached feature row would silently go stale.
    static let defaultJSON = """
        {"algorithmVersion":1,"center":true,"chroma":true,"chromaBaseC":true,"chromaCtroct":5.0,\
        "chromaNorm":"inf","chromaOctwidth":2.0,"contrast":true,"contrastBands":6,"contrastFMin":200.0,\
        "contrastQuantile":0.02,"dbAmin":1e-10,"dbRef":1.0,"dbTopDB":80.0,"deltaOrder":0,"deltaWidth":9,\
        "hopLength":512,"melFMin":0.0,"melNorm":"slaney","melScale":"slaney","nChroma":12,"nFFT":2048,\
        "nMFCC":40,"nMels":128,"padMode":"constant","resampler":"soxr_hq","rms":false,"sampleRate":22050,\
        "tuningFMax":4000.0,"tuningFMin":150.0,"tuningResolution":0.01,"tuningThreshold":0.1,\
        "window":"hann","zcr":false}
        """
    static let defaultHash = "6d3292d6a63a9ae4fe54c53163e59eb2a0a4f592433a7fbad203e22e4a74eb24"

    @Test func defaultCanonicalJSONAndHashAreStable() {
        let config = FeatureConfig()
        #expect(config.canonicalJSON == Self.defaultJSON)
        #expect(config.hash == Self.defaultHash)
    }

    @Test func canonicalJSONDecodesBackToAnEqualValue() throws {
        var config = FeatureConfig(sampleRate: 16_000)
        config.deltaOrder = 2
        config.rms = true
        config.chromaTuning = -0.25
        config.melFMax = 7_600
        config.dbTopDB = nil
        config.speedFactor = 1.1
        config.logMel = true
        config.pitch = PitchConfig()
        config.pitch?.fMax = 800
        let decoded = try JSONDecoder().decode(FeatureConfig.self, from: Data(config.canonicalJSON.utf8))
        #expect(decoded == config)
        #expect(decoded.hash == config.hash)
        #expect(config.hash != FeatureConfig().hash)
        // A configuration stored before log-mel existed has no `logMel` key: it reads as off.
        let old = try JSONDecoder().decode(FeatureConfig.self, from: Data(FeatureConfig().canonicalJSON.utf8))
        #expect(!FeatureConfig().canonicalJSON.contains("logMel") && old == FeatureConfig())
        // Nor has it a `pitch` key, which nests its parameters in key order when on.
        #expect(!FeatureConfig().canonicalJSON.contains("pitch"))
        #expect(config.canonicalJSON.contains(#""pitch":{"fMax":800.0,"fMin":65.40639132514966,"troughThreshold":0.1}"#))
    }

    @Test func everyParameterChangesTheHash() {
        var seen: Set<String> = [FeatureConfig().hash]
        var edits: [(inout FeatureConfig) -> Void] = []
        edits.append { $0.sampleRate = 16_000 }
        edits.append { $0.nFFT = 1_024 }
        edits.append { $0.hopLength = 256 }
        edits.append { $0.nMels = 64 }
        edits.append { $0.nMFCC = 13 }
        edits.append { $0.melFMax = 8_000 }
        edits.append { $0.dbTopDB = nil }
        edits.append { $0.chroma = false }
        edits.append { $0.chromaTuning = 0 }
        edits.append { $0.contrastQuantile = 0.05 }
        edits.append { $0.deltaOrder = 1 }
        edits.append { $0.rms = true }
        edits.append { $0.zcr = true }
        edits.append { $0.logMel = true }
        edits.append { $0.speedFactor = 0.9 }
        edits.append { $0.pitch = PitchConfig() }
        edits.append {
            $0.pitch = PitchConfig(); $0.pitch?.fMin = 80
        }
        edits.append {
            $0.pitch = PitchConfig(); $0.pitch?.troughThreshold = 0.15
        }
        for edit in edits {
            var config = FeatureConfig()
            edit(&config)
            #expect(seen.insert(config.hash).inserted, "\(config.canonicalJSON)")
        }
    }

    @Test func defaultSetIsTheSeeds59Dims() {
        let config = FeatureConfig()
        #expect(config.dims == 59)
        let names = config.featureNames
        #expect(names.count == 59)
        #expect(names[0] == "mfcc_0" && names[39] == "mfcc_39")
        #expect(Array(names[40..<52]) == ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"].map { "chroma_" + $0 })
        #expect(names[52] == "contrast_0" && names[58] == "contrast_6")
        var extended = config
        extended.deltaOrder = 2
        extended.rms = true
        extended.zcr = true
        #expect(extended.dims == 59 + 80 + 2)
        #expect(extended.featureNames.suffix(3) == ["mfcc_delta2_39", "rms", "zcr"])
    }

    @Test func frameCountIsOnePlusSamplesOverHop() {
        let config = FeatureConfig()
        #expect(config.frameCount(samples: 0) == 0)
        #expect(config.frameCount(samples: 1) == 1)
        #expect(config.frameCount(samples: 511) == 1)
        #expect(config.frameCount(samples: 512) == 2)
        #expect(config.frameCount(samples: 72_102) == 141)
    }

    @Test func speedPerturbationResamplesToRateOverFactor() {
        var config = FeatureConfig()
        #expect(config.resampleRate == 22_050)
        config.speedFactor = 0.9
        #expect(config.resampleRate == 24_500)  // 0.9× speed: more samples, read at 22,050 Hz
        config.speedFactor = 1.1
        #expect(config.resampleRate == 20_045)  // 22,050 / 1.1 = 20,045.45…
        #expect(config.canonicalJSON.contains("\"speedFactor\":1.1"))
        #expect(!FeatureConfig().canonicalJSON.contains("speedFactor"))  // absent: old hashes stand
    }

    @Test func invalidConfigurationsNameTheField() {
        func field(_ edit: (inout FeatureConfig) -> Void) -> String? {
            var config = FeatureConfig()
            edit(&config)
            do {
                try config.validate()
                return nil
            } catch {
                if case .invalidConfiguration(let field, let reason) = error {
                    #expect(!reason.isEmpty)
                    return field
                }
                return "?"
            }
        }
        #expect(field { _ in } == nil)
        #expect(field { $0.sampleRate = 0 } == "sampleRate")
        #expect(field { $0.nFFT = 1_001 } == "nFFT")
        #expect(field { $0.window = "hamming" } == "window")
        #expect(field { $0.nMFCC = 200 } == "nMFCC")
        // 6 bands from 200 Hz reach 6.4 kHz, beyond Nyquist at 8 kHz (librosa raises too).
        #expect(field { $0.sampleRate = 8_000 } == "contrastBands")
        #expect(field { $0.deltaWidth = 4 } == "deltaWidth")
        #expect(field { $0.speedFactor = 3 } == "speedFactor")
        #expect(field { $0.speedFactor = .nan } == "speedFactor")
        func pitch(_ edit: @escaping (inout PitchConfig) -> Void) -> (inout FeatureConfig) -> Void {
            { config in
                var pitch = PitchConfig()
                edit(&pitch)
                config.pitch = pitch
            }
        }
        #expect(field(pitch { _ in }) == nil)
        #expect(field(pitch { $0.fMin = 0 }) == "pitch.fMin")
        // librosa's rule: a period of fMin must fit in nFFT − 1 samples (22,050 / 10 = 2,205 > 2,047).
        #expect(field(pitch { $0.fMin = 10 }) == "pitch.fMin")
        #expect(field(pitch { $0.fMax = 12_000 }) == "pitch.fMax")  // above Nyquist
        #expect(field(pitch { $0.fMax = 60 }) == "pitch.fMax")  // below fMin
        #expect(field(pitch { $0.troughThreshold = -1 }) == "pitch.troughThreshold")
        #expect(throws: FeatureError.self) {
            try FeatureExtractor(
                config: {
                    var c = FeatureConfig(); c.hopLength = 0; return c
                }())
        }
    }
}

@Suite struct FeatureConfigUnionTests {
    /// Recipes that differ only in their columns combine; anything else does not, and every
    /// recipe's columns are found by name in the union.
    @Test func recipesThatDifferInColumnsOnlyHaveAUnion() throws {
        let base = FeatureConfig()
        var other = FeatureConfig()
        other.nMFCC = 20
        other.chroma = false
        other.contrast = false
        other.rms = true
        other.logMel = true
        let union = try #require(FeatureConfig.columnUnion([base, other]))
        #expect(union.nMFCC == 40 && union.chroma && union.contrast && union.rms && union.logMel && !union.zcr)
        #expect(base.columns(in: union) == Array(0..<59))
        let columns = try #require(other.columns(in: union))
        #expect(columns.map { union.featureNames[$0] } == other.featureNames)
        #expect(FeatureConfig.columnUnion([base]) == base && FeatureConfig.columnUnion([]) == nil)
        for edit: (inout FeatureConfig) -> Void in [{ $0.sampleRate = 16_000 }, { $0.nMels = 64 }, { $0.speedFactor = 0.9 }] {
            var differs = other
            edit(&differs)
            #expect(FeatureConfig.columnUnion([base, differs]) == nil)
        }
        #expect(union.columns(in: base) == nil, "the union's log-mel columns are not in the base recipe")
    }

    /// Pitch columns join a union like any flag, but two different pitch trackers do not.
    @Test func pitchJoinsAUnionOnlyWhenTheTrackersAgree() throws {
        let base = FeatureConfig()
        var pitched = FeatureConfig()
        pitched.pitch = PitchConfig()
        let union = try #require(FeatureConfig.columnUnion([base, pitched]))
        #expect(union.pitch == PitchConfig() && Array(union.featureNames.suffix(2)) == ["log2_f0", "aperiodicity"])
        #expect(FeatureConfig.columnUnion([pitched, pitched]) == pitched)
        var other = pitched
        other.pitch?.fMax = 500
        #expect(FeatureConfig.columnUnion([pitched, other]) == nil)
    }
}
