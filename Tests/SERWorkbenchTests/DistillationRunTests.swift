import Foundation
import GRDB
import SERCore
import SERExperiment
import Testing

@testable import SERWorkbench

/// `--teacher RUN`: a run learns from the class probabilities of a finished k-fold run or
/// ensemble on the same folds (knowledge distillation), and is refused before anything is
/// written when the teacher cannot teach it.
@Suite struct DistillationRunTests {
    static func settings(seed: Int) -> RunSettings {
        var s = WorkbenchFixture.tiny(epochs: 2, seed: seed)
        s.split = .kfold(2)
        s.splitSeed = 7
        return s
    }

    private func runCount(_ fixture: WorkbenchFixture) throws -> Int {
        try fixture.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM runs") ?? 0 }
    }

    /// Split `i`'s targets are the mean of every member's fold-`i` model's probabilities of
    /// that split's training clips, and a student trained with them records its teacher and
    /// trains differently from the same run without one.
    @Test func aStudentLearnsFromTheTeachersModelsOfEachFold() throws {
        let fixture = try WorkbenchFixture.imported(actors: 4)
        defer { fixture.remove() }
        let teacher = try fixture.workbench.trainSeeds(Self.settings(seed: 1), seeds: [1, 2], TrainingRequest(name: "teacher"))
        var student = Self.settings(seed: 3)
        student.teacher = Int(teacher.run)
        student.distill = 0.7

        // The targets, against the members' fold models used by hand.
        let data = try DataPreparer.prepare(fixture.workbench, settings: student)
        let folds = try Splitter(validationFraction: student.validationFraction, seed: 7).folds(data.clipRefs, k: 2)
        let targets = try TeacherTargets(workbench: fixture.workbench).probabilities(teacher: teacher.run, splits: folds, data: data)
        #expect(targets.count == 2)
        for (i, split) in folds.enumerated() {
            let ids = data.usable(split.train).map(\.id)
            #expect(Set(targets[i].clips.keys) == Set(ids) && targets[i].copies.isEmpty)
            let models = try teacher.members.map { member -> TrainedModel in
                let fold = try fixture.store.childRuns(of: member)[i].id
                #expect(Set(try fixture.store.splitClips(fold, subset: "test")) == Set(split.test))
                return try fixture.workbench.model(ofRun: fold)
            }
            let raw = ids.compactMap { data.features[$0] }
            let p = try models.map { try $0.probabilities(raw) }
            for (row, id) in ids.enumerated() {
                let expected = (0..<data.classes.count).map { c in Float((Double(p[0][row, c]) + Double(p[1][row, c])) / 2) }
                // Both sides average the same two float32 values in double and round once.
                #expect(targets[i].clips[id] == expected)
            }
        }

        let outcome = try fixture.workbench.train(student, TrainingRequest(name: "student"))
        #expect(outcome.status == .finished && outcome.folds == 2)
        let config = try #require(try fixture.store.runHeader(outcome.run)?.config)
        #expect(config.contains("\"teacher\":\(teacher.run)") && config.contains("\"distill\":0.7"))
        var alone = student
        alone.teacher = nil
        let plain = try fixture.workbench.train(alone, TrainingRequest(name: "alone"))
        let distilledFold = try fixture.store.childRuns(of: outcome.run)[0].id
        let plainFold = try fixture.store.childRuns(of: plain.run)[0].id
        #expect(try fixture.store.epochs(distilledFold)[0].trainLoss != fixture.store.epochs(plainFold)[0].trainLoss)
        #expect(try fixture.store.splitClips(distilledFold, subset: "test") == fixture.store.splitClips(plainFold, subset: "test"))
    }

    /// `--distill-copies teacher`: the teacher classifies every speed-perturbed copy from its
    /// own features of the perturbed audio, and the student's epochs draw those targets with
    /// the copies (its training differs from the same run taught with the clips' targets).
    @Test func theTeacherCanClassifyTheSpeedPerturbedCopiesItself() throws {
        let fixture = try WorkbenchFixture.imported(actors: 4)
        defer { fixture.remove() }
        let teacher = try fixture.workbench.train(Self.settings(seed: 1), TrainingRequest(name: "teacher"))
        var student = Self.settings(seed: 3)
        student.teacher = Int(teacher.run)
        student.speedPerturb = [0.9, 1.1]
        student.distillCopies = .teacher

        // The copies' targets, against the teacher's fold models on the copies' features by hand
        // (the teacher shares the student's feature recipe here, so the student's copies are its inputs).
        let data = try DataPreparer.prepare(fixture.workbench, settings: student)
        #expect(data.copies.count == 2)
        let folds = try Splitter(validationFraction: student.validationFraction, seed: 7).folds(data.clipRefs, k: 2)
        let targets = try TeacherTargets(workbench: fixture.workbench).probabilities(
            teacher: teacher.run, splits: folds, data: data, copies: student.speedPerturb)
        var differing = 0
        for (i, split) in folds.enumerated() {
            let ids = data.usable(split.train).map(\.id)
            #expect(targets[i].copies.count == 2)
            let model = try fixture.workbench.model(ofRun: try fixture.store.childRuns(of: teacher.run)[i].id)
            for copy in 0..<2 {
                #expect(Set(targets[i].copies[copy].keys) == Set(ids))
                let p = try model.probabilities(ids.compactMap { data.copies[copy][$0] })
                for (row, id) in ids.enumerated() {
                    // One model: its float32 probabilities through double and back, unchanged.
                    #expect(targets[i].target(id, copy: copy) == (0..<data.classes.count).map { p[row, $0] })
                    if targets[i].copies[copy][id] != targets[i].clips[id] { differing += 1 }
                }
            }
        }
        #expect(differing > 0, "the perturbed audio should change some of the teacher's probabilities")
        let plain = try TeacherTargets(workbench: fixture.workbench).probabilities(teacher: teacher.run, splits: folds, data: data)
        let someID = try #require(folds[0].train.first)
        #expect(plain[0].copies.isEmpty && plain[0].target(someID, copy: 1) == plain[0].clips[someID])
        #expect(plain.map(\.clips) == targets.map(\.clips))

        let taught = try fixture.workbench.train(student, TrainingRequest(name: "copies taught"))
        let config = try #require(try fixture.store.runHeader(taught.run)?.config)
        #expect(config.contains("\"distillCopies\":\"teacher\""))
        var inherited = student
        inherited.distillCopies = .source
        let source = try fixture.workbench.train(inherited, TrainingRequest(name: "copies inherit"))
        let taughtFold = try fixture.store.childRuns(of: taught.run)[0].id
        let sourceFold = try fixture.store.childRuns(of: source.run)[0].id
        #expect(try fixture.store.epochs(taughtFold)[0].trainLoss != fixture.store.epochs(sourceFold)[0].trainLoss)
    }

    /// An unknown teacher, or one trained on other folds, stops the run before any row is written.
    @Test func aTeacherThatCannotTeachIsRefusedBeforeAnythingIsWritten() throws {
        let fixture = try WorkbenchFixture.imported(actors: 4)
        defer { fixture.remove() }
        var other = Self.settings(seed: 1)
        other.splitSeed = 8
        let teacher = try fixture.workbench.train(other, TrainingRequest(name: "other folds")).run
        let before = try runCount(fixture)
        for (id, fragment) in [(Int(teacher), "tested on other clips"), (9_999, "is not in")] {
            var student = Self.settings(seed: 3)
            student.teacher = id
            let error = try #require(throws: WorkbenchError.self) { try fixture.workbench.train(student) }
            #expect(error.key == "teacher" && error.description.contains(fragment), "\(error)")
        }
        #expect(try runCount(fixture) == before)
    }

    /// A queue cannot carry a teacher: its id means nothing (or another run) in a worker's database.
    @Test func aDistilledRunIsNotQueued() throws {
        let fixture = try WorkbenchFixture.imported(actors: 4)
        defer { fixture.remove() }
        var student = Self.settings(seed: 3)
        student.teacher = 1
        let plans: [() throws -> QueuePlan] = [
            { try fixture.workbench.planRun(student) },
            { try fixture.workbench.planSeeds(student, seeds: [1, 2]) },
            {
                try fixture.workbench.planSweep(
                    student, grid: SweepGrid(axes: [SweepGrid.Axis(key: "lr", values: [.number(1e-3), .number(3e-4)])]))
            },
        ]
        for plan in plans {
            let error = try #require(throws: WorkbenchError.self) { try plan() }
            #expect(error.key == "teacher" && error.description.contains("worker"), "\(error)")
        }
    }

    /// Temperature softens the teacher's probabilities as `p^(1/T)` renormalised: the ranking
    /// stays, the gaps shrink, zeros stay zero, and `T = 1` changes nothing.
    @Test func temperatureSoftensWithoutReordering() {
        let p = [0.64, 0.32, 0.04, 0]
        #expect(TeacherTargets.soften(p, temperature: 1) == p)
        let soft = TeacherTargets.soften(p, temperature: 2)
        let roots = [0.8, 0.32.squareRoot(), 0.2, 0]
        let total = roots.reduce(0, +)
        for (value, root) in zip(soft, roots) { #expect(abs(value - root / total) < 1e-15) }
        #expect(soft[0] > soft[1] && soft[1] > soft[2] && soft[3] == 0 && soft[0] < p[0])
        let sharp = TeacherTargets.soften(p, temperature: 0.5)
        #expect(sharp[0] > p[0] && abs(sharp.reduce(0, +) - 1) < 1e-15)
    }
}
