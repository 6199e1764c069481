import Foundation
import BearingsLoading
import BearingsModel
import BearingsParsing

extension Scaffold {
    /// The MADR sections a new decision starts with, in order.
    public static let decisionSections = [
        "Context and Problem Statement", "Decision Drivers", "Considered Options", "Decision Outcome", "Consequences",
    ]

    /// One more than the largest leading number among `names` (file names such as `0003-x.md`); 1 when none has one.
    public static func nextDecisionNumber(after names: [String]) -> Int {
        let numbers = names.compactMap { DecisionParser.leadingNumber(DataLoader.baseName($0)) }
        return (numbers.max() ?? 0) + 1
    }

    /// `NNNN-<slug>.md`: the number in (at least) four digits, then the title's slug.
    public static func decisionFileName(number: Int, title: String) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "-" + slug(title) + ".md"
    }

    /// The file name part of a title: diacritics folded (é → e, ß → ss), then `Slug.make`, at most about
    /// 60 characters cut at a word, and `decision` when nothing Latin is left (a title all in Cyrillic, say).
    public static func slug(_ title: String) -> String {
        var slug = foldedSlug(title)
        if slug.count > 60 {
            let cut = slug.prefix(61)
            slug = String(cut.lastIndex(of: "-").map { cut[..<$0] } ?? cut.prefix(60))
        }
        return slug.isEmpty ? "decision" : slug
    }

    /// `Slug.make` of `text` with its diacritics folded first (é → e, ß → ss); empty when nothing Latin is left.
    public static func foldedSlug(_ text: String) -> String {
        var folded = ""
        for character in text.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil) {
            folded += latinFolds[character] ?? String(character)
        }
        return Slug.make(folded)
    }

    /// Latin letters that carry no combining mark, so folding diacritics leaves them as they are.
    private static let latinFolds: [Character: String] = [
        "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
        "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "ı": "i",
    ]

    /// A new decision record: front matter with `status: proposed`, `date`, a review a year later, empty
    /// `kind`, `principles` and `watch`, a commented-out `expect:` to fill in; the title; the MADR
    /// sections as headings.
    public static func decisionText(title: String, date: Day) -> String {
        let oneLine = title.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingSpaces
        var lines = [
            "---",
            "status: proposed",
            "date: \(date)",
            "kind:            # scope | risk | integration | community | other",
            "principles: []   # ids of the principles this serves (principles.md)",
            "watch: []        # ids of the metrics that will show whether it worked (metrics/)",
            "review: \(date.addingMonths(12))",
            "# expect:        # what would show that the bet worked, judged at 'by' (default: the review date)",
            "#   - metric: papers-neurips   # a metric id",
            "#     share: \">= 50%\"         # or value: \">= 10k\", rank: \"<= 2\", passes: tensorflow, change: \">= +20%\"",
            "#     by: \(date.addingMonths(12))",
            "---",
            "# \(oneLine)",
        ]
        for section in decisionSections {
            lines += ["", "## \(section)"]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
