import Foundation
import GRDB
import Testing

/// `ser ensemble`: k-fold runs with the same folds combined by averaging probabilities.
@Suite(.serialized) struct EnsembleCommandTests {
    /// `ser ensemble --json` (also `ser run --seeds --json`).
    struct Report: Decodable {
        struct Metrics: Decodable { let accuracy: Double }
        let run: Int64
        let members: [Int64]
        let folds: Int?
        let test: Metrics
        var accuracy: Double { test.accuracy }
    }

    /// A tone corpus with two 2-fold runs on the same folds (same seed, other layer sizes)
    /// and a third on other folds (another seed); returns the three parents' ids.
    static func corpusWithRuns() throws -> (TestCorpus, [Int64]) {
        let corpus = try TestCorpus.importedTones(actors: 4)
        var parents: [Int64] = []
        for extra in [["--seed", "5", "--layers", "12"], ["--seed", "5", "--layers", "10"], ["--seed", "6", "--layers", "12"]] {
            let trained = try corpus.ser(["run", "--split", "kfold:2", "--epochs", "2", "-q"] + RunCommandTests.tiny + extra)
            guard trained.status == 0 else { throw SERProcess.Failure(result: trained) }
            parents.append(try corpus.readOnly { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM runs WHERE kind = 'kfold'") } ?? 0)
        }
        return (corpus, parents)
    }

    @Test func theEnsembleAveragesTheMembersTestProbabilities() throws {
        let (corpus, parents) = try Self.corpusWithRuns()
        defer { corpus.remove() }
        let result = try corpus.ser(["ensemble", String(parents[0]), String(parents[1]), "--name", "both", "--json"])
        guard result.status == 0 else { throw SERProcess.Failure(result: result) }
        let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
        #expect(report.members == [parents[0], parents[1]] && report.folds == 2)
        // Recompute from the members' recorded fold predictions.
        let expected: [Double] = try corpus.readOnly { db in
            let folds = try [parents[0], parents[1]].map {
                try Int64.fetchAll(db, sql: "SELECT id FROM runs WHERE parent_id = ? ORDER BY id", arguments: [$0])
            }
            return try (0..<2).map { i in
                var sums: [Int64: [Double]] = [:]
                for member in folds {
                    for row in try Row.fetchAll(
                        db, sql: "SELECT clip_id, probabilities FROM run_predictions WHERE run_id = ? AND subset = 'test'",
                        arguments: [member[i]])
                    {
                        let p = try JSONDecoder().decode([Double].self, from: Data((row["probabilities"] as String).utf8))
                        sums[row["clip_id"], default: [Double](repeating: 0, count: p.count)] = zip(
                            sums[row["clip_id"]] ?? [Double](repeating: 0, count: p.count), p
                        ).map { $0 + $1 }
                    }
                }
                let classes = try String.fetchAll(db, sql: "SELECT DISTINCT label FROM clips ORDER BY label")
                let correct = try sums.filter { clip, sum in
                    let label = try String.fetchOne(db, sql: "SELECT label FROM clips WHERE id = ?", arguments: [clip])
                    return classes[sum.indices.max { sum[$0] < sum[$1] } ?? 0] == label
                }.count
                return Double(correct) / Double(sums.count)
            }
        }
        #expect(abs(report.accuracy - expected.reduce(0, +) / 2) < 1e-9, "\(report.accuracy) vs \(expected)")
        let stored = try corpus.readOnly { db in
            (
                try Double.fetchOne(
                    db, sql: "SELECT value FROM run_metrics WHERE run_id = ? AND subset = 'test' AND name = 'accuracy'",
                    arguments: [report.run]),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM runs WHERE parent_id = ? AND status = 'finished'", arguments: [report.run]),
                try String.fetchOne(db, sql: "SELECT status FROM runs WHERE id = ?", arguments: [report.run])
            )
        }
        #expect(stored.0.map { abs($0 - report.accuracy) < 1e-9 } == true && stored.1 == 2 && stored.2 == "finished")
        // It is a k-fold run like any other for compare, and evaluate uses all four fold models.
        let compared = try corpus.ser(["compare", String(report.run), String(parents[0])])
        #expect(compared.status == 0 && compared.stdout.contains("both"))
        _ = try EvaluateCommandTests.importNewVoices(into: corpus)
        let evaluated = try EvaluateCommandTests.evaluate(corpus, [String(report.run), "--dataset", "newvoices"])
        #expect(evaluated.models == 4 && evaluated.clips == 24)
    }

    /// `--split-seed` fixes the folds while `--seed` changes the model: the two runs test the
    /// same clips in every fold, differ in their predictions, and can be combined.
    @Test func theSameSplitSeedGivesTheSameFoldsForAnotherModelSeed() throws {
        let (corpus, parents) = try Self.corpusWithRuns()
        defer { corpus.remove() }
        let trained = try corpus.ser(
            ["run", "--split", "kfold:2", "--epochs", "2", "-q"] + RunCommandTests.tiny + [
                "--seed", "9", "--split-seed", "5", "--layers", "12",
            ])
        guard trained.status == 0 else { throw SERProcess.Failure(result: trained) }
        let (other, sameSplits, samePredictions) = try corpus.readOnly { db in
            let other = try Int64.fetchOne(db, sql: "SELECT max(id) FROM runs WHERE kind = 'kfold'") ?? 0
            func tests(_ parent: Int64) throws -> [[Int64]] {
                try Int64.fetchAll(db, sql: "SELECT id FROM runs WHERE parent_id = ? ORDER BY id", arguments: [parent]).map {
                    try Int64.fetchAll(
                        db, sql: "SELECT clip_id FROM run_splits WHERE run_id = ? AND subset = 'test' ORDER BY clip_id", arguments: [$0])
                }
            }
            func probabilities(_ parent: Int64) throws -> [String] {
                try String.fetchAll(
                    db,
                    sql:
                        "SELECT p.probabilities FROM run_predictions p JOIN runs r ON r.id = p.run_id WHERE r.parent_id = ? ORDER BY p.clip_id",
                    arguments: [parent])
            }
            return (other, try tests(other) == tests(parents[0]), try probabilities(other) == probabilities(parents[0]))
        }
        #expect(sameSplits && !samePredictions)
        let combined = try corpus.ser(["ensemble", String(parents[0]), String(other), "--json"])
        #expect(combined.status == 0, "\(combined.stderr)")
        // Fold 1 of each alone: one training-kind ensemble for fold 1's test speakers, which
        // scores exactly what the k-fold ensemble's fold 1 scored.
        let (folds, otherFolds) = try corpus.readOnly { db in
            (
                try Int64.fetchAll(db, sql: "SELECT id FROM runs WHERE parent_id = ? ORDER BY id", arguments: [parents[0]]),
                try Int64.fetchAll(db, sql: "SELECT id FROM runs WHERE parent_id = ? ORDER BY id", arguments: [other])
            )
        }
        let firstFolds = try corpus.ser(["ensemble", String(folds[0]), String(otherFolds[0]), "--json"])
        #expect(firstFolds.status == 0, "\(firstFolds.stderr)")
        let kfold = try JSONDecoder().decode(Report.self, from: Data(combined.stdout.utf8))
        let single = try JSONDecoder().decode(Report.self, from: Data(firstFolds.stdout.utf8))
        let (kind, foldAccuracy) = try corpus.readOnly { db in
            (
                try String.fetchOne(db, sql: "SELECT kind FROM runs WHERE id = ?", arguments: [single.run]),
                try Double.fetchOne(
                    db,
                    sql: """
                        SELECT m.value FROM run_metrics m JOIN runs r ON r.id = m.run_id
                        WHERE r.parent_id = ? AND m.subset = 'test' AND m.name = 'accuracy' ORDER BY r.id LIMIT 1
                        """, arguments: [kfold.run])
            )
        }
        #expect(kind == "train" && single.folds == nil)
        #expect(foldAccuracy.map { abs($0 - single.accuracy) < 1e-9 } == true, "\(String(describing: foldAccuracy)) vs \(single.accuracy)")
        let crossed = try corpus.ser(["ensemble", String(folds[0]), String(otherFolds[1])])
        #expect(crossed.status == 1 && crossed.stderr.contains("tests other clips"), "\(crossed.stderr)")
    }

    @Test func runsWithOtherFoldsOrKindsAreRefusedAndNothingIsWritten() throws {
        let (corpus, parents) = try Self.corpusWithRuns()
        defer { corpus.remove() }
        let runsBefore = try corpus.readOnly { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM runs") }
        let otherFolds = try corpus.ser(["ensemble", String(parents[0]), String(parents[2])])
        #expect(otherFolds.status != 0 && otherFolds.stderr.contains("tests other clips"))
        let fold = try corpus.readOnly { db in try Int64.fetchOne(db, sql: "SELECT min(id) FROM runs WHERE kind = 'fold'") } ?? 0
        let notParent = try corpus.ser(["ensemble", String(parents[0]), String(fold)])
        #expect(notParent.status != 0 && notParent.stderr.contains("k-fold parents"))
        let alone = try corpus.ser(["ensemble", String(parents[0])])
        #expect(alone.status != 0 && alone.stderr.contains("at least two"))
        let runsAfter = try corpus.readOnly { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM runs") }
        #expect(runsBefore == runsAfter)
    }
}

/// `ser run --seeds`: one run per seed on one split, then their ensemble; and ensembles of
/// training runs.
@Suite(.serialized) struct SeedEnsembleTests {
    @Test func seedsTrainOnOneSplitAndRecordTheirEnsembleForKFoldAndPlainRuns() throws {
        let corpus = try TestCorpus.importedTones(actors: 4)
        defer { corpus.remove() }
        let folds = try corpus.ser(
            ["run", "--split", "kfold:2", "--epochs", "2", "--seeds", "3,4", "--name", "kf", "-q"] + RunCommandTests.tiny)
        guard folds.status == 0 else { throw SERProcess.Failure(result: folds) }
        let plain = try corpus.ser(
            ["run", "--test-speakers", "4", "--epochs", "2", "--seeds", "3,4,5", "--name", "pl", "--json"] + RunCommandTests.tiny)
        guard plain.status == 0 else { throw SERProcess.Failure(result: plain) }
        let report = try JSONDecoder().decode(EnsembleCommandTests.Report.self, from: Data(plain.stdout.utf8))
        #expect(report.members.count == 3 && report.folds == nil)
        try corpus.readOnly { (db: Database) throws -> Void in
            // The k-fold ensemble: a k-fold run over two members with seeds 3 and 4, same folds.
            let kf = try #require(try Row.fetchOne(db, sql: "SELECT id, kind, config FROM runs WHERE name = 'kf'"))
            #expect(kf["kind"] as String == "kfold")
            #expect((kf["config"] as String).contains("ensembleOf"))
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM runs WHERE parent_id = ?", arguments: [kf["id"] as Int64]) == 2)
            let seeds = try Int.fetchAll(db, sql: "SELECT seed FROM runs WHERE name LIKE 'kf seed %' AND kind = 'kfold' ORDER BY id")
            #expect(seeds == [3, 4])
            // The plain ensemble: one training run whose test metrics average the members'
            // probabilities on the same test clips (actor 04).
            let pl = try #require(try Row.fetchOne(db, sql: "SELECT id, kind FROM runs WHERE name = 'pl'"))
            #expect(pl["kind"] as String == "train" && pl["id"] as Int64 == report.run)
            let members = report.members.map(String.init).joined(separator: ",")
            let tests = try Int.fetchAll(
                db, sql: "SELECT count(*) FROM run_splits WHERE subset = 'test' AND run_id IN (\(members), ?) GROUP BY run_id",
                arguments: [report.run])
            #expect(tests == [12, 12, 12, 12])
            var sums: [Int64: [Double]] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT clip_id, probabilities FROM run_predictions WHERE subset = 'test' AND run_id IN (\(members))")
            {
                let p = try JSONDecoder().decode([Double].self, from: Data((row["probabilities"] as String).utf8))
                sums[row["clip_id"]] = zip(sums[row["clip_id"]] ?? [Double](repeating: 0, count: p.count), p).map { $0 + $1 }
            }
            let classes = try String.fetchAll(db, sql: "SELECT DISTINCT label FROM clips ORDER BY label")
            var correct = 0
            for (clip, sum) in sums {
                let label = try String.fetchOne(db, sql: "SELECT label FROM clips WHERE id = ?", arguments: [clip])
                if classes[sum.indices.max { sum[$0] < sum[$1] } ?? 0] == label { correct += 1 }
            }
            #expect(abs(report.accuracy - Double(correct) / Double(sums.count)) < 1e-9)
            #expect(
                try Double.fetchOne(
                    db, sql: "SELECT value FROM run_metrics WHERE run_id = ? AND subset = 'test' AND name = 'accuracy'",
                    arguments: [report.run]) == report.accuracy)
        }
        // Evaluate uses all three members' models on new speakers.
        _ = try EvaluateCommandTests.importNewVoices(into: corpus)
        let evaluated = try EvaluateCommandTests.evaluate(corpus, [String(report.run), "--dataset", "newvoices"])
        #expect(evaluated.models == 3)
        // Training runs with other test clips, or of another kind, are refused.
        let other = try corpus.ser(["run", "--dataset", "tones", "--test-speakers", "3", "--epochs", "1", "-q"] + RunCommandTests.tiny)
        #expect(other.status == 0, "\(other.stderr)")
        let otherID = try corpus.readOnly { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM runs") } ?? 0
        let mismatched = try corpus.ser(["ensemble", String(report.members[0]), String(otherID)])
        #expect(mismatched.status != 0 && mismatched.stderr.contains("other clips"), "\(mismatched.stderr)")
        let kfID = try corpus.readOnly { db in try Int64.fetchOne(db, sql: "SELECT id FROM runs WHERE name = 'kf'") } ?? 0
        let mixed = try corpus.ser(["ensemble", String(report.members[0]), String(kfID)])
        #expect(mixed.status != 0 && mixed.stderr.contains("one kind"), "\(mixed.stderr)")
        let reproduced = try corpus.ser(["run", "--reproduce", String(report.run)])
        #expect(reproduced.status != 0 && reproduced.stderr.contains("is an ensemble"), "\(reproduced.stderr)")
        let bad = try corpus.ser(["run", "--seeds", "3", "-q"] + RunCommandTests.tiny)
        #expect(bad.status != 0 && bad.stderr.contains("--seeds"))
    }
}
