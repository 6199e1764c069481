import BearingsKit
import Foundation
import Testing

/// The truth rules on real, incomplete data: five packages' monthly Bioconda downloads with
/// missing months and staggered starts (Fixtures/real-warts). Every expected number is read from
/// `expected.json`, which `expected.py` computes from the raw file alone, by the rules of the SPEC
/// and with no Bearings code; see Fixtures/real-warts/README.md.
struct AnalysisRealWartsTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/real-warts")

    static let series: MetricSeries? = {
        guard let result = try? DataLoader.load(LoadOptions(dataDirectory: folder.appendingPathComponent("data").path)),
            let dataSet = result.dataSet
        else { return nil }
        return Analysis.series(dataSet)["bioconda-downloads"]
    }()

    nonisolated(unsafe) static let expected: [String: Any] = {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("expected.json")),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object
    }()

    static let projects = ["mast", "monocle", "scde", "basics", "desingle"]

    /// A number rounded to six decimals, as expected.py writes it.
    static func six(_ value: Double?) -> String { value.map { String(format: "%.6f", $0) } ?? "null" }

    @Test func theCadenceIsInferredAsMonthly() throws {
        let series = try #require(Self.series)
        #expect(series.cadence?.rawValue == Self.expected["cadence"] as? String)
        #expect(series.cadence == .month)
    }

    @Test func missingMonthsAreGapsNeverBridged() throws {
        let series = try #require(Self.series)
        let expected = try #require(Self.expected["gaps"] as? [String: [String]])
        for project in Self.projects {
            let line = try #require(series.line(project))
            #expect(series.gaps(line).map(\.description) == expected[project], "\(project)")
        }
        #expect(expected["basics"] == ["2019-01-01"])
    }

    @Test func latestValuesAndChangesOnePeriodAndOneYearBack() throws {
        let series = try #require(Self.series)
        let latest = try #require(Self.expected["latest"] as? [String: [String: Any]])
        let previous = try #require(Self.expected["since_previous"] as? [String: Any])
        let yearAgo = try #require(Self.expected["over_year"] as? [String: Any])
        func describe(_ base: SeriesPoint?, _ relative: Double?) -> String {
            guard let base else { return "null" }
            return "\(base.date) \(Int(base.value)) \(Self.six(relative))"
        }
        func describe(_ entry: Any?) -> String {
            guard let entry = entry as? [String: Any], let date = entry["base_date"] as? String,
                let value = entry["base_value"] as? Int, let relative = entry["relative"] as? Double
            else { return "null" }
            return "\(date) \(value) \(Self.six(relative))"
        }
        for project in Self.projects {
            let line = try #require(series.line(project))
            let change = try #require(Analysis.change(line, in: series))
            #expect(change.latest.date.description == latest[project]?["date"] as? String, "\(project)")
            #expect(Int(change.latest.value) == latest[project]?["value"] as? Int, "\(project)")
            #expect(describe(change.previous, change.sincePreviousRelative) == describe(previous[project]))
            #expect(describe(change.yearAgo, change.overYearRelative) == describe(yearAgo[project]))
        }
        #expect(describe(previous["mast"]) == "2020-12-01 185 0.848649")
    }

    @Test func theShareIsUnknownWhereAPackageOfTheCategoryIsNotMeasured() throws {
        let series = try #require(Self.series)
        let expected = try #require(Self.expected["shares"] as? [[String: Any]])
        let shares = Analysis.share(series, of: "mast")
        #expect(
            shares.map { "\($0.date) \(Self.six($0.share))" }
                == expected.map { "\($0["date"] as? String ?? "") \(Self.six($0["share"] as? Double))" })
        // By hand from the raw lines: March 2018 is 11 / (22 + 17 + 11); January 2019 (BASiCS
        // missing) and March 2020 (DEsingle missing) are unknown.
        let byDate = Dictionary(uniqueKeysWithValues: shares.map { ($0.date.description, $0.share) })
        #expect(byDate["2018-03-01"] == 0.22)
        #expect(byDate["2019-01-01"] == .some(nil))
        #expect(byDate["2020-03-01"] == .some(nil))
    }

    @Test func crossoversCompareValuesOfTheSameMonth() throws {
        let series = try #require(Self.series)
        let expected = try #require(Self.expected["crossovers"] as? [[String: String]])
        let found = Analysis.crossovers(series, project: "mast").crossovers.map { crossover in
            let (passer, passed) = crossover.weLead ? ("mast", crossover.competitor) : (crossover.competitor, "mast")
            return "\(crossover.date) \(passer) \(passed)"
        }
        #expect(found == expected.map { "\($0["date"] ?? "") \($0["passer"] ?? "") \($0["passed"] ?? "")" })
        // By hand from the raw lines: BASiCS leads MAST from February 2020 (193 > 165, then
        // 192 > 166); MAST leads again in January 2021, the newest month. MAST's one-month leads
        // over SCDE (March 2019) and BASiCS (January and April 2020) and BASiCS's in December
        // 2019 are noise, not passes.
        #expect(found == ["2020-02-01 basics mast", "2021-01-01 mast basics"])
    }
}
