public import SERCore
/// Named starting points for `ser run --recipe NAME`; flags and `--config` still override
/// every setting, and the resolved values are what the run records.
public enum Recipe: String, CaseIterable, Sendable {
    /// The seed pipeline, faithfully: the defaults of ``RunSettings``.
    case seed
    /// The strongest speaker-independent recipe found on RAVDESS (README, "Accuracy on
    /// unseen speakers"): MFCC 40 + chroma + contrast + the 128-band log-mel spectrogram +
    /// the YIN pitch track (189 dims; log-mel since session 9, pitch since session 10, each
    /// chosen on validation F1 averaged over three seeds),
    /// per-utterance CMVN, real clip lengths, a bidirectional LSTM with
    /// attention pooling, SpecAugment-style masking and feature noise, speed perturbation
    /// 0.9/1.1 and mixup α 0.2, label smoothing,
    /// balanced class weights, a cosine schedule, and the best epoch chosen on
    /// speaker-disjoint validation data: a BiLSTM of 96 for 40 epochs. With `--teacher` (a
    /// `best-speaker` ensemble on the same folds, README) it trains the student that won on
    /// validation F1: distillation with temperature 3 (session 11) and β 1 into a BiLSTM of
    /// 128 (session 12) for 80 epochs (session 13).
    case best
    /// The strongest recipe when every speaker comes with several unlabelled utterances: `best`
    /// on the default 59 features (without log-mel) with per-speaker z-scores (`--normalization speaker`), a BiLSTM of 128, 60 epochs,
    /// stronger augmentation (3 time masks up to 25 frames, feature noise 0.2), speed
    /// perturbation 0.9/1.1 and mixup α 0.2, chosen among candidates by validation F1 inside
    /// the training folds (README). A model trained this way deploys through an enrolment of
    /// each new speaker: `ser enroll`, `ser predict --enroll`/`--speaker`, `ser evaluate
    /// --enroll-clips N`, and `ser export` to an ONNX graph that takes the speaker's statistics.
    case bestSpeaker = "best-speaker"

    /// The settings this recipe changes from the defaults; `distilling` when the run has a
    /// `--teacher` (only `best` differs then).
    public func overrides(distilling: Bool) -> [String: JSONValue] {
        switch self {
        case .seed:
            return ["recipe": .string("seed")]
        case .bestSpeaker:
            var overrides = Recipe.best.overrides(distilling: false)
            overrides["recipe"] = .string("best-speaker")
            overrides["features"] = .string(RunSettings().features)
            overrides["normalization"] = .string("speaker")
            overrides["layers"] = .array([.integer(128)])
            overrides["epochs"] = .integer(60)
            overrides["timeMasks"] = .integer(3)
            overrides["timeMaskWidth"] = .integer(25)
            overrides["featureNoise"] = .number(0.2)
            return overrides
        case .best:
            var overrides: [String: JSONValue] = [
                "recipe": .string("best"),
                "features": .string("mfcc40+chroma+contrast+logmel+pitch"),
                "normalization": .string("cmvn"),
                "sequence": .string("masked"),
                "maxFrames": .integer(250),
                "bidirectional": .bool(true),
                "layers": .array([.integer(96)]),
                "pooling": .string("attention"),
                "dense": .array([.integer(64)]),
                "dropout": .number(0.4),
                "epochs": .integer(40),
                "lr": .number(2e-3),
                "schedule": .string("cosine"),
                "labelSmoothing": .number(0.1),
                "classWeights": .string("balanced"),
                "monitor": .string("val_f1"),
                "select": .string("best"),
                "validationFraction": .number(0.15),
                "timeMasks": .integer(2),
                "timeMaskWidth": .integer(20),
                "featureMasks": .integer(2),
                "featureMaskWidth": .integer(6),
                "featureNoise": .number(0.1),
                "speedPerturb": .array([.number(0.9), .number(1.1)]),
                "mixup": .number(0.2),
                "distill": .number(1),
                "distillTemperature": .number(3),
            ]
            if distilling {
                overrides["layers"] = .array([.integer(128)])
                overrides["epochs"] = .integer(80)
            }
            return overrides
        }
    }
}
