import BearingsAnalysis
import BearingsModel

extension SiteRenderer {
    /// Why this project's share of a metric is unknown at `day`, since when, and the last share
    /// known before: "unknown since Jan 2018 — Gant not measured since Dec 2017; last known 22.4%
    /// (Dec 2017)". Nil when the share there is known or shares do not apply.
    func shareUnknownText(_ metricSeries: MetricSeries, at day: Day) -> String? {
        guard let shares = shares[metricSeries.metric.id],
            let index = shares.lastIndex(onOrBefore: day, date: \.date), shares[index].share == nil
        else { return nil }
        let entry = shares[index], segment = metricSeries.segment(entry.date)
        // The run of unknown shares this date belongs to, and the share known before it.
        var first = index
        while first > 0, shares[first - 1].share == nil, metricSeries.segment(shares[first - 1].date) == segment {
            first -= 1
        }
        let lastKnown = first > 0 && metricSeries.segment(shares[first - 1].date) == segment ? shares[first - 1] : nil
        let since = shares[first].date
        let span =
            metricSeries.period(since) == metricSeries.period(entry.date)
            ? "unknown in \(metricSeries.label(entry.date))" : "unknown since \(metricSeries.label(since))"
        var causes: [String] = []
        let us = dataSet.project.id
        if !entry.projectsMeasured.contains(us) {
            causes.append("\(dataSet.project.name) had no value yet")
        }
        let period = metricSeries.period(entry.date)
        for id in entry.notMeasured {
            // Measured before the run began and not since: since when; otherwise a gap in the period.
            if let last = metricSeries.line(id)?.last(onOrBefore: entry.date), last.date < since,
                metricSeries.period(last.date) < period
            {
                causes.append("\(projectName(id)) not measured since \(metricSeries.label(last.date))")
            } else {
                causes.append("\(projectName(id)) not measured in \(metricSeries.label(entry.date))")
            }
        }
        if causes.isEmpty { causes.append("the total of the projects measured is not above 0") }
        var text = "\(span) — " + causes.joined(separator: "; ")
        if let lastKnown, let share = lastKnown.share {
            text += "; last known \(shareText(share)) (\(metricSeries.label(lastKnown.date)))"
        }
        return text
    }

    /// Who joins a metric's category when, in words: "Joining the category at a first value:
    /// TensorFlow in Apr 2009; MXNet and Gluon in Jan 2011; …". Empty when the category never
    /// changes. (Who stopped being measured is said by `shareUnknownText`, since the share is
    /// unknown from then on.)
    func categoryChangesText(_ metricSeries: MetricSeries) -> String {
        guard let shares = shares[metricSeries.metric.id] else { return "" }
        var joins: [String] = []
        for (previous, current) in zip(shares, shares.dropFirst())
        where previous.projectsMeasured != current.projectsMeasured {
            let before = Set(previous.projectsMeasured)
            let names = current.projectsMeasured.filter { !before.contains($0) }.map(projectName)
            guard !names.isEmpty else { continue }
            joins.append("\(listText(names)) in \(metricSeries.label(current.date))")
        }
        var sentences: [String] = []
        if !joins.isEmpty {
            sentences.append(
                "Joining the category at a first value: \(joins.joined(separator: "; ")); the share's denominator grows there."
            )
        }
        return sentences.joined(separator: " ")
    }

    /// "A", "A and B", "A, B and C".
    func listText(_ names: [String]) -> String {
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }

    /// The table under a share chart: one row per date, newest first, with this project's share
    /// (or "unknown"), the projects measured, those not measured, and whether this project had
    /// no value yet: why the share is unknown there. At most `limit`
    /// rows; when there are more, the caption says how many are left out and links `fullHref`
    /// (the metric's page, or site.json), where they all are. With `everyProject`, a column of
    /// shares for each project of the metric, in project order, as the dashboard's chart draws
    /// them: "unknown" where a project of the category was not measured, "–" before the
    /// project's first value.
    func shareTable(
        _ metricSeries: MetricSeries, limit: Int, fullHref: (href: String, label: String)?, everyProject: Bool = false
    ) -> HTML {
        let shares = self.shares[metricSeries.metric.id] ?? []
        let shown = shares.suffix(limit)
        let every = everyProject ? everyShare(metricSeries) : [:]
        let columns: [(project: String, shares: [Analysis.SharePoint])] =
            everyProject ? metricSeries.lines.map { ($0.project, every[$0.project] ?? []) } : []
        var text =
            "<details class=\"data-table\">\n<summary>Data table</summary>\n<div class=\"table-scroll\">\n<table>\n"
        if everyProject {
            text += "<caption>Each project's share of the sum over the projects in the category"
            text += "; unknown where one of them was not measured, – before a project's first value"
        } else {
            text += "<caption>\(HTML.escape(dataSet.project.name))'s share of the sum over the projects in the category"
            text += "; unknown where one of them was not measured"
        }
        if shares.count > shown.count {
            let hidden = shares.count - shown.count
            text +=
                " — the newest \(shown.count) of \(shares.count) dates; \(hidden) older row\(hidden == 1 ? "" : "s")"
            text += fullHref.map { " on <a href=\"\(HTML.escape($0.href))\">\(HTML.escape($0.label))</a>" } ?? ""
        }
        text += "</caption>\n<thead><tr><th scope=\"col\">Date</th>"
        if everyProject {
            for column in columns {
                text += "<th scope=\"col\" class=\"num\">\(HTML.escape(projectName(column.project)))</th>"
            }
        } else {
            text += "<th scope=\"col\" class=\"num\">Share</th>"
        }
        text += "<th scope=\"col\">Projects measured</th></tr></thead>\n<tbody>\n"
        for (offset, point) in zip(shown.indices, shown).reversed() {
            let measured = point.projectsMeasured.filter { !point.notMeasured.contains($0) }.map(projectName)
            text += "<tr><th scope=\"row\"><time datetime=\"\(point.date)\">"
            text += "\(HTML.escape(metricSeries.label(point.date)))</time></th>"
            if everyProject {
                // Every project's list has an entry for each date of ours, in the same order.
                for column in columns {
                    let entry = offset < column.shares.count ? column.shares[offset] : nil
                    let cell =
                        entry?.share.map { shareText($0) }
                        ?? (entry?.projectsMeasured.contains(column.project) == true ? "unknown" : "–")
                    text += "<td class=\"num\">\(HTML.escape(cell))</td>"
                }
            } else {
                text += "<td class=\"num\">\(HTML.escape(point.share.map { shareText($0) } ?? "unknown"))</td>"
            }
            text += "<td>\(HTML.escape(measured.joined(separator: ", ")))"
            if !point.notMeasured.isEmpty {
                text += "; not measured: \(HTML.escape(point.notMeasured.map(projectName).joined(separator: ", ")))"
            }
            if !point.projectsMeasured.contains(dataSet.project.id) {
                text += "; \(HTML.escape(dataSet.project.name)) had no value yet"
            }
            text += "</td></tr>\n"
        }
        text += "</tbody>\n</table>\n</div>\n</details>\n"
        return HTML(trusted: text)
    }
}
