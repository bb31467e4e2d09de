import Testing
@testable import SERExperiment

@Suite struct SplitterTests {
    /// 6 speakers × 4 labels × 3 clips.
    static let clips: [ClipRef] = {
        var out: [ClipRef] = []
        var id: Int64 = 1
        for speaker in ["01", "02", "03", "04", "05", "06"] {
            for label in ["angry", "happy", "neutral", "sad"] {
                for _ in 0..<3 {
                    out.append(ClipRef(id: id, label: label, speaker: speaker))
                    id += 1
                }
            }
        }
        return out
    }()

    func speakers(of ids: [Int64]) -> Set<String> {
        Set(Self.clips.filter { ids.contains($0.id) }.compactMap(\.speaker))
    }

    @Test func speakerSplitKeepsTestSpeakersOutOfTrainingAndValidation() throws {
        let split = try Splitter(validationFraction: 0.25, seed: 7).split(
            Self.clips, plan: .speaker(testSpeakers: ["5", "06"], testFraction: 0))
        #expect(speakers(of: split.test) == ["05", "06"])
        #expect(speakers(of: split.train).isDisjoint(with: ["05", "06"]))
        #expect(speakers(of: split.validation).isDisjoint(with: ["05", "06"]))
        #expect(speakers(of: split.validation).isDisjoint(with: speakers(of: split.train)))
        #expect(Set(split.train + split.validation + split.test).count == Self.clips.count)
    }

    @Test func sameSeedSameSplitOtherSeedOtherSplit() throws {
        let a = try Splitter(seed: 1).split(Self.clips, plan: .random(testFraction: 0.25))
        let b = try Splitter(seed: 1).split(Self.clips, plan: .random(testFraction: 0.25))
        let c = try Splitter(seed: 2).split(Self.clips, plan: .random(testFraction: 0.25))
        #expect(a == b)
        #expect(a != c)
    }

    @Test func randomSplitIsStratified() throws {
        let split = try Splitter(validationFraction: 0, seed: 3).split(Self.clips, plan: .random(testFraction: 0.25))
        let testLabels = Dictionary(grouping: Self.clips.filter { split.test.contains($0.id) }, by: \.label).mapValues(\.count)
        // 18 clips per label × 0.25 = 4.5, rounded to 5 per label.
        #expect(testLabels == ["angry": 5, "happy": 5, "neutral": 5, "sad": 5])
    }

    @Test func kfoldPartitionsBySpeaker() throws {
        let folds = try Splitter(validationFraction: 0.2, seed: 9).folds(Self.clips, k: 3)
        #expect(folds.count == 3)
        let allTest = folds.flatMap(\.test)
        #expect(allTest.count == Self.clips.count)
        #expect(Set(allTest).count == Self.clips.count)
        for fold in folds {
            #expect(speakers(of: fold.test).count == 2)
            #expect(speakers(of: fold.test).isDisjoint(with: speakers(of: fold.train + fold.validation)))
        }
    }

    @Test func impossibleSplitsNameTheFlag() {
        #expect { try Splitter(seed: 1).split(Self.clips, plan: .speaker(testSpeakers: ["99"], testFraction: 0)) } throws: {
            ($0 as? SplitError)?.key == "testSpeakers"
        }
        #expect {
            try Splitter(seed: 1).split(Self.clips, plan: .speaker(testSpeakers: ["01", "02", "03", "04", "05", "06"], testFraction: 0))
        } throws: {
            ($0 as? SplitError)?.reason.contains("none is left") == true
        }
        // A class only spoken by the test speaker leaves training without it.
        var clips = Self.clips
        clips.append(ClipRef(id: 1000, label: "boredom", speaker: "06"))
        #expect { try Splitter(seed: 1).split(clips, plan: .speaker(testSpeakers: ["06"], testFraction: 0)) } throws: {
            ($0 as? SplitError)?.reason.contains("boredom") == true
        }
        #expect { try Splitter(seed: 1).folds(Self.clips, k: 7) } throws: {
            ($0 as? SplitError)?.reason.contains("at least 7 speakers") == true
        }
        let anonymous = Self.clips.map { ClipRef(id: $0.id, label: $0.label, speaker: nil) }
        #expect { try Splitter(seed: 1).split(anonymous, plan: .speaker(testSpeakers: [], testFraction: 0.2)) } throws: { $0 is SplitError }
    }
}
