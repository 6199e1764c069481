extension SiteRenderer {
    func snapshotsPage() -> String {
        let root = ""
        let context: [String: Any] = [
            "snapshots": dataSet.snapshots.reversed().map { snapshot -> [String: Any] in
                [
                    "title": snapshot.title, "date": snapshot.date.description,
                    "href": snapshotPaths[snapshot.id] ?? "", "count": snapshot.observations.count,
                    "metrics": snapshot.metrics.count, "projects": snapshot.projects.map(projectName).joined(separator: ", "),
                ]
            }
        ]
        return page("snapshots", title: "Snapshots", root: root, section: "snapshots.html", context)
    }

    func snapshotPage(_ snapshot: Snapshot, index: Int) -> String {
        let root = "../"
        var values: [String: String] = [:]
        for observation in snapshot.observations { values["\(observation.metric)|\(observation.project)"] = observation.text }
        var context: [String: Any] = [
            "title": snapshot.title, "date": snapshot.date.description,
            "sourceHref": snapshot.source.flatMap(safeURL) ?? "", "source": snapshot.source ?? "",
            "notesHTML": HTML(cmark: snapshot.notes),
            "columns": snapshot.projects.map { ["name": projectName($0)] },
            "rows": snapshot.metrics.map { metricID -> [String: Any] in
                [
                    "name": metric(metricID)?.name ?? metricID, "href": "\(root)metrics/\(metricID).html",
                    "cells": snapshot.projects.map { ["value": values["\(metricID)|\($0)"] ?? "–"] },
                ]
            },
        ]
        func link(_ other: Snapshot) -> [String: Any] {
            ["title": other.title, "date": other.date.description,
             "href": root + (snapshotPaths[other.id] ?? "")]
        }
        if index > 0 { context["previous"] = link(dataSet.snapshots[index - 1]) }
        if index + 1 < dataSet.snapshots.count { context["next"] = link(dataSet.snapshots[index + 1]) }
        return page("snapshot", title: snapshot.title, root: root, section: "snapshots.html", context)
    }

    func notFoundPage() -> String {
        page("404", title: "Page not found", root: "", section: "", [:])
    }
}
