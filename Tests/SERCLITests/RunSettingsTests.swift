import Foundation
import Testing
@testable import SERCLI
@testable import SERWorkbench
@testable import SERReports
import SERStore
import SERTestSupport

@Suite struct RunSettingsTests {
    @Test func defaultsReproduceTheSeedPipeline() throws {
        let s = RunSettings()
        #expect(s.features == "mfcc40+chroma+contrast")
        #expect(s.sampleRate == 22_050)
        #expect(s.layers == [128, 64] && s.dense == [64] && s.dropout == 0.3)
        #expect(s.epochs == 30 && s.batch == 32 && s.lr == 1e-3 && s.optimizer == .adam)
        #expect(s.maxFrames == 200 && s.sequence == .padded)
        try s.validate()
        let model = s.modelConfig(inputDims: 59, classCount: 8, classWeights: nil)
        #expect(model.lstmUnits == [128, 64] && model.batchSize == 32)
    }

    @Test func flagsOverrideTheConfigFileWhichOverridesDefaults() throws {
        let folder = try ScratchFolder.make()
        let file = folder.appendingPathComponent("exp.json")
        try """
        {
          "epochs": 12,
          "max_frames": 150,
          "layers": [256, 128],
          "optimizer": "adamw",
          "test-speakers": ["15", "16"]
        }
        """.write(to: file, atomically: true, encoding: .utf8)
        let options = try RunOptions.parse(["--config", file.path, "--epochs", "5", "--lr", "3e-4"])
        let s = try options.resolve()
        #expect(s.epochs == 5)
        #expect(s.maxFrames == 150)
        #expect(s.layers == [256, 128])
        #expect(s.optimizer == .adamw)
        #expect(s.lr == 3e-4)
        #expect(s.testSpeakers == ["15", "16"])
        #expect(s.batch == 32)
        let json = folder.appendingPathComponent("exp2.json")
        try #"{"epochs": 7, "dropout": 0.5}"#.write(to: json, atomically: true, encoding: .utf8)
        let fromJSON = try RunOptions.parse(["--config", json.path]).resolve()
        #expect(fromJSON.epochs == 7 && fromJSON.dropout == 0.5)
    }

    @Test(arguments: [
        (["--lr=-0.1"], "--lr"),
        (["--layers", "0"], "--layers"),
        (["--epochs", "0"], "--epochs"),
        (["--dropout", "1.5"], "--dropout"),
        (["--split", "kfold:1"], "--split"),
        (["--optimizer", "rmsprop"], "--optimizer"),
        (["--schedule", "step:0:0.5"], "--schedule"),
        (["--pooling", "max"], "--pooling"),
        (["--select", "first"], "--select"),
    ])
    func impossibleHyperparametersNameTheFlag(arguments: [String], flag: String) throws {
        #expect {
            try RunOptions.parse(arguments).resolve().validate()
        } throws: { error in
            SERMain.describe(error).hasPrefix(flag + ":")
        }
    }

    @Test func badConfigFilesSayWhereAndWhy() throws {
        let folder = try ScratchFolder.make()
        let unknown = folder.appendingPathComponent("a.json")
        try #"{"epochz": 3}"#.write(to: unknown, atomically: true, encoding: .utf8)
        #expect { try RunOptions.parse(["--config", unknown.path]).resolve() } throws: { "\($0)".contains("epochz") }
        let wrongType = folder.appendingPathComponent("b.json")
        try #"{"epochs": "many"}"#.write(to: wrongType, atomically: true, encoding: .utf8)
        #expect { try RunOptions.parse(["--config", wrongType.path]).resolve() } throws: { "\($0)".contains("epochs") }
        let table = folder.appendingPathComponent("c.toml")
        try "[model]\nlayers = [1]\n".write(to: table, atomically: true, encoding: .utf8)
        #expect { try RunOptions.parse(["--config", table.path]).resolve() } throws: { "\($0)".contains("c.toml: is not a JSON object") }
        #expect { try RunOptions.parse(["--config", folder.appendingPathComponent("missing.toml").path]).resolve() } throws: {
            "\($0)".contains("missing.toml")
        }
    }

    @Test func everyStoredPropertyIsADeclaredSetting() {
        // The settings table is the one declaration: a property without its line in
        // RunSettings.all would be neither stored, nor settable, nor swept.
        let properties = Mirror(reflecting: RunSettings()).children.compactMap(\.label)
        #expect(properties.sorted() == RunSettings.keys.sorted())
        #expect(Set(RunSettings.keys).count == RunSettings.keys.count)
    }

    @Test func settingsRoundTripThroughTheirStoredJSON() throws {
        var s = RunSettings()
        s.split = .kfold(6)
        s.schedule = .step(every: 5, factor: 0.5)
        s.speedPerturb = [0.9, 1.1]
        s.splitSeed = 7
        s.monitor = .valF1
        let json = try s.json()
        #expect(json.contains(#""split":"kfold:6""#) && json.contains(#""schedule":"step:5:0.5""#) && json.contains(#""monitor":"val_f1""#))
        #expect(try JSONDecoder().decode(RunSettings.self, from: Data(json.utf8)) == s)
        #expect(!(try RunSettings().json()).contains("splitSeed"))
    }

    @Test func flagsOfEverySettingAreAccepted() throws {
        // Each setting's flag, derived from the table, reaches its setting.
        let s = try RunOptions.parse(["--max-frames", "150", "--split-seed=3", "--class-weights", "balanced", "--seed", "-1"]).resolve()
        #expect(s.maxFrames == 150 && s.splitSeed == 3 && s.classWeights == .balanced && s.seed == -1)
        #expect { try RunOptions.parse(["--max-frame", "150"]).resolve() } throws: { "\($0)".contains("--max-frames") }
        #expect { try RunOptions.parse(["--epochs"]).resolve() } throws: { "\($0)".contains("--epochs needs a value") }
    }

    @Test func aSettingThatNamesARunTakesAnyRunReference() throws {
        // `--teacher` takes the run's name (or last, @tag) where the command has a database.
        let named = try RunOptions.parse(["--teacher", "bs6x5"]).resolve(runs: { $0 == "bs6x5" ? 279 : -1 })
        #expect(named.teacher == 279)
        #expect(try RunOptions.parse(["--teacher", "12"]).resolve(runs: { _ in 279 }).teacher == 12, "an id is read as an id")
        #expect { try RunOptions.parse(["--teacher", "bs6x5"]).resolve() } throws: { "\($0)".contains("--teacher") }
        let folder = try ScratchFolder.make()
        let store = try Store.create(at: folder.appendingPathComponent("ser.db").path)
        #expect {
            try RunOptions.parse(["--teacher", "nosuch"]).resolve(runs: { try store.resolveRun($0) })
        } throws: { SERMain.describe($0).hasPrefix("--teacher:") && SERMain.describe($0).contains("nosuch") }
        #expect(RunSettings.all.filter(\.namesRun).map(\.key) == ["teacher"])
    }

    @Test func flattenedHyperparametersAreJSONValues() throws {
        let flat = try RunSettings().flattened()
        #expect(flat["lr"] == "0.001")
        #expect(flat["layers"] == "[128,64]")
        #expect(flat["optimizer"] == "\"adam\"")
    }

    @Test func recipesAreStartingPointsThatFlagsStillOverride() throws {
        let best = try RunOptions.parse(["--recipe", "best"]).resolve()
        #expect(best.recipe == .best)
        #expect(best.normalization == .cmvn && best.sequence == .masked && best.bidirectional)
        #expect(best.features == "mfcc40+chroma+contrast+logmel+pitch")
        #expect(best.augmenter.isActive)
        #expect(best.teacher == nil && best.distill == 1 && best.distillTemperature == 3, "distils only when given a teacher")
        #expect(best.modelConfig(inputDims: 189, classCount: 8, classWeights: nil).distillation == nil)
        try best.validate()
        #expect(best.layers == [96] && best.epochs == 40)
        // With a teacher, the student that won on validation: the same recipe, a BiLSTM of 128 for 80 epochs.
        let student = try RunOptions.parse(["--recipe", "best", "--teacher", "7"]).resolve()
        #expect(student.teacher == 7 && student.layers == [128] && student.epochs == 80 && student.distill == 1)
        #expect(student.distillCopies == .source, "consistent teaching lost to the longer schedule on validation")
        #expect(student.modelConfig(inputDims: 189, classCount: 8, classWeights: nil).distillation != nil)
        #expect(try RunOptions.parse(["--recipe", "best", "--teacher", "7", "--epochs", "5"]).resolve().epochs == 5)
        let file = try ScratchFolder.make().appendingPathComponent("student.json")
        try Data(#"{"recipe": "best", "teacher": 7}"#.utf8).write(to: file)
        #expect(try RunOptions.parse(["--config", file.path]).resolve().layers == [128])
        try Data(#"{"recipe": "best", "teacher": null}"#.utf8).write(to: file)
        #expect(try RunOptions.parse(["--config", file.path]).resolve().layers == [96])
        let tweaked = try RunOptions.parse(["--recipe", "best", "--epochs", "3", "--bidirectional", "false"]).resolve()
        #expect(tweaked.epochs == 3 && !tweaked.bidirectional && tweaked.pooling == .attention)
        let speaker = try RunOptions.parse(["--recipe", "best-speaker"]).resolve()
        #expect(speaker.recipe == .bestSpeaker && speaker.normalization == .speaker)
        #expect(speaker.features == RunSettings().features, "best-speaker keeps the 59 default features")
        #expect(speaker.layers == [128] && speaker.epochs == 60 && speaker.pooling == best.pooling)
        #expect(speaker.timeMasks == 3 && speaker.timeMaskWidth == 25 && speaker.featureNoise == 0.2)
        #expect(speaker.speedPerturb == [0.9, 1.1] && speaker.mixup == 0.2 && best.speedPerturb == [0.9, 1.1] && best.mixup == 0.2)
        try speaker.validate()
        #expect(try RunOptions.parse([]).resolve() == RunSettings())
        #expect { try RunOptions.parse(["--recipe", "magic"]).resolve() } throws: { SERMain.describe($0).hasPrefix("--recipe:") }
    }
}
