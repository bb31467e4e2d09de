import Foundation
public import SERStore
import SERExperiment

extension Workbench {
    /// `ser enroll NAME CLIPS --run RUN`: computes the speaker's statistics for every recipe and
    /// frame limit of `run`'s per-speaker models and stores them under `name` (replacing an
    /// earlier enrolment of that name for the same recipe and frame limit).
    /// - Returns: the stored rows.
    /// - Throws: ``WorkbenchError`` `.invalidRequest` for an empty name or no clips,
    ///   `.wrongState` when `run` does not normalise per speaker (nothing to enrol);
    ///   ``ModelUseError`` naming a clip that cannot be used.
    public func enroll(speaker name: String, clips: [String], run: Int64) throws -> [SpeakerEnrollmentRecord] {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed == name, name.count <= 200 else {
            throw WorkbenchError(.invalidRequest, key: "speaker", "a name of 1–200 characters without surrounding spaces (got '\(name)')")
        }
        guard !clips.isEmpty else { throw WorkbenchError(.invalidRequest, key: "clips", "give a few recordings of the speaker") }
        let predictor = try predictor(ofRun: run, enrolling: true)
        guard predictor.members.contains(where: \.perSpeaker) else {
            throw WorkbenchError(
                .wrongState,
                "run \(run) does not normalise per speaker: its predictions need no enrolment (train with --normalization speaker)")
        }
        let enrollment = try predictor.enroll(clips, name: name, cancellation: cancellation)
        let now = Timestamp.now()
        let records = enrollment.statistics.sorted { $0.key < $1.key }.flatMap { recipe, byFrames in
            byFrames.sorted { $0.key < $1.key }.map { frames, normalizer in
                SpeakerEnrollmentRecord(
                    name: name, recipeHash: recipe, maxFrames: frames, mean: normalizer.mean, std: normalizer.std,
                    clips: enrollment.clips, runID: run, createdAt: now)
            }
        }
        try store.saveEnrollments(records)
        return records
    }

    /// The stored enrolment of `name`, every recipe and frame limit of it.
    /// - Throws: ``WorkbenchError`` `.notFound` naming the enrolled speakers.
    public func speakerEnrollment(named name: String) throws -> SpeakerEnrollment {
        let records = try store.enrollments(named: name)
        guard let first = records.first else {
            let known = Set(try store.enrollments().map(\.name)).sorted()
            throw WorkbenchError(
                .notFound, key: "speaker",
                "no speaker '\(name)' is enrolled"
                    + (known.isEmpty
                        ? "; enrol one with ser enroll NAME CLIPS... --run RUN" : " (enrolled: \(known.joined(separator: ", ")))"))
        }
        var statistics: [String: [Int: Normalizer]] = [:]
        for record in records {
            statistics[record.recipeHash, default: [:]][record.maxFrames] = Normalizer(method: .global, mean: record.mean, std: record.std)
        }
        return SpeakerEnrollment(name: name, statistics: statistics, clips: first.clips)
    }
}
