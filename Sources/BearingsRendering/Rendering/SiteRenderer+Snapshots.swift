import BearingsModel

extension SiteRenderer {
    func snapshotsPage() -> PageOutput {
        let page = SnapshotsPage(
            snapshots: dataSet.snapshots.reversed().map { snapshot in
                SnapshotItem(
                    title: snapshot.title, date: snapshot.date.description, href: snapshotPaths[snapshot.id] ?? "",
                    count: counted(snapshot.observations.count, "value", "values"),
                    metrics: counted(snapshot.metrics.count, "metric", "metrics"),
                    showDate: !Self.titleSaysDate(snapshot.title, snapshot.date),
                    projects: snapshot.projects.map(projectName).joined(separator: ", "))
            })
        return self.page(page, title: "Snapshots", root: "", section: "snapshots.html")
    }

    func snapshotPage(_ snapshot: Snapshot, index: Int) -> PageOutput {
        let root = "../"
        func link(_ other: Snapshot) -> SnapshotLink {
            SnapshotLink(
                title: other.title, date: other.date.description,
                showDate: !Self.titleSaysDate(other.title, other.date), href: root + (snapshotPaths[other.id] ?? ""))
        }
        let page = SnapshotPage(
            date: snapshot.date.description, sourceHref: snapshot.source.flatMap(safeURL) ?? "",
            source: snapshot.source.map { snapshot.source.flatMap(safeURL) == nil ? $0 : Self.linkLabel($0) } ?? "",
            notesHTML: HTML(cmark: snapshot.notes), tableHTML: measurementTable(snapshot, root: root),
            previous: index > 0 ? link(dataSet.snapshots[index - 1]) : nil,
            next: index + 1 < dataSet.snapshots.count ? link(dataSet.snapshots[index + 1]) : nil)
        return self.page(
            page, title: snapshot.title, root: root, section: "snapshots.html", source: snapshot.location,
            path: snapshotPaths[snapshot.id] ?? "snapshots/\(snapshot.id).html")
    }

    /// A snapshot's table as measured: metrics down, projects across. Built in Swift rather than
    /// through the template: 200 cells a page on 5,000 pages were the template engine's hottest loop.
    func measurementTable(_ snapshot: Snapshot, root: String) -> HTML {
        var column: [String: Int] = [:]
        for (index, project) in snapshot.projects.enumerated() where column[project] == nil { column[project] = index }
        var rowOf: [String: Int] = [:]
        for (index, metric) in snapshot.metrics.enumerated() where rowOf[metric] == nil { rowOf[metric] = index }
        var cells = Array(
            repeating: Array(repeating: "–", count: snapshot.projects.count), count: snapshot.metrics.count)
        for observation in snapshot.observations {
            guard let row = rowOf[observation.metric], let col = column[observation.project] else { continue }
            cells[row][col] = observation.text
        }
        var text = "<div class=\"table-scroll\">\n<table class=\"matrix\">\n<caption>Measurements</caption>\n"
        text += "<thead><tr><th scope=\"col\">Metric</th>"
        for project in snapshot.projects {
            text += "<th scope=\"col\" class=\"num\">\(HTML.escape(projectName(project)))</th>"
        }
        text += "</tr></thead>\n<tbody>\n"
        for (row, metricID) in snapshot.metrics.enumerated() {
            let href = HTML.escape("\(root)metrics/\(metricID).html")
            text +=
                "<tr><th scope=\"row\"><a href=\"\(href)\">\(HTML.escape(metric(metricID)?.name ?? metricID))</a></th>"
            for cell in cells[row] { text += "<td class=\"num\">\(HTML.escape(cell))</td>" }
            text += "</tr>\n"
        }
        text += "</tbody>\n</table>\n</div>"
        return HTML(trusted: text)
    }

    /// "1 value", "2 values".
    func counted(_ count: Int, _ one: String, _ many: String) -> String {
        "\(count) \(count == 1 ? one : many)"
    }

    /// Whether a snapshot's title already says when it was measured (its ISO date, or its year),
    /// so a list need not show the date a second time: "May 2022: ICLR" on 2022-05-01.
    static func titleSaysDate(_ title: String, _ date: Day) -> Bool {
        title.contains(date.description) || title.contains(String(date.year))
    }

    /// The page a host sends for any missing path, at any depth (`/decisions/nope.html`), so no
    /// relative link works in it. Its links, stylesheet included, are absolute when the site's URL
    /// is known, otherwise from the host's root (`/index.html`: right when the site is at the
    /// root). The stylesheet is linked, not inlined: the HTML checker's CSS grammar predates some
    /// of its rules (container queries, `color-scheme`), and a page must pass it.
    func notFoundPage() -> PageOutput {
        page(NotFoundPage(), title: "Page not found", root: baseURL ?? "/", section: "")
    }
}
