// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "zhudian",
    // Interrupt uses Synchronization's Atomic, which macOS has from 15 on.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "zhudian", targets: ["zhudian"]),
        .executable(name: "zhudian-bench", targets: ["zhudian-bench"]),
        .library(name: "ZhudianCore", targets: ["ZhudianCore"]),
        .library(name: "ZhudianScenario", targets: ["ZhudianScenario"]),
        .library(name: "ZhudianPlanner", targets: ["ZhudianPlanner"]),
        .library(name: "ZhudianExport", targets: ["ZhudianExport"]),
        .library(name: "MIPModel", targets: ["MIPModel"]),
        .library(name: "GLPK", targets: ["GLPK"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        // The xlsx package is a zip archive; ZhudianExport only.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // Debian ships no glpk.pc, so the library is linked by name only.
        .systemLibrary(
            name: "CGLPK", path: "Sources/CGLPK",
            providers: [.apt(["libglpk-dev"])]),
        .target(name: "CGLPKGuard", dependencies: ["CGLPK"]),
        .target(name: "MIPModel"),
        .target(name: "GLPK", dependencies: ["CGLPK", "CGLPKGuard", "MIPModel"]),
        // The official holidays (scripts/official-calendar.py writes the file).
        .target(name: "ZhudianCore", resources: [.copy("Calendar/official-cn.json")]),
        // libyaml's event parser, which Yams keeps internal (see Sources/CLibYAML/README.md).
        .target(name: "CLibYAML", exclude: ["LICENSE", "README.md"], cSettings: [.define("YAML_DECLARE_STATIC")]),
        .target(
            name: "ZhudianScenario",
            dependencies: [
                "ZhudianCore", "CLibYAML", .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .target(name: "ZhudianPlanner", dependencies: ["ZhudianCore", "MIPModel"]),
        .target(
            name: "ZhudianExport",
            dependencies: ["ZhudianCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(
            name: "ZhudianCLI",
            dependencies: [
                "ZhudianCore", "ZhudianScenario", "ZhudianPlanner", "ZhudianExport", "MIPModel", "GLPK",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "zhudian", dependencies: ["ZhudianCLI", "GLPK"]),
        .executableTarget(
            name: "zhudian-bench",
            dependencies: ["ZhudianCore", "ZhudianScenario", "ZhudianPlanner", "GLPK", "MIPModel"]),
        .target(name: "ZhudianFuzz", dependencies: ["ZhudianCore"]),
        .executableTarget(name: "zhudian-fuzz", dependencies: ["ZhudianFuzz"]),
        .executableTarget(name: "zhudian-loader-fuzz", dependencies: ["ZhudianScenario"]),
        .target(name: "ZhudianTestSupport", dependencies: ["ZhudianCore"], path: "Tests/ZhudianTestSupport"),

        .testTarget(name: "MIPModelTests", dependencies: ["MIPModel"]),
        .testTarget(name: "GLPKTests", dependencies: ["GLPK", "MIPModel", "CGLPK", "CGLPKGuard"]),
        .testTarget(name: "ZhudianCoreTests", dependencies: ["ZhudianCore", "ZhudianTestSupport"]),
        .testTarget(
            name: "ZhudianScenarioTests", dependencies: ["ZhudianScenario", "ZhudianCore"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ZhudianPlannerTests",
            dependencies: ["ZhudianPlanner", "ZhudianCore", "ZhudianScenario", "GLPK", "MIPModel", "ZhudianTestSupport"]),
        .testTarget(
            name: "ZhudianCLITests", dependencies: ["ZhudianCLI", "ZhudianCore", "ZhudianScenario", "ZhudianFuzz"],
            resources: [.copy("Golden")]),
        .testTarget(
            name: "ZhudianExportTests", dependencies: ["ZhudianExport", "ZhudianCore", "ZhudianScenario"],
            exclude: ["Fixtures"], resources: [.copy("Golden")]),
    ],
    swiftLanguageModes: [.v6]
)
