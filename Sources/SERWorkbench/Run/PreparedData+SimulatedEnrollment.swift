public import SERExperiment

extension PreparedData {
    /// Subsets per training speaker that ``simulatedEnrollment(trainIDs:clipsPerDraw:maxFrames:normalizer:seed:)``
    /// draws (each epoch a clip takes one of them or the full statistics, uniformly).
    public static let simulatedEnrollmentDraws = 8

    /// The enrolment simulation of `--simulate-enrollment N` for a run on this data, which
    /// must be the per-speaker-normalised data (``speakerNormalized(maxFrames:enrolled:)``).
    ///
    /// For each speaker of `trainIDs` with more than `clipsPerDraw` training clips,
    /// ``simulatedEnrollmentDraws`` subsets of `clipsPerDraw` of them (seeded, as
    /// ``Enrollment/choose(_:count:seed:)`` draws them); each subset's statistics are measured
    /// on the original features and, for speed-perturbed copies, on that copy's features, up
    /// to `maxFrames` frames per clip as in normalisation.
    ///
    /// - Parameters:
    ///   - trainIDs: the training clips, in the order of the training ``SequenceDataset``.
    ///   - normalizer: the run's global normaliser, fitted on these training clips.
    public func simulatedEnrollment(
        trainIDs: [Int64], clipsPerDraw: Int, maxFrames: Int, normalizer: Normalizer, seed: Int
    ) -> SimulatedEnrollment {
        let speakerOf = Dictionary(uniqueKeysWithValues: clips.compactMap { c in c.id.map { ($0, c.speaker) } })
        // The clips the training dataset keeps, in its order (``dataset(_:normalizer:maxFrames:)``).
        let kept = usable(trainIDs).map(\.id)
        var bySpeaker: [String: [Int64]] = [:]
        for id in kept { if let speaker = speakerOf[id] ?? nil { bySpeaker[speaker, default: []].append(id) } }
        let speakers = bySpeaker.keys.sorted().filter { (bySpeaker[$0]?.count ?? 0) > clipsPerDraw }
        let index = Dictionary(uniqueKeysWithValues: speakers.enumerated().map { ($1, $0) })
        let sources = [features] + copies
        let statistics: [[[Normalizer]]] = speakers.enumerated().map { s, speaker in
            let ids = (bySpeaker[speaker] ?? []).sorted()
            let subsets = (0..<Self.simulatedEnrollmentDraws).map { draw in
                Enrollment.choose([speaker: ids], count: clipsPerDraw, seed: seed &+ 7_919 &* (s &* 64 &+ draw &+ 1))[speaker] ?? ids
            }
            return sources.map { source in
                subsets.map { subset in
                    Normalizer.fit(
                        subset.compactMap { (source[$0] ?? features[$0]).map { Self.truncate($0, to: maxFrames) } }, method: .global)
                }
            }
        }
        return SimulatedEnrollment(
            subsetStatistics: statistics, speakerOfClip: kept.map { id in (speakerOf[id] ?? nil).flatMap { index[$0] } },
            global: normalizer)
    }
}
