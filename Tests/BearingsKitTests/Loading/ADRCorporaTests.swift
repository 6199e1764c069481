import Foundation
import Testing

@testable import BearingsKit
@testable import BearingsLoading
@testable import BearingsParsing

/// Twenty-one public decision folders (`Fixtures/adr-corpora`), each read through `--decisions`
/// and compared with its `expected.tsv`, written by hand (see the folder's README.md).
///
/// The tsv keeps a title as written; Bearings shows the heading's visible text (Markdown reduced
/// to its text) and drops a leading number that is the record's own (`1. `, `ADR000: `,
/// `ADR-0001: `, `ADR 1 - `), since the page shows that number beside the title. A number that
/// differs from the record's (`ADR029:` in ADR028) stays in the title. The comparison applies that
/// rule to the tsv's title, written out again here rather than taken from the parser.
struct ADRCorporaTests {
    static let corpora = [
        "accenture-rig", "alphagov-forms", "backstage-2020", "backstage-adr", "backstage-beps",
        "dfe-buy-for-your-school", "jabref-decisions", "pmd-decisions", "pyazul-madr3", "sciety-adr",
        "socorro-log4brains", "tensorflow-rfcs", "vsecm-zola",
        // Issue #28: proposal processes, other languages, the formats people really write.
        "ethereum-ercs", "golang-proposal", "grpc-proposal", "kotlin-keep", "nimble-timetracking", "phodal-adr",
        "scielo-kernel", "swift-evolution",
    ]

    struct Row: Equatable, CustomStringConvertible {
        var path: String
        var id: String
        var title: String
        var status: String
        var date: String
        var successor: String

        var description: String { [path, id, title, status, date, successor].joined(separator: " | ") }
    }

    static func expected(_ corpus: String) throws -> [Row] {
        let text = try Fixtures.text("adr-corpora/\(corpus)/expected.tsv")
        return text.split(separator: "\n").dropFirst().map { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let cell = { (index: Int) in index < cells.count ? cells[index] : "" }
            return Row(path: cell(0), id: cell(1), title: cell(2), status: cell(3), date: cell(4), successor: cell(5))
        }
    }

    static func load(_ corpus: String) throws -> LoadResult {
        try DataLoader.load(
            LoadOptions(
                dataDirectory: Fixtures.path("data/project-with-principles"),
                decisionsDirectory: Fixtures.path("adr-corpora/\(corpus)")))
    }

    /// The title a page shows for a heading written as `written`, on a record numbered `number`;
    /// a record with no title shows its file name's words ("0007-container-de-relacionamento" →
    /// "Container de relacionamento").
    static func shownTitle(_ written: String, number: Int?, id: String) -> String {
        if written.isEmpty {
            let words = id.split(separator: "-").drop(while: { $0.allSatisfy(\.isNumber) })
            let text = words.joined(separator: " ")
            return text.prefix(1).uppercased() + text.dropFirst()
        }
        let heading = Markdown.parse("# " + written).blocks.first?.node.plainText ?? written
        let visible = heading.trimmingCharacters(in: .whitespaces)
        guard let number,
            let match = visible.firstMatch(of: /^(?:(?i:adr|add|rfc|bep)[- ]?|[A-Z]{1,5})?0*(\d+)(?:\. |: | - )(.+)$/),
            Int(match.1) == number
        else { return visible }
        return String(match.2)
    }

    @Test(arguments: corpora)
    func readsEveryRecordAsItsOwnToolsDo(corpus: String) throws {
        let result = try Self.load(corpus)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors == [])
        let dataSet = try #require(result.dataSet)
        let root = Fixtures.path("adr-corpora/\(corpus)") + "/"
        let read = dataSet.decisions.map { decision in
            Row(
                path: String(decision.location.path.dropFirst(root.count)), id: decision.id, title: decision.title,
                status: decision.statusText ?? "", date: decision.date?.description ?? "",
                successor: decision.supersededBy ?? "")
        }.sorted { $0.path < $1.path }
        let numbers = Dictionary(dataSet.decisions.map { ($0.id, $0.number) }, uniquingKeysWith: { a, _ in a })
        let expected = try Self.expected(corpus).map { row in
            var shown = row
            shown.title = Self.shownTitle(row.title, number: numbers[row.id] ?? nil, id: row.id)
            return shown
        }.sorted { $0.path < $1.path }
        #expect(read.map(\.path) == expected.map(\.path))
        for row in expected {
            let found = read.first { $0.path == row.path }
            #expect(found == row)
        }
    }

    @Test(arguments: corpora)
    func buildsEachFolderWithOneLineForPrinciples(corpus: String) throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("bearings-corpus-\(corpus)").path
        try? FileManager.default.removeItem(atPath: output)
        let result = try SiteBuilder.plan(
            BuildOptions(
                load: LoadOptions(
                    dataDirectory: Fixtures.path("data/project-with-principles"),
                    decisionsDirectory: Fixtures.path("adr-corpora/\(corpus)")),
                output: output))
        #expect(result.plan != nil)
        let principleLines = result.diagnostics.filter { $0.message.contains("principle") }
        let records = try Self.expected(corpus).count
        #expect(
            principleLines.map(\.message)
                == [
                    "\(records) of \(records) imported decisions serve no principle",
                    "no decision serves the principle 'records-first'",
                ].sorted())
    }
}
