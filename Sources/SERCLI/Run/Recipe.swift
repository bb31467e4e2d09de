/// Named starting points for `ser run --recipe NAME`; flags and `--config` still override
/// every setting, and the resolved values are what the run records.
enum Recipe: String, CaseIterable {
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
    var overrides: [String: Any] {
        switch self {
        case .seed:
            return ["recipe": "seed"]
        case .bestSpeaker:
            var overrides = Recipe.best.overrides
            overrides["recipe"] = "best-speaker"
            overrides["normalization"] = "speaker"
            overrides["layers"] = [128]
            overrides["epochs"] = 60
            overrides["timeMasks"] = 3
            overrides["timeMaskWidth"] = 25
            overrides["featureNoise"] = 0.2
            return overrides
        case .best:
            return [
                "recipe": "best",
                "normalization": "cmvn",
                "sequence": "masked",
                "maxFrames": 250,
                "bidirectional": true,
                "layers": [96],
                "pooling": "attention",
                "dense": [64],
                "dropout": 0.4,
                "epochs": 40,
                "lr": 2e-3,
                "schedule": "cosine",
                "labelSmoothing": 0.1,
                "classWeights": "balanced",
                "monitor": "val_f1",
                "select": "best",
                "validationFraction": 0.15,
                "timeMasks": 2,
                "timeMaskWidth": 20,
                "featureMasks": 2,
                "featureMaskWidth": 6,
                "featureNoise": 0.1,
                "speedPerturb": [0.9, 1.1],
                "mixup": 0.2,
            ]
        }
    }
}
