// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Bearings",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "bearings", targets: ["bearings"]),
        .library(name: "BearingsKit", targets: ["BearingsKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // libcmark-gfm and its extensions, found through pkg-config (Debian: libcmark-gfm-dev,
        // libcmark-gfm-extensions-dev). Only libcmark-gfm is linked, never libcmark.
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The library is split along the build's pipeline (issue #26), one target per stage, each
        // depending only on the stages before it, so an upward reference (Model naming a page, Analysis
        // naming a chart) is a compile error. A type or member one stage hands to a later one is
        // `package`; what users and the commands call stays `public`, re-exported by BearingsKit.
        // Support (small helpers) and Model (the data set's types).
        .target(name: "BearingsModel"),
        // Collect (the sources' descriptions: requests and readings, no HTTP) and Parsing (Markdown,
        // front matter, values, series).
        .target(
            name: "BearingsParsing",
            dependencies: [
                "BearingsModel",
                "Ccmark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // Reads the data folder into a checked data set.
        .target(name: "BearingsLoading", dependencies: ["BearingsModel", "BearingsParsing"]),
        // Series, bets, standings and takeaways: the report the renderer reads.
        .target(name: "BearingsAnalysis", dependencies: ["BearingsModel", "BearingsParsing", "BearingsLoading"]),
        // SVG charts.
        .target(
            name: "BearingsCharts",
            dependencies: ["BearingsModel", "BearingsParsing", "BearingsLoading", "BearingsAnalysis"]
        ),
        // Rendering (the pages, compiled from templates/ by the plugin) and Site (what is written).
        .target(
            name: "BearingsRendering",
            dependencies: [
                "BearingsModel", "BearingsParsing", "BearingsLoading", "BearingsAnalysis", "BearingsCharts",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            plugins: ["EmbedTemplatesPlugin"]
        ),
        // The library's product: Scaffold (`init`, `new`), the build's stages (Build.swift) and the
        // stages' public API, re-exported (Exports.swift), so `import BearingsKit` is the whole API.
        .target(
            name: "BearingsKit",
            dependencies: [
                "BearingsModel", "BearingsParsing", "BearingsLoading", "BearingsAnalysis", "BearingsCharts",
                "BearingsRendering",
            ]
        ),
        // `bearings serve`: the preview server. Its own target keeps BearingsKit free of the HTTP stack.
        .target(
            name: "BearingsServe",
            dependencies: [
                "BearingsKit",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        // `bearings collect`: asks public services for the numbers. Its own target keeps BearingsKit free
        // of the HTTP stack (FoundationNetworking); the sources' requests and readings are in BearingsParsing.
        .target(name: "BearingsCollect", dependencies: ["BearingsKit"]),
        .executableTarget(
            name: "bearings",
            dependencies: [
                "BearingsKit",
                "BearingsServe",
                "BearingsCollect",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Turns templates/ into Swift: string literals (the text a --templates folder's partials fall
        // back to) and, through TemplateCompiler, one function per template, so that templates/ is
        // the one source of the built-in pages.
        .target(name: "TemplateCompiler"),
        .executableTarget(name: "EmbedTemplates", dependencies: ["TemplateCompiler"]),
        .plugin(
            name: "EmbedTemplatesPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedTemplates"]
        ),
        .testTarget(
            name: "BearingsKitTests",
            dependencies: [
                "BearingsModel", "BearingsParsing", "BearingsLoading", "BearingsAnalysis", "BearingsCharts",
                "BearingsRendering", "BearingsKit", "TemplateCompiler",
            ],
            exclude: ["Fixtures", "Snapshots", "TemplateCases"],
            plugins: ["EmbedTemplatesPlugin"]
        ),
        .testTarget(
            name: "BearingsCollectTests",
            dependencies: [
                "BearingsCollect", "BearingsModel", "BearingsParsing", "BearingsKit",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "BearingsServeTests",
            dependencies: ["BearingsServe", "BearingsKit"]
        ),
    ]
)
