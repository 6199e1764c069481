import Foundation
import Testing

/// SPEC §5: "a successful build replaces the output folder as a whole, so a reader never sees half
/// a site". The `bearings` executable is killed with SIGKILL at different moments of a rebuild over
/// an existing site; after each kill the output folder must still be one whole site, byte for byte:
/// the previous one, or (when the kill came after the swap) the new one.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct CrashSafetyTests {
    /// A kill moment: a fixed delay after the start, or the first sign of a stage of the build.
    enum Moment: CustomStringConvertible {
        /// Milliseconds after launch: the data is still being read.
        case after(milliseconds: Int)
        /// As soon as this path exists inside the temporary folder the build writes into.
        case stagingHolds(String)

        var description: String {
            switch self {
            case .after(let milliseconds): "\(milliseconds) ms after launch"
            case .stagingHolds(let path): "when the temporary folder holds \(path)"
            }
        }
    }

    /// Files are written in byte order of their paths (`SitePlan.paths`), so these appear in turn:
    /// the marker first, a snapshot page halfway, `trends.html` last, right before the swap.
    static let moments: [Moment] = [
        .after(milliseconds: 50), .after(milliseconds: 150), .after(milliseconds: 400),
        .stagingHolds(".bearings-site"), .stagingHolds("decisions/0060-decision-60.html"),
        .stagingHolds("snapshots/\(GeneratedData.day(GeneratedData.snapshotCount / 2)).html"),
        .stagingHolds("trends.html"),
    ]

    @Test func aBuildKilledAtAnyMomentLeavesAWholeSiteAndTheNextBuildCleansUp() throws {
        let bearings = try #require(
            Self.executable(), "build the bearings executable first (`swift build`): \(Self.candidates.map(\.path))")
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data")
        let output = folder.appendingPathComponent("out/site")
        try GeneratedData.write(to: data, edition: 1)

        let first = try Self.run(bearings, data: data, output: output, in: folder)
        #expect(first == 0)
        let previous = filesUnder(output)
        try #require(previous.count > GeneratedData.snapshotCount, "the first build wrote \(previous.count) files")

        // The second edition changes the project name, so every page of the new site differs.
        try GeneratedData.write(to: data, edition: 2)
        var afterKills: [(moment: Moment, files: [String: Data], report: String)] = []
        for moment in Self.moments {
            let process = try Self.start(bearings, data: data, output: output, in: folder)
            let started = DispatchTime.now().uptimeNanoseconds
            let staging = output.deletingLastPathComponent()
                .appendingPathComponent(".site.bearings-tmp-\(process.processIdentifier)")
            Self.wait(for: moment, staging: staging, while: process)
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            let milliseconds = (DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
            process.waitUntilExit()
            let how =
                process.terminationReason == .uncaughtSignal ? "killed after \(milliseconds) ms" : "finished first"
            afterKills.append((moment, filesUnder(output), "\(moment): \(how)"))
        }

        let last = try Self.run(bearings, data: data, output: output, in: folder)
        #expect(last == 0)
        let new = filesUnder(output)
        #expect(new != previous)
        for (moment, files, report) in afterKills {
            let isWhole = files == previous || files == new
            #expect(isWhole, "killed \(moment): the output folder is neither site (\(files.count) files)")
            // One line per kill in the test log: the moments reached and which site survived.
            print(
                "crash safety: \(report); output: \(files == previous ? "previous site" : files == new ? "new site" : "BROKEN")"
            )
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        #expect(leftovers == ["site"])
    }

    /// The one moment timed kills almost never hit: inside the swap itself. strace delays the return
    /// of the build's first rename-family system call by 2 s, and the build is killed meanwhile. With
    /// two renames (old site aside, new site in) this left no folder at all at the output path.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/strace"), "needs strace"))
    func aBuildKilledDuringTheSwapLeavesAWholeSite() throws {
        let bearings = try #require(Self.executable(), "build the bearings executable first (`swift build`)")
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out/site")
        let small = siteFixtures.appendingPathComponent("small/data")
        let minimal = siteFixtures.appendingPathComponent("minimal/data")
        #expect(try Self.run(bearings, data: small, output: output, in: folder) == 0)
        let previous = filesUnder(output)

        let log = folder.appendingPathComponent("strace.log")
        let strace = Process()
        strace.executableURL = URL(fileURLWithPath: "/usr/bin/strace")
        strace.arguments = [
            "-f", "-qq", "-o", log.path, "-e", "trace=rename,renameat,renameat2",
            "-e", "inject=rename,renameat,renameat2:delay_exit=2000000:when=1",
            bearings.path, "build", "--data", minimal.path, "--output", output.path, "--quiet",
        ]
        strace.currentDirectoryURL = folder
        strace.standardOutput = FileHandle.nullDevice
        strace.standardError = FileHandle.nullDevice
        try strace.run()
        // strace -f -o writes "N renameat2(...) = 0 (DELAYED)" once the call has been made; N is the thread.
        var traced: pid_t?
        let start = DispatchTime.now().uptimeNanoseconds
        while strace.isRunning, traced == nil, DispatchTime.now().uptimeNanoseconds - start < 60_000_000_000 {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.contains("DELAYED") }),
                let number = Int32(line.drop(while: { !$0.isNumber }).prefix(while: \.isNumber))
            {
                traced = number
            } else {
                usleep(1_000)
            }
        }
        let pid = try #require(
            traced, "strace never saw the build rename: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        kill(pid, SIGKILL)
        strace.waitUntilExit()
        let swapped = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").filter {
            $0.contains("DELAYED")
        }
        print("crash safety: killed during \(swapped.first.map(String.init) ?? "?")")

        let files = filesUnder(output)
        #expect(try Self.run(bearings, data: minimal, output: output, in: folder) == 0)
        let new = filesUnder(output)
        #expect(files == previous || files == new, "the output folder is neither site (\(files.count) files)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path) == ["site"])
    }

    /// Waits (bounded) until `moment` or until the build ends by itself.
    static func wait(for moment: Moment, staging: URL, while process: Process) {
        let start = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> UInt64 { (DispatchTime.now().uptimeNanoseconds - start) / 1_000_000 }
        switch moment {
        case .after(let milliseconds):
            while process.isRunning, elapsed() < UInt64(milliseconds) { usleep(1_000) }
        case .stagingHolds(let path):
            let target = staging.appendingPathComponent(path).path
            while process.isRunning, elapsed() < 50_000, !FileManager.default.fileExists(atPath: target) {
                usleep(500)
            }
        }
    }

    /// `bearings build --quiet` from `folder`, where there is no `templates` folder to pick up.
    static func start(_ bearings: URL, data: URL, output: URL, in folder: URL) throws -> Process {
        let process = Process()
        process.executableURL = bearings
        process.arguments = ["build", "--data", data.path, "--output", output.path, "--quiet"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func run(_ bearings: URL, data: URL, output: URL, in folder: URL) throws -> Int32 {
        let process = try start(bearings, data: data, output: output, in: folder)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Where `swift build` puts the executable: beside the test bundle, or in the package's `.build`.
    static let candidates: [URL] = [
        Bundle.main.bundleURL.appendingPathComponent("bearings"),
        Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("bearings"),
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Hardening
            .deletingLastPathComponent()  // BearingsKitTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // the package
            .appendingPathComponent(".build/debug/bearings"),
    ]

    static func executable() -> URL? {
        candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}

/// A large, valid, deterministic data folder: snapshots of three projects on consecutive days and
/// decisions every few days. Large enough that a build takes a while; small enough that the test,
/// which builds it nine times (seven of them killed), stays within a minute on two busy cores.
enum GeneratedData {
    static let snapshotCount = 1_200
    static let decisionCount = 120

    /// The day `offset` days after 2000-01-01, as YYYY-MM-DD.
    static func day(_ offset: Int) -> String {
        var components = DateComponents()
        components.year = 2000
        components.month = 1
        components.day = 1 + offset
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.date(from: components)!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// Writes edition 1 or 2 of the data folder (2 renames the project and moves one value).
    static func write(to data: URL, edition: Int) throws {
        let fileManager = FileManager.default
        for folder in ["metrics", "snapshots", "decisions"] {
            try fileManager.createDirectory(at: data.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        func file(_ path: String, _ text: String) throws {
            try Data(text.utf8).write(to: data.appendingPathComponent(path))
        }
        try file(
            "project.md",
            "---\nname: Crash Test \(edition)\nid: p\ncompetitors:\n  c1: Competitor One\n  c2: Competitor Two\n---\nGenerated.\n"
        )
        for metric in ["m1", "m2"] {
            try file("metrics/\(metric).md", "---\nname: Metric \(metric)\nkind: usage\nunit: users\n---\nGenerated.\n")
        }
        for index in 0..<snapshotCount {
            func value(_ column: Int) -> Int {
                (index * 37 + column * 101) % 1_000 + 1 + (edition == 2 && index == 0 && column == 1 ? 5 : 0)
            }
            try file(
                "snapshots/\(day(index)).md",
                """
                ---
                date: \(day(index))
                ---
                # Snapshot \(index)

                | metric | p | c1 | c2 |
                | ------ | -: | -: | -: |
                | m1 | \(value(1)) | \(value(2)) | \(value(3)) |
                | m2 | \(value(4)) | \(value(5)) | \(value(6)) |

                """)
        }
        for number in 1...decisionCount {
            let id = String(format: "%04d-decision-%d", number, number)
            try file(
                "decisions/\(id).md",
                "---\nstatus: accepted\ndate: \(day(number * 10))\n---\n# Decision \(number)\n\nBecause \(number).\n")
        }
    }
}
