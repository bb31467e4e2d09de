import SERFeatures
import Testing

@testable import SERWorkbench

/// The `--features` tokens: the list that help and errors show is the list the parser takes.
@Suite struct FeatureSpecTests {
    @Test func everyListedTokenParsesAndAddsColumns() throws {
        let base = try FeatureSpec.config("mfcc13", sampleRate: 22_050)
        for token in FeatureSpec.tokens where token != "mfccN" {
            let config = try FeatureSpec.config("mfcc13+\(token)", sampleRate: 22_050)
            #expect(config.dims > base.dims, "\(token) adds no columns")
        }
        #expect(try FeatureSpec.config("mfcc7", sampleRate: 22_050).dims == 7)
        let error = try #require(throws: WorkbenchError.self) { try FeatureSpec.config("mfcc13+loudness", sampleRate: 22_050) }
        #expect(error.key == "features" && error.description.contains(FeatureSpec.tokenList))
        #expect(RunSettings.byKey["features"]?.help.contains(FeatureSpec.tokenList) == true)
    }
}
