import Foundation

/// `Fixtures/clickhouse/clickhouse_http.py` as a subprocess: ClickHouse's HTTP interface on 127.0.0.1,
/// answered by chDB over the tables of `schema.sql` and the rows of `rows.py` (or another module beside
/// it, `rows:`). Each request it got is read back from its log.
final class ClickHouseServer: @unchecked Sendable {
    /// Why the server could not start: chdb missing (with what to do), or the script failing.
    struct NotStarted: Error, CustomStringConvertible {
        var description: String
    }

    /// One request as the server saw it.
    struct Request: Decodable {
        var method: String
        var path: String
        var query: String
        var headers: [String: String]
        var body: String
    }

    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // BearingsCollectTests
        .appendingPathComponent("Fixtures/clickhouse").path

    let process = Process()
    let log: String
    /// The file of rows the server loads, beside `clickhouse_http.py`.
    let rows: String
    private(set) var port: UInt16 = 0

    init(rows: String = "rows.py") {
        self.rows = rows
        log = FileManager.default.temporaryDirectory.appendingPathComponent("bearings-clickhouse-\(UUID()).jsonl").path
    }

    /// Starts the server and waits for its port (chDB takes a few seconds to load), off the cooperative
    /// thread pool: blocking one of its few threads would starve the other suites' replay servers.
    func start() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            DispatchQueue.global().async {
                do {
                    try self.startWaiting()
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    private func startWaiting() throws {
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.directory + "/clickhouse_http.py", "--log", log, "--rows", rows]
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let line = Self.firstLine(output.fileHandleForReading)
        guard let number = UInt16(line.trimmingCharacters(in: .whitespacesAndNewlines)), number > 0 else {
            process.waitUntilExit()
            let reason = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            if process.terminationStatus == 3 {
                throw NotStarted(
                    description:
                        "the ClickHouse test server needs chdb, an embedded ClickHouse: run 'pip install chdb' (scripts/test does); \(reason)"
                )
            }
            throw NotStarted(description: "the ClickHouse test server did not start: \(reason)")
        }
        port = number
    }

    /// Stops the server and removes its log and chDB's files.
    func stop() {
        if process.isRunning {
            // SIGKILL: chDB's threads may hold SIGTERM blocked.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: log)
        try? FileManager.default.removeItem(atPath: log + ".chdb")  // chDB's files
    }

    /// The requests so far, in the order they came.
    func requests() throws -> [Request] {
        let text = try String(contentsOfFile: log, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Request.self, from: Data($0.utf8)) }
    }

    private static func firstLine(_ handle: FileHandle) -> String {
        var bytes: [UInt8] = []
        while true {
            let data = handle.readData(ofLength: 1)
            guard let byte = data.first else { break }
            if byte == UInt8(ascii: "\n") { break }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
