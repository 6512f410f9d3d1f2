// swift-tools-version:6.0
import PackageDescription

/// libFuzzer targets, kept out of the main package so that it stays lean. Build and run them with
/// `Tests/Fuzz/run.sh SECONDS`; this package has its own `.build` folder under `Tests/Fuzz/`
/// (git-ignored).
///
/// Each target defines `LLVMFuzzerTestOneInput` with `@_cdecl` and a `@main` that hands it to
/// libFuzzer's `LLVMFuzzerRunDriver`. `run.sh` builds everything (the root package too) with
/// `-sanitize=address -sanitize-coverage=…` and links `libclang_rt.fuzzer_no_main`: the plain
/// `-sanitize=fuzzer` would force libFuzzer's `main` into every executable, the root package's
/// build tool `embed-files` included, and SwiftPM already renames each executable's `main`.
let kit: Target.Dependency = .product(name: "SubsidyKit", package: "subsidy")

let package = Package(
    name: "SubsidyFuzz",
    dependencies: [
        .package(name: "subsidy", path: "../.."),
    ],
    targets: [
        .target(name: "CFuzzer"),
        .executableTarget(name: "FuzzLoader", dependencies: [kit, "CFuzzer"]),
        .executableTarget(name: "FuzzMeasure", dependencies: [kit, "CFuzzer"]),
        .executableTarget(name: "FuzzRules", dependencies: [kit, "CFuzzer"]),
        .executableTarget(name: "FuzzClassify", dependencies: [kit, "CFuzzer"]),
    ]
)
