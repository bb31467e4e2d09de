// swift-tools-version:6.1
// `ser`: speech-emotion recognition over one SQLite file.
//
// Module graph (arrows point at dependencies):
//   ser → SERCLI → {SERStore, SERModel, SERFeatures, SERAudio, SERPlot, SERONNX} → SERCore
//   SERONNX → SwiftProtobuf (generated onnx.pb.swift, committed)
//   SERFeatures, SERModel → SERLinearAlgebra (the only importer of CBLAS)
//   SERFeatures, SERModel → SERKernels (our own C inner loops, vectorised by clang, and an AVX-512 GEMM)
//   SERPlot → CCairo (the only importer of cairo)
//   SERCore → CLibCrypto (the only importer of libcrypto: SHA256)
// Each C library is wrapped by one system-library target and imported by exactly one module.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "ser",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ser", targets: ["ser"]),
        // The application services, for other front ends and Swift programs.
        .library(name: "SERWorkbench", targets: ["SERWorkbench"]),
        // Figures, compare tables, run diffs and HTML reports as values.
        .library(name: "SERReports", targets: ["SERReports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // C libraries from Debian, one wrapper each.
        .systemLibrary(name: "CSndFile", pkgConfig: "sndfile", providers: [.apt(["libsndfile1-dev"])]),
        .systemLibrary(name: "CFFTW", pkgConfig: "fftw3f", providers: [.apt(["libfftw3-dev"])]),
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CSoxr", pkgConfig: "soxr", providers: [.apt(["libsoxr-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        // libxsmm and BLIS: only the GEMM benchmark links them (docs/BENCHMARKS-gemm.md). BLIS
        // ships no pkg-config file; libblis-serial-dev puts blis.h on the default path.
        .systemLibrary(name: "CXSMM", pkgConfig: "libxsmm", providers: [.apt(["libxsmm-dev"])]),
        .systemLibrary(name: "CBLIS", providers: [.apt(["libblis-serial-dev"])]),
        .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),

        // Value types, no I/O; SHA-256 from the system's libcrypto.
        .target(name: "SERCore", dependencies: ["CLibCrypto"], swiftSettings: strict),
        // The one Swift face of BLAS, shared by features and the model.
        .target(name: "SERLinearAlgebra", dependencies: ["CBLAS"], swiftSettings: strict),
        // Corpus logic: layout detection, file-name parsers, label mapping, manifests,
        // dataset-version hashing. Pure: no database, no decoding.
        .target(name: "SERCorpus", dependencies: ["SERCore"], swiftSettings: strict),
        // Decoding (libsndfile) and resampling (libsoxr).
        .target(name: "SERAudio", dependencies: ["SERCore", "CSndFile", "CSoxr"], swiftSettings: strict),
        // STFT, mel, MFCC, chroma, spectral contrast: pure functions over buffers.
        // Inner loops Swift does not vectorise (contrast selection, dot products, the STFT's
        // window and |X|, the LSTM cell), in plain C for clang's vectoriser. No unsafe flags
        // (the package can be a dependency): FMA contraction is off by a pragma in the
        // sources, sqrt is errno-free by a builtin; docs/BENCHMARKS-flags.md has the numbers.
        .target(name: "SERKernels"),
        .target(name: "SERFeatures", dependencies: ["SERCore", "SERLinearAlgebra", "SERKernels", "CFFTW"], swiftSettings: strict),
        // LSTM, dense, losses, optimizers, metrics: pure.
        .target(name: "SERModel", dependencies: ["SERCore", "SERLinearAlgebra", "SERKernels"], swiftSettings: strict),
        // Experiment logic over clip metadata: splits, folds, resolved run configuration (pure).
        .target(name: "SERExperiment", dependencies: ["SERCore"], swiftSettings: strict),
        // The database: migrations (embedded at build time), records, queries.
        .target(
            name: "SERStore",
            dependencies: ["SERCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict,
            plugins: ["EmbedMigrations"]
        ),
        // ONNX export/import of a trained classifier: weights + architecture in, serialized
        // ModelProto bytes out (and back). Pure; `onnx.pb.swift` is generated once by
        // scripts/generate-onnx-proto.sh and committed (protoc is not part of the build).
        .target(
            name: "SERONNX",
            dependencies: ["SERCore", .product(name: "SwiftProtobuf", package: "swift-protobuf")],
            swiftSettings: strict
        ),
        // Charts and reports: a small chart layer over cairo (PNG, SVG, PDF); knows no database.
        .target(name: "SERPlot", dependencies: ["SERCore", "CCairo"], swiftSettings: strict),
        // Application services: import, feature cache, training, sweeps, ensembles, evaluation,
        // trained models. No argument parsing, no standard output: observers, a cancellation
        // token and typed errors (see docs/ARCHITECTURE.md).
        .target(
            name: "SERWorkbench",
            dependencies: [
                "SERCore", "SERCorpus", "SERAudio", "SERFeatures", "SERModel", "SERStore", "SERExperiment", "SERLinearAlgebra",
                "SERONNX",
            ],
            swiftSettings: strict,
            plugins: ["EmbedBuildInfo"]
        ),
        // Figures, compare tables, diffs and HTML reports as values, for every front end.
        .target(
            name: "SERReports",
            dependencies: ["SERCore", "SERStore", "SERPlot", "SERFeatures", "SERAudio", "SERWorkbench"],
            swiftSettings: strict
        ),
        // A team remote on PostgreSQL: its own migrations, push and pull of runs by UUID and
        // content hash (postgres-nio; the only importer of PostgresNIO).
        .target(
            name: "SERRemote",
            dependencies: ["SERCore", "SERStore", .product(name: "PostgresNIO", package: "postgres-nio")],
            swiftSettings: strict
        ),
        // Queue workers and enqueueing (`ser worker`, `--queue`): a front end over the
        // workbench and a remote.
        .target(name: "SERWorker", dependencies: ["SERCore", "SERStore", "SERWorkbench", "SERRemote"], swiftSettings: strict),
        // The command line: argument parsing, console rendering, progress bars, signals.
        .target(
            name: "SERCLI",
            dependencies: [
                "SERCore", "SERCorpus", "SERAudio", "SERFeatures", "SERModel", "SERStore", "SERPlot", "SERExperiment",
                "SERLinearAlgebra", "SERONNX", "SERWorkbench", "SERReports", "SERDashboard", "SERRemote", "SERWorker",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // The browser dashboard (`ser ui`): an HTTP server over the database opened read-only.
        .target(
            name: "SERDashboard",
            dependencies: [
                "SERCore", "SERStore", "SERPlot", "SERAudio", "SERWorkbench", "SERReports",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "ser", dependencies: ["SERCLI"], swiftSettings: strict),
        // Benchmarks (swift run -c release bench-…): numbers in README and docs/BENCHMARKS-*.md.
        .executableTarget(
            name: "bench-model", dependencies: ["SERModel", "SERCore", "SERLinearAlgebra", "SERKernels", "SERAudio"],
            path: "Benchmarks/bench-model", swiftSettings: strict),
        // libxsmm and BLIS behind SERModel's GEMM engine interface, and the benchmark that
        // compares them with ser_gemm and OpenBLAS (scripts/bench-gemm.sh).
        .target(
            name: "GEMMLibraries", dependencies: ["SERModel", "CXSMM", "CBLIS"], path: "Benchmarks/GEMMLibraries", swiftSettings: strict),
        .executableTarget(
            name: "bench-gemm", dependencies: ["GEMMLibraries", "SERModel", "SERCore", "SERKernels", "SERLinearAlgebra"],
            path: "Benchmarks/bench-gemm", swiftSettings: strict),
        .executableTarget(
            name: "bench-features", dependencies: ["SERFeatures", "SERAudio", "SERCore"], path: "Benchmarks/bench-features",
            swiftSettings: strict),
        // Fuzz targets (audio headers, CSV manifests, --where): scripts/fuzz.sh builds them with
        // libFuzzer (-DFUZZING); a plain build is a replayer of the committed Fuzz/corpus.
        .executableTarget(
            name: "fuzz-inputs", dependencies: ["SERAudio", "SERCorpus", "SERStore", "SERTestSupport"], path: "Fuzz/fuzz-inputs",
            swiftSettings: strict),

        // Build-time tool: turns Migrations/*.sql into Swift source compiled into SERStore.
        .executableTarget(name: "embed-migrations", swiftSettings: strict),
        .plugin(name: "EmbedBuildInfo", capability: .buildTool()),
        .plugin(
            name: "EmbedMigrations",
            capability: .buildTool(),
            dependencies: ["embed-migrations"]
        ),

        // Fixtures shared by the test targets (generated WAVs, a comparison database).
        .target(
            name: "SERTestSupport", dependencies: ["SERStore", "SERCore", "SERPlot", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/SERTestSupport"),
        .testTarget(name: "SERCoreTests", dependencies: ["SERCore"]),
        .testTarget(name: "SERKernelsTests", dependencies: ["SERKernels", "SERCore"]),
        .testTarget(name: "SERCorpusTests", dependencies: ["SERCorpus", "SERCore"]),
        .testTarget(name: "SERAudioTests", dependencies: ["SERTestSupport", "SERAudio", "SERCore"]),
        .testTarget(name: "SERFeaturesTests", dependencies: ["SERFeatures", "SERAudio", "SERCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SERModelTests", dependencies: ["SERModel", "SERCore", "SERLinearAlgebra"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SERExperimentTests", dependencies: ["SERExperiment", "SERCore"]),
        .testTarget(
            name: "SERStoreTests", dependencies: ["SERTestSupport", "SERStore", "SERCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "SERONNXTests", dependencies: ["SERONNX", "SERCore"]),
        .testTarget(name: "SERPlotTests", dependencies: ["SERTestSupport", "SERPlot", "SERCore"]),
        .testTarget(
            name: "SERWorkbenchTests",
            dependencies: ["SERTestSupport", "SERWorkbench", "SERStore", "SERCore", .product(name: "GRDB", package: "GRDB.swift")]),
        // A second consumer: depends on the SERWorkbench product alone, as another program would.
        .testTarget(name: "WorkbenchConsumerTests", dependencies: [.target(name: "SERWorkbench")], path: "Tests/WorkbenchConsumer"),
        .testTarget(name: "SERReportsTests", dependencies: ["SERTestSupport", "SERReports", "SERPlot", "SERStore", "SERCore"]),
        .testTarget(
            name: "SERDashboardTests",
            dependencies: [
                "SERTestSupport", "SERDashboard", "SERWorkbench", "SERStore", "SERCore", .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(name: "SERTestSupportTests", dependencies: ["SERTestSupport"]),
        .testTarget(
            name: "SERRemoteTests",
            dependencies: ["SERTestSupport", "SERRemote", "SERStore", "SERCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "SERWorkerTests",
            dependencies: [
                "SERTestSupport", "SERWorker", "SERWorkbench", "SERRemote", "SERStore", "SERCore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "SERCLITests",
            dependencies: [
                "SERTestSupport", "SERCLI", "SERWorkbench", "SERReports", "SERStore", "SERCore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
    ]
)
