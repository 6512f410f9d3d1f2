// swift-tools-version:6.0
import PackageDescription

/// Settings shared by every Swift target of the package.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "subsidy",
    products: [
        .executable(name: "subsidy", targets: ["subsidy"]),
        .library(name: "SubsidyKit", targets: ["Driver"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // `subsidy serve` (Sources/Server): Hummingbird 2 on SwiftNIO; see README "Web page".
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // The fence: the only target allowed `Unsafe*`, `Unmanaged`, `@exclusivity` and `@unchecked
        // Sendable` (besides the libyaml binding and the file reader); `.ci/check-fence` enforces it.
        .target(name: "FastPath", swiftSettings: strictSettings),
        .target(name: "Diagnostics", dependencies: ["FastPath"], swiftSettings: strictSettings),
        .target(name: "YAMLLoader", dependencies: ["CYAML", "Diagnostics"], swiftSettings: strictSettings),
        .target(name: "Measures", dependencies: ["YAMLLoader", "Diagnostics", "JSONText", "RulesCorpus", "FastPath"], swiftSettings: strictSettings),
        .target(
            name: "RuleCompiler",
            dependencies: ["YAMLLoader", "Diagnostics", "Measures", "Localization", "FastPath"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Engine",
            dependencies: ["RuleCompiler", "Measures", "Diagnostics", "FastPath"],
            swiftSettings: strictSettings
        ),
        .target(name: "JSONText", swiftSettings: strictSettings),
        .target(name: "Localization", dependencies: ["YAMLLoader", "Diagnostics", "Measures"], swiftSettings: strictSettings),
        .target(name: "Reporting", dependencies: ["Diagnostics", "JSONText"], swiftSettings: strictSettings),
        .target(
            name: "Schedules",
            dependencies: ["YAMLLoader", "Diagnostics", "Measures", "RuleCompiler", "Engine"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "RulesCorpus",
            plugins: ["EmbedFilesPlugin"]
        ),
        .target(
            name: "Driver",
            dependencies: ["YAMLLoader", "Measures", "RuleCompiler", "Engine", "Reporting", "Schedules", "RulesCorpus", "JSONText", "Localization", "FastPath"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "subsidy",
            dependencies: ["Driver", "Server", "FastPath", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Server",
            dependencies: [
                "Driver", "Measures", "Engine", "RuleCompiler", "YAMLLoader", "Diagnostics", "JSONText", "WebAssets", "Localization",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strictSettings
        ),
        .target(name: "WebAssets", plugins: ["EmbedFilesPlugin"]),
        .executableTarget(name: "embed-files", path: "Sources/EmbedFiles"),
        .plugin(
            name: "EmbedFilesPlugin",
            capability: .buildTool(),
            dependencies: ["embed-files"],
            path: "Sources/EmbedFilesPlugin"
        ),
        .target(name: "TestSupport", dependencies: ["Diagnostics"], path: "Tests/TestSupport"),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics", "TestSupport"]),
        .testTarget(name: "YAMLLoaderTests", dependencies: ["YAMLLoader", "TestSupport"]),
        .testTarget(name: "MeasuresTests", dependencies: ["Measures", "YAMLLoader", "TestSupport"]),
        .testTarget(name: "RuleCompilerTests", dependencies: ["RuleCompiler", "Engine", "Driver", "TestSupport"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "RuleCompiler", "Driver", "FastPath", "TestSupport"]),
        .testTarget(name: "FastPathTests", dependencies: ["FastPath"]),
        .testTarget(
            name: "ReportingTests",
            dependencies: ["Reporting", "Driver", "TestSupport"],
            resources: [.copy("Resources")]
        ),
        .testTarget(name: "SchedulesTests", dependencies: ["Schedules", "Driver", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "LocalizationTests", dependencies: ["Localization", "Measures", "YAMLLoader", "TestSupport"]),
        .testTarget(name: "ServerTests", dependencies: ["Server", "Driver", "Engine", "RuleCompiler", "Measures", "JSONText", "TestSupport"]),
        .testTarget(name: "LintTests", dependencies: ["Driver", "Reporting", "Measures", "Diagnostics", "TestSupport"], exclude: ["Golden"]),
    ]
)
