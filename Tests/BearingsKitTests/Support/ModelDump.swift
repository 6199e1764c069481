import BearingsKit
import Foundation

/// A plain-text dump of a parsed data set: every field a parser fills in, in a stable order, so a
/// golden file shows at a glance what Bearings understood of a data folder. Paths are shown
/// relative to `root`.
func dump(_ dataSet: DataSet, root: String) -> String {
    var out: [String] = []
    func location(_ location: SourceLocation) -> String {
        let path = location.path.hasPrefix(root + "/") ? String(location.path.dropFirst(root.count + 1)) : location.path
        return "\(path):\(location.line):\(location.column)"
    }
    func text(_ value: String?) -> String { value.map { "\"\($0)\"" } ?? "-" }
    func list(_ values: [String]) -> String { "[" + values.joined(separator: ", ") + "]" }
    func html(_ document: MarkdownDocument) -> String {
        document.html.split(separator: "\n", omittingEmptySubsequences: false).map { "    | " + $0 }.joined(
            separator: "\n")
    }

    let project = dataSet.project
    out.append("project \(project.id) \(text(project.name))")
    out.append(
        "  tagline \(text(project.tagline)) url \(text(project.url)) repository \(text(project.repository)) edit_url \(text(project.editURL))"
    )
    out.append(
        "  base_url \(text(project.baseURL)) headline \(text(project.headline)) unsafe_html \(project.unsafeHTML)")
    out.append("  competitors \(list(project.competitors.map { "\($0.id)=\($0.name)" }))")
    out.append("  introduction\n\(html(project.introduction))")
    out.append("principles introduction\n\(html(dataSet.principles.introduction))")
    for principle in dataSet.principles.principles {
        out.append("principle \(principle.id) \(text(principle.title)) at \(location(principle.location))")
        out.append(html(principle.statement))
    }
    for metric in dataSet.metrics {
        out.append(
            "metric \(metric.id) \(text(metric.name)) kind \(metric.kind.rawValue) unit \(text(metric.unit)) lag \(metric.lag?.description ?? "-") higher_is_better \(metric.higherIsBetter) scale \(metric.scale.rawValue) source \(text(metric.source))"
        )
    }
    for decision in dataSet.decisions {
        out.append(
            "decision \(decision.id) number \(decision.number.map(String.init) ?? "-") \(text(decision.title)) dialect \(decision.dialect.rawValue)"
        )
        out.append(
            "  status \(decision.status?.rawValue ?? "-") (\(text(decision.statusText))) date \(decision.date?.description ?? "-") kind \(decision.kind?.rawValue ?? "-") review \(decision.review?.description ?? "-")"
        )
        out.append(
            "  principles \(list(decision.principles)) watch \(list(decision.watch)) superseded_by \(decision.supersededBy ?? "-") links \(list(decision.statusLinks.map { "\($0.relation) \($0.target)" }))"
        )
        out.append("  deciders \(list(decision.deciders)) tags \(list(decision.tags))")
        out.append(html(decision.body))
    }
    for snapshot in dataSet.snapshots {
        out.append(
            "snapshot \(snapshot.id) \(text(snapshot.title)) date \(snapshot.date) source \(text(snapshot.source)) projects \(list(snapshot.projects)) metrics \(list(snapshot.metrics))"
        )
        out.append(html(snapshot.notes))
    }
    for observation in dataSet.observations {
        out.append(
            "value \(observation.date) \(observation.metric) \(observation.project) = \(observation.value) (\(text(observation.text))) at \(location(observation.location))"
        )
    }
    return out.joined(separator: "\n") + "\n"
}
