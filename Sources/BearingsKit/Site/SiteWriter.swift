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
                    "is not empty and was not made by Bearings (no \(marker) file); choose another --output or empty it")
            }
        }
        return nil
    }

    /// Writes `plan` to `output`, replacing the folder as a whole. On failure the old folder stays.
    public static func write(_ plan: SitePlan, to output: String) throws(WriteError) {
        let fileManager = FileManager.default
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        let parent = outputURL.deletingLastPathComponent().path
        let name = outputURL.lastPathComponent
        do {
            try fileManager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: parent, reason: "cannot create the folder: \(error.localizedDescription)", refused: false)
        }
        removeLeftovers(parent: parent, name: name)
        let staging = "\(parent)/.\(name).bearings-tmp-\(getpid())"
        let old = "\(parent)/.\(name).bearings-old-\(getpid())"
        do {
            try writeFiles(plan, into: staging)
        } catch {
            removeTree(staging)
            throw error
        }
        let exists = fileManager.fileExists(atPath: outputURL.path)
        // One atomic swap where the system has it: with two renames, a build killed between them
        // leaves no site at all at `output` until the next build.
        if exists, exchange(staging, outputURL.path) {
            removeTree(staging)  // now the old site, marker included
            return
        }
        if exists, rename(outputURL.path, old) != 0 {
            removeTree(staging)
            throw WriteError(path: output, reason: "cannot move the old site aside: \(errorText())", refused: false)
        }
        if rename(staging, outputURL.path) != 0 {
            let reason = errorText()
            if exists { _ = rename(old, outputURL.path) }
            removeTree(staging)
            throw WriteError(path: output, reason: "cannot move the new site into place: \(reason)", refused: false)
        }
        if exists { removeTree(old) }
    }

    /// Swaps two existing paths in one step; false when the system or file system cannot.
    static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
        // renameat2 is in glibc since 2.28 but Glibc's module does not declare it (_GNU_SOURCE).
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
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

    private static func writeFiles(_ plan: SitePlan, into folder: String) throws(WriteError) {
        var created = Set<String>()
        func makeDirectory(_ path: String) throws(WriteError) {
            if created.contains(path) { return }
            if mkdir(path, 0o755) != 0, errno != EEXIST {
                throw WriteError(path: path, reason: "cannot create the folder: \(errorText())", refused: false)
            }
            created.insert(path)
        }
        try makeDirectory(folder)
        // The marker goes first, so even a half-written staging folder can be recognised and removed.
        try writeFile("\(folder)/\(marker)", Array("Written by Bearings. This folder is replaced on every build.\n".utf8))
        for path in plan.paths {
            let components = path.split(separator: "/")
            var directory = folder
            for component in components.dropLast() {
                directory += "/" + component
                try makeDirectory(directory)
            }
            try writeFile("\(folder)/\(path)", plan.files[path] ?? [])
        }
    }

    /// Writes a file with stdio: measurably faster than Foundation's `write(to:)` for many small files.
    private static func writeFile(_ path: String, _ bytes: [UInt8]) throws(WriteError) {
        guard let file = fopen(path, "wb") else {
            throw WriteError(path: path, reason: "cannot create the file: \(errorText())", refused: false)
        }
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        let closed = fclose(file)
        if written != bytes.count || closed != 0 {
            throw WriteError(path: path, reason: "cannot write the file: \(errorText())", refused: false)
        }
    }

    static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
