// swift-tools-version:6.0
import PackageDescription

/// The loader benchmark, kept out of the main package so that it stays lean. Build it in release
/// mode (`Benchmarks/run.sh` does); it has its own `.build` folder under `Benchmarks/`.
let package = Package(
    name: "SubsidyBenchmarks",
    dependencies: [
        .package(name: "subsidy", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "LoaderBenchmark",
            dependencies: [.product(name: "SubsidyKit", package: "subsidy")]
        ),
        .executableTarget(
            name: "ClassifyBenchmark",
            dependencies: [.product(name: "SubsidyKit", package: "subsidy")]
        ),
        .executableTarget(
            name: "CatalogueBenchmark",
            dependencies: [.product(name: "SubsidyKit", package: "subsidy")]
        ),
        .executableTarget(
            name: "EquivalenceBenchmark",
            dependencies: [.product(name: "SubsidyKit", package: "subsidy")]
        ),
    ]
)
