import SERExperiment
import Testing

/// The enrolment clips: `count` per speaker, seeded, independent of input order.
@Suite struct EnrollmentTests {
    private let speakers: [String: [Int64]] = [
        "01": Array(1...12), "02": Array(13...24), "03": [25, 26], "04": Array(27...29),
    ]

    @Test func countClipsPerSpeakerWithEnoughLeftToScore() {
        let chosen = Enrollment.choose(speakers, count: 2, seed: 7)
        // "03" has only 2 clips: enrolling with both would leave none to score.
        #expect(chosen.keys.sorted() == ["01", "02", "04"])
        for (speaker, ids) in chosen {
            #expect(ids.count == 2 && Set(ids).count == 2 && ids == ids.sorted())
            #expect(Set(ids).isSubset(of: speakers[speaker] ?? []))
        }
        #expect(Enrollment.choose(speakers, count: 12, seed: 7).isEmpty)
        #expect(Enrollment.choose(speakers, count: 0, seed: 7).isEmpty)
    }

    @Test func theSeedDecidesNotTheOrder() {
        let shuffled = speakers.mapValues { Array($0.reversed()) }
        #expect(Enrollment.choose(speakers, count: 3, seed: 7) == Enrollment.choose(shuffled, count: 3, seed: 7))
        let seeds = (0..<5).map { Enrollment.choose(speakers, count: 3, seed: $0)["01"] ?? [] }
        #expect(Set(seeds).count > 1, "five seeds chose the same three of twelve clips: \(seeds)")
    }
}
