import BearingsLoading
import BearingsModel

extension Scaffold {
    /// `<data>/snapshots/<date>-collected.md`, where `bearings collect` writes.
    public func collectedSnapshotPath(date: Day) -> String {
        DataLoader.join(DataLoader.join(dataDirectory, "snapshots"), "\(date)-collected.md")
    }

    /// Writes `text` to `collectedSnapshotPath(date:)`, never over an existing file (exit status 2, as
    /// `collect` promises); returns the path.
    public func newCollectedSnapshot(date: Day, text: String) throws(ScaffoldError) -> String {
        try requireDataFolderExists()
        let path = collectedSnapshotPath(date: date)
        try write(text, to: path, creating: DataLoader.join(dataDirectory, "snapshots"), existsExitCode: 2)
        return path
    }

    private func requireDataFolderExists() throws(ScaffoldError) {
        guard DataLoader.isDirectory(dataDirectory) else {
            throw ScaffoldError(
                path: dataDirectory, reason: "the data folder does not exist (use --data DIR to name another)",
                exitCode: 3)
        }
    }
}
