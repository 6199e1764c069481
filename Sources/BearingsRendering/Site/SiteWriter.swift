import BearingsModel
import Foundation

/// Writes a site plan atomically: into a temporary folder beside the output, then swapped in.
/// It deletes only folders that carry its marker file.
public enum SiteWriter {
    /// The file that marks a folder as written by Bearings.
    public static let marker = ".bearings-site"

    /// A reason to refuse an output folder, or an I/O failure.
    public struct WriteError: Error, Equatable, CustomStringConvertible {
        /// The folder.
        public var path: String
        /// Why.
        public var reason: String
        /// Whether the folder was refused on purpose (rather than an I/O failure).
        public var refused: Bool
        /// `path: reason`.
        public var description: String { "\(path): \(reason)" }
    }

    /// Refuses output folders that must never be replaced; nil when `output` is fine.
    public static func refusal(output: String, data: String, decisions: String?) -> WriteError? {
        let fileManager = FileManager.default
        let outputPath = canonical(output)
        func refuse(_ reason: String) -> WriteError { WriteError(path: output, reason: reason, refused: true) }
        if outputPath == "/" { return refuse("refusing to write the site over the root folder") }
        if outputPath == canonical(fileManager.currentDirectoryPath) {
            return refuse("refusing to replace the current folder; name a folder inside it, e.g. --output site")
        }
        if outputPath == canonical(NSHomeDirectory()) { return refuse("refusing to replace the home folder") }
        for (name, folder) in [("data", data), ("decisions", decisions)] {
            guard let folder else { continue }
            let folderPath = canonical(folder)
            if outputPath == folderPath { return refuse("the output folder is the \(name) folder") }
            if folderPath.hasPrefix(outputPath + "/") || outputPath == "/" {
                return refuse("the output folder contains the \(name) folder")
            }
        }
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: output, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { return refuse("exists and is not a folder") }
            let contents = (try? fileManager.contentsOfDirectory(atPath: output)) ?? []
            if !contents.isEmpty, !contents.contains(marker) {
                return refuse(
                    "is not empty and was not made by Bearings (no \(marker) file); choose another --output or empty it"
                )
            }
        }
        return nil
    }

    /// Writes `plan` to `output`, replacing the folder as a whole. On failure the old folder stays.
    public static func write(_ plan: SitePlan, to output: String) throws(WriteError) {
        try write(to: output) { staging in
            for path in plan.paths { staging.write(path, bytes: plan.files[path] ?? []) }
        }
    }

    /// Lets `fill` write files into a staging folder beside `output` (from any number of threads),
    /// then swaps it in for `output` as a whole. On any failure the old folder stays as it was.
    public static func write(to output: String, _ fill: (Staging) -> Void) throws(WriteError) {
        let fileManager = FileManager.default
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        let parent = outputURL.deletingLastPathComponent().path
        let name = outputURL.lastPathComponent
        do {
            try fileManager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw WriteError(
                path: parent, reason: "cannot create the folder: \(error.localizedDescription)", refused: false)
        }
        removeLeftovers(parent: parent, name: name)
        let stagingPath = "\(parent)/.\(name).bearings-tmp-\(getpid())"
        let old = "\(parent)/.\(name).bearings-old-\(getpid())"
        do throws(WriteError) {
            let staging = try Staging(stagingPath)
            fill(staging)
            if let error = staging.firstError { throw error }
        } catch {
            removeTree(stagingPath)
            throw error
        }
        let exists = fileManager.fileExists(atPath: outputURL.path)
        // One atomic swap where the system has it: with two renames, a build killed between them
        // leaves no site at all at `output` until the next build.
        if exists, exchange(stagingPath, outputURL.path) {
            removeTree(stagingPath)  // now the old site, marker included
            return
        }
        if exists, rename(outputURL.path, old) != 0 {
            removeTree(stagingPath)
            throw WriteError(path: output, reason: "cannot move the old site aside: \(errorText())", refused: false)
        }
        if rename(stagingPath, outputURL.path) != 0 {
            let reason = errorText()
            if exists { _ = rename(old, outputURL.path) }
            removeTree(stagingPath)
            throw WriteError(path: output, reason: "cannot move the new site into place: \(reason)", refused: false)
        }
        if exists { removeTree(old) }
    }

    /// The folder a build writes into before it becomes the site. Files are written as they are
    /// rendered, so the site is never held in memory as a whole; safe to use from many threads.
    public final class Staging: @unchecked Sendable {
        /// The folder.
        public let folder: String
        private let lock = NSLock()
        private var created: Set<String> = []
        private var error: WriteError?

        init(_ folder: String) throws(WriteError) {
            self.folder = folder
            if mkdir(folder, 0o755) != 0, errno != EEXIST {
                throw WriteError(path: folder, reason: "cannot create the folder: \(errorText())", refused: false)
            }
            // The marker goes first, so even a half-written staging folder can be recognised and removed.
            try writeFile("\(folder)/\(marker)", "Written by Bearings. This folder is replaced on every build.\n")
        }

        /// The first failure, if any; later writes are skipped once one failed.
        var firstError: WriteError? {
            lock.lock()
            defer { lock.unlock() }
            return error
        }

        /// Gives the folder up: the write ends with an error and the old site stays.
        public func cancel() {
            lock.lock()
            if error == nil { error = WriteError(path: folder, reason: "cancelled", refused: false) }
            lock.unlock()
        }

        /// Writes a file at `path` relative to the folder, creating its folders.
        public func write(_ path: String, _ text: String) {
            var text = text
            text.withUTF8 { write(path, buffer: $0) }
        }

        /// Writes a file at `path` relative to the folder, creating its folders.
        public func write(_ path: String, bytes: [UInt8]) {
            bytes.withUnsafeBufferPointer { write(path, buffer: $0) }
        }

        /// Writes the bytes of `buffer` as a file at `path` relative to the folder, creating its folders.
        func write(_ path: String, buffer: ByteBuffer) {
            buffer.bytes.withUnsafeBufferPointer { write(path, buffer: $0) }
        }

        /// Writes a file at `path` relative to the folder, creating its folders, from the pieces of
        /// UTF-8 `produce` hands on in order: a large file need never be held whole, and the
        /// buffer a piece comes in can be reused for the next.
        public func write(_ path: String, pieces produce: (([UInt8]) -> Void) -> Void) {
            do throws(WriteError) {
                if firstError != nil { return }
                if let slash = path.lastIndex(of: "/") { try makeDirectories(String(path[..<slash])) }
                let file = try SiteWriter.PiecewiseFile("\(folder)/\(path)")
                produce { piece in file.append(piece) }
                try file.close()
            } catch {
                lock.lock()
                if self.error == nil { self.error = error }
                lock.unlock()
            }
        }

        private func write(_ path: String, buffer: UnsafeBufferPointer<UInt8>) {
            do throws(WriteError) {
                if firstError != nil { return }
                if let slash = path.lastIndex(of: "/") { try makeDirectories(String(path[..<slash])) }
                try writeFile("\(folder)/\(path)", buffer)
            } catch {
                lock.lock()
                if self.error == nil { self.error = error }
                lock.unlock()
            }
        }

        private func makeDirectories(_ relative: String) throws(WriteError) {
            lock.lock()
            defer { lock.unlock() }
            if created.contains(relative) { return }
            var directory = folder
            for component in relative.split(separator: "/") {
                directory += "/" + component
                if mkdir(directory, 0o755) != 0, errno != EEXIST {
                    throw WriteError(
                        path: directory, reason: "cannot create the folder: \(errorText())", refused: false)
                }
            }
            created.insert(relative)
        }
    }

    /// Swaps two existing paths in one step; false when the system or file system cannot.
    static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
        // renameat2 is in glibc since 2.28 but Glibc's module does not declare it (_GNU_SOURCE).
        typealias RenameAt2 =
            @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
        guard let symbol = dlsym(nil, "renameat2") else { return false }
        let renameExchange: UInt32 = 2  // RENAME_EXCHANGE, <linux/fs.h>
        return unsafeBitCast(symbol, to: RenameAt2.self)(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
        #elseif canImport(Darwin)
        return renamex_np(first, second, UInt32(RENAME_SWAP)) == 0
        #else
        return false
        #endif
    }

    /// Temporary folders of an earlier, interrupted build of the same output.
    static func removeLeftovers(parent: String, name: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries
        where entry.hasPrefix(".\(name).bearings-tmp-") || entry.hasPrefix(".\(name).bearings-old-") {
            let path = "\(parent)/\(entry)"
            // Only folders that carry the marker are ours to delete.
            if FileManager.default.fileExists(atPath: "\(path)/\(marker)") { removeTree(path) }
        }
    }

    /// Writes a file with stdio: measurably faster than Foundation's `write(to:)` for many small files.
    fileprivate static func writeFile(_ path: String, _ text: String) throws(WriteError) {
        var text = text
        let failure: WriteError? = text.withUTF8 { buffer in
            do throws(WriteError) {
                try writeFile(path, buffer)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    fileprivate static func writeFile(_ path: String, _ buffer: UnsafeBufferPointer<UInt8>) throws(WriteError) {
        guard let file = fopen(path, "wb") else {
            throw WriteError(path: path, reason: "cannot create the file: \(errorText())", refused: false)
        }
        let written = buffer.isEmpty ? 0 : fwrite(buffer.baseAddress, 1, buffer.count, file)
        let closed = fclose(file)
        if written != buffer.count || closed != 0 {
            throw WriteError(path: path, reason: "cannot write the file: \(errorText())", refused: false)
        }
    }

    /// A file written with stdio piece by piece; the first failure is kept and reported on close.
    fileprivate final class PiecewiseFile {
        private let path: String
        private var file: UnsafeMutablePointer<FILE>?
        private var failed = false

        init(_ path: String) throws(WriteError) {
            guard let file = fopen(path, "wb") else {
                throw WriteError(path: path, reason: "cannot create the file: \(errorText())", refused: false)
            }
            self.path = path
            self.file = file
        }

        deinit { if let file { fclose(file) } }

        func append(_ piece: [UInt8]) {
            guard !failed, let file else { return }
            piece.withUnsafeBufferPointer { buffer in
                if !buffer.isEmpty, fwrite(buffer.baseAddress, 1, buffer.count, file) != buffer.count { failed = true }
            }
        }

        func close() throws(WriteError) {
            guard let file else { return }
            self.file = nil
            let closed = fclose(file)
            if failed || closed != 0 {
                throw WriteError(path: path, reason: "cannot write the file: \(errorText())", refused: false)
            }
        }
    }

    static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    fileprivate static func errorText() -> String { String(cString: strerror(errno)) }

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
