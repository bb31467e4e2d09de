public import SERCore

/// Which clips of each speaker enrol them: the clips whose statistics stand in for the
/// speaker's in per-speaker normalisation, as a deployed model would get them from a new
/// speaker's first few (unlabelled) recordings. Pure and seeded: the same clips for the same
/// seed, whatever order the clips come in.
public enum Enrollment {
    /// `count` clips per speaker, drawn without replacement by a generator seeded with
    /// `seed` after sorting each speaker's ids. Speakers with `count` clips or fewer are left
    /// out: all their clips would enrol them and none would be left to score.
    ///
    /// - Parameter clipsBySpeaker: speaker → clip ids.
    /// - Returns: speaker → the enrolment clip ids, sorted.
    public static func choose(_ clipsBySpeaker: [String: [Int64]], count: Int, seed: Int) -> [String: [Int64]] {
        var rng = SeededGenerator(seed: UInt64(bitPattern: Int64(seed)))
        var chosen: [String: [Int64]] = [:]
        for speaker in clipsBySpeaker.keys.sorted() {
            let ids = (clipsBySpeaker[speaker] ?? []).sorted()
            guard count >= 1, ids.count > count else { continue }
            chosen[speaker] = Array(ids.shuffled(using: &rng).prefix(count)).sorted()
        }
        return chosen
    }
}
