import Foundation

/// Runs the built `bearings` executable as a user runs it, off the cooperative thread pool (the replay
/// server under test needs those few threads while the command waits for it).
enum CommandRunner {
    struct Run: Sendable {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    struct NotBuilt: Error, CustomStringConvertible {
        var description: String { "build the command first: swift build && swift test" }
    }

    /// The `bearings` executable in the build products folder, beside the test bundle.
    static let executable: String? = {
        var folders: [URL] = []
        if let url = Bundle.main.executableURL { folders.append(url.deletingLastPathComponent()) }
        folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        return folders.map { $0.appendingPathComponent("bearings").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Runs `bearings arguments` in `directory` with exactly `environment` (plus PATH), nothing inherited.
    static func run(_ arguments: [String], in directory: String, environment: [String: String]) async throws -> Run {
        guard let path = executable else { throw NotBuilt() }
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: path)
                    process.arguments = arguments
                    process.currentDirectoryURL = URL(fileURLWithPath: directory)
                    process.environment = environment.merging(["PATH": "/usr/bin:/bin"]) { given, _ in given }
                    let output = Pipe(), error = Pipe()
                    process.standardOutput = output
                    process.standardError = error
                    try process.run()
                    // Outputs are small (well under a pipe's buffer), so reading one after the other is safe.
                    let standardOutput = output.fileHandleForReading.readDataToEndOfFile()
                    let standardError = error.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    continuation.resume(
                        returning: Run(
                            status: process.terminationStatus,
                            standardOutput: String(decoding: standardOutput, as: UTF8.self),
                            standardError: String(decoding: standardError, as: UTF8.self)))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}
