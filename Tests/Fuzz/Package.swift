// swift-tools-version:6.0
import PackageDescription

/// libFuzzer targets, kept out of the main package so that it stays lean. Build and run them with
/// `Tests/Fuzz/run.sh SECONDS` (Linux: `-sanitize=fuzzer,address`); this package has its own
/// `.build` folder under `Tests/Fuzz/` (git-ignored).
///
/// Each target has no `main`: its one file (not `main.swift`) defines `LLVMFuzzerTestOneInput`
/// with `@_cdecl`, and libFuzzer supplies `main` at link time.
let kit: Target.Dependency = .product(name: "SubsidyKit", package: "subsidy")

let package = Package(
    name: "SubsidyFuzz",
    dependencies: [
        .package(name: "subsidy", path: "../.."),
    ],
    targets: [
        .executableTarget(name: "FuzzLoader", dependencies: [kit]),
        .executableTarget(name: "FuzzMeasure", dependencies: [kit]),
        .executableTarget(name: "FuzzRules", dependencies: [kit]),
        .executableTarget(name: "FuzzClassify", dependencies: [kit]),
    ]
)
