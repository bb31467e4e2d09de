/// Named starting points for `ser run --recipe NAME`; flags and `--config` still override
/// every setting, and the resolved values are what the run records.
public enum Recipe: String, CaseIterable, Sendable {
    /// The seed pipeline, faithfully: the defaults of ``RunSettings``.
    case seed
    /// The strongest speaker-independent recipe found on RAVDESS (README, "Accuracy on
    /// unseen speakers"): per-utterance CMVN, real clip lengths, a bidirectional LSTM with
    /// attention pooling, SpecAugment-style masking and feature noise, speed perturbation
    /// 0.9/1.1 and mixup α 0.2, label smoothing,
    /// balanced class weights, a cosine schedule, and the best epoch chosen on
    /// speaker-disjoint validation data.
    case best
    /// The strongest recipe when every speaker comes with several unlabelled utterances: `best`
    /// with per-speaker z-scores (`--normalization speaker`), a BiLSTM of 128, 60 epochs,
    /// stronger augmentation (3 time masks up to 25 frames, feature noise 0.2), speed
    /// perturbation 0.9/1.1 and mixup α 0.2, chosen among candidates by validation F1 inside
    /// the training folds (README). A model trained this way is used with `ser evaluate` on
    /// whole speakers; predict and export refuse it.
    case bestSpeaker = "best-speaker"

    /// The settings this recipe changes from the defaults.
    public var overrides: [String: JSONValue] {
        switch self {
        case .seed:
            return ["recipe": .string("seed")]
        case .bestSpeaker:
            var overrides = Recipe.best.overrides
            overrides["recipe"] = .string("best-speaker")
            overrides["normalization"] = .string("speaker")
            overrides["layers"] = .array([.int(128)])
            overrides["epochs"] = .int(60)
            overrides["timeMasks"] = .int(3)
            overrides["timeMaskWidth"] = .int(25)
            overrides["featureNoise"] = .double(0.2)
            return overrides
        case .best:
            return [
                "recipe": .string("best"),
                "normalization": .string("cmvn"),
                "sequence": .string("masked"),
                "maxFrames": .int(250),
                "bidirectional": .bool(true),
                "layers": .array([.int(96)]),
                "pooling": .string("attention"),
                "dense": .array([.int(64)]),
                "dropout": .double(0.4),
                "epochs": .int(40),
                "lr": .double(2e-3),
                "schedule": .string("cosine"),
                "labelSmoothing": .double(0.1),
                "classWeights": .string("balanced"),
                "monitor": .string("val_f1"),
                "select": .string("best"),
                "validationFraction": .double(0.15),
                "timeMasks": .int(2),
                "timeMaskWidth": .int(20),
                "featureMasks": .int(2),
                "featureMaskWidth": .int(6),
                "featureNoise": .double(0.1),
                "speedPerturb": .array([.double(0.9), .double(1.1)]),
                "mixup": .double(0.2),
            ]
        }
    }
}
