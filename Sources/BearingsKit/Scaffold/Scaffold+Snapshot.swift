import BearingsModel

extension Scaffold {
    /// A new snapshot: front matter with the date, a `# <date>` title, and the measurement table with one
    /// row per metric id and one column per project id, its cells empty and its columns aligned.
    public static func snapshotText(date: Day, metrics: [String], projects: [String]) -> String {
        let header = ["metric"] + projects
        let widths = header.enumerated().map { column, title in
            max(3, title.count, column == 0 ? metrics.map(\.count).max() ?? 0 : 0)
        }
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: width - text.count) }
        func row(_ cells: [String]) -> String {
            "| " + zip(cells, widths).map { pad($0, $1) }.joined(separator: " | ") + " |"
        }
        // Values are numbers, so every project column is right-aligned, as in SPEC §1.
        let rule =
            "| "
            + widths.enumerated().map { column, width in
                column == 0 ? String(repeating: "-", count: width) : String(repeating: "-", count: width - 1) + ":"
            }.joined(separator: " | ") + " |"
        let lines =
            ["---", "date: \(date)", "---", "# \(date)", "", row(header), rule]
            + metrics.map { row([$0] + Array(repeating: "", count: projects.count)) }
        return lines.joined(separator: "\n") + "\n"
    }
}
