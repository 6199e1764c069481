// swift-tools-version: 6.0
// libFuzzer targets for Bearings's parsers: one executable per parser, each depending on BearingsKit
// by path. Outside Sources/, so the package's own build and tests never see them. `Fuzz/run` builds
// them with `-sanitize=fuzzer,address` and runs each one; see docs/reliability.md.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which is whatever the checkout is called.
let bearings = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

let fuzzTargets = [
    "FuzzMarkdown", "FuzzFrontMatter", "FuzzSnapshot", "FuzzValue", "FuzzDecision", "FuzzSeries", "FuzzSourceText",
    "FuzzExpectation", "FuzzEvents", "FuzzSeriesNotes", "FuzzImported", "FuzzCollectBlock",
]

let package = Package(
    name: "BearingsFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "..")],
    targets: [.target(name: "FuzzDriver")]
        + fuzzTargets.map { name in
            // libFuzzer and ASan for the entry point (its top-level code hands main over to libFuzzer's
            // driver, see FuzzDriver.h); BearingsKit and its dependencies get ASan and
            // the same coverage instrumentation from `Fuzz/run`'s -Xswiftc flags (a global -sanitize=fuzzer
            // would also link libFuzzer's main into the template-embedding build tool, which then fails).
            .executableTarget(
                name: name, dependencies: ["FuzzDriver", .product(name: "BearingsKit", package: bearings)],
                swiftSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])],
                linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])])
        }
)
