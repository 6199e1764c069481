import BearingsKit
import Foundation

/// The charts kept as golden files: each an edge case a real report meets.
enum ChartExamples {
    typealias E = ChartExample

    static let all: [ChartExample] = [
        gaps, logScale, onePoint, oneProject, twentyProjects, allZeros, negativeValues, nearTrillion,
        decisionsAtTheEnds, crowdedDecisions, oneWeek, twentyYears, thousandsOfPoints, shareWithDenominatorChange,
        lagShading, scriptInLabels, noData, sparkline, sparklineWithGaps, mergedDecisions, endLabelsApart,
        figureWithKey,
    ]

    /// Five decisions on one day (1, 2, 3, 5 and 11) and one a fortnight later share a label:
    /// "1–3, 5, 11" over one rule; the rest keep their own.
    static let mergedDecisions = E.lineChart(
        "merged-decisions",
        lines: [
            E.line(
                "PyTorch", style: 0, emphasised: true, E.monthly(from: "2016-01-01", every: 12, [0, 2, 12, 74, 182])),
            E.line("TensorFlow", style: 1, E.monthly(from: "2016-01-01", every: 12, [2, 21, 85, 127, 103])),
        ],
        markers: [
            E.decision(1, "Python first", on: "2017-01-19"),
            E.decision(2, "Researchers only", on: "2017-01-19"),
            E.decision(3, "Wide API", on: "2017-01-19"),
            E.decision(5, "No benchmarks", on: "2017-01-19"),
            E.decision(11, "No prizes", on: "2017-01-26"),
            E.decision(8, "Welcome Chainer", on: "2019-12-05"),
            E.decision(9, "Triage", on: "2019-12-20"),
        ],
        unit: "papers"
    )

    /// Four lines ending within a few units of each other: their names are spread apart at the
    /// right of the plot, in the order the lines end, and no legend is drawn.
    static let endLabelsApart = E.lineChart(
        "end-labels-apart",
        lines: [
            E.line("PyTorch", style: 0, emphasised: true, E.monthly(from: "2018-01-01", every: 6, [10, 40, 80, 101])),
            E.line("TensorFlow", style: 1, E.monthly(from: "2018-01-01", every: 6, [90, 95, 99, 100])),
            E.line("JAX", style: 2, E.monthly(from: "2018-01-01", every: 6, [0, 20, 60, 98])),
            E.line("MXNet", style: 3, E.monthly(from: "2018-01-01", every: 6, [50, 40, 20, 5])),
        ],
        unit: "papers"
    )

    /// The figure a page holds: the wide chart, the narrow one (340 units, its own ticks and
    /// labels) and the key of the decisions, merged ones included, as links.
    static let figureWithKey = E.figure(
        "figure-with-key",
        lines: [
            E.line(
                "PyTorch", style: 0, emphasised: true,
                E.monthly(
                    from: "2016-01-01", every: 3,
                    [
                        0, 1, 2, 3, 5, 8, 12, 20, 30, 44, 60, 74, 90, 120, 150, 182, 200,
                    ])),
            E.line(
                "TensorFlow", style: 1,
                E.monthly(
                    from: "2016-01-01", every: 3,
                    [
                        2, 8, 15, 21, 40, 60, 85, 100, 110, 120, 127, 120, 115, 110, 103, 100, 98,
                    ])),
        ],
        markers: [
            E.decision(1, "Python first", on: "2017-01-19"),
            E.decision(2, "Researchers only", on: "2017-01-19"),
            E.decision(3, "Wide API", on: "2017-01-19"),
            E.decision(5, "No benchmarks", on: "2017-01-19"),
            E.decision(8, "Welcome Chainer", on: "2019-12-05"),
        ],
        unit: "papers", cadence: .quarter
    )

    static let gaps = E.lineChart(
        "gaps",
        lines: [
            E.line(
                "PyTorch", style: 0, emphasised: true,
                E.monthly(from: "2017-01-01", every: 6, [120, 340, nil, 900, 1500, nil, 2600, nil, 3900])),
            E.line(
                "TensorFlow", style: 1,
                E.monthly(from: "2017-01-01", every: 6, [800, nil, 1900, 2300, nil, nil, 2900, 3000, 2800])),
        ],
        unit: "papers"
    )

    static let logScale = E.lineChart(
        "log-scale",
        lines: [
            E.line(
                "PyTorch", style: 0, emphasised: true,
                E.monthly(from: "2016-01-01", every: 12, [12, 180, 2_400, 31_000, 260_000, 1_900_000])),
            E.line(
                "TensorFlow", style: 1,
                E.monthly(from: "2016-01-01", every: 12, [900, 7_000, 48_000, 210_000, 640_000, 1_100_000])),
            E.line("MXNet", style: 2, E.monthly(from: "2016-01-01", every: 12, [300, 900, 1_500, 1_200, 0, 400])),
        ],
        unit: "downloads a month", scale: .log,
        title: "Downloads a month", description: "Monthly downloads. MXNet's 2020 count was zero."
    )

    static let onePoint = E.lineChart(
        "one-point",
        lines: [E.line("PyTorch", style: 0, emphasised: true, [ChartPoint(day: E.day("2019-06-30"), value: 49.7)])],
        markers: [E.decision(7, "Focus on researchers", on: "2019-06-30")],
        unit: "%"
    )

    static let oneProject = E.lineChart(
        "one-project",
        lines: [
            E.line(
                "PyTorch", style: 0, emphasised: true,
                E.monthly(from: "2017-01-01", every: 6, [3, 28, 95, 240, 610, 1_150, 1_720, 2_300, 2_950]))
        ],
        unit: "papers"
    )

    static let twentyProjects: ChartExample = {
        let names = [
            "PyTorch", "TensorFlow", "MXNet", "JAX", "Caffe", "Theano", "Keras", "Chainer", "CNTK", "PaddlePaddle",
            "MindSpore", "Flux", "Torch7", "DyNet", "Lasagne", "Sonnet", "Trax", "OneFlow", "Deeplearning4j",
            "ONNX Runtime",
        ]
        let lines = names.enumerated().map { index, name in
            let base = Double(200 + 130 * index)
            let growth = Double((index * 7 + 5) % 11 - 3) * 18
            let values = (0..<12).map { step -> Double? in
                let wobble = Double((index * 13 + step * 7) % 9) * 15
                return max(0, (base + growth * Double(step) + wobble).rounded())
            }
            return E.line(name, style: index, emphasised: index == 0, E.monthly(from: "2018-01-01", every: 3, values))
        }
        return E.lineChart("twenty-projects", lines: lines, unit: "repositories")
    }()

    static let allZeros = E.lineChart(
        "all-zeros",
        lines: [
            E.line("PyTorch", style: 0, emphasised: true, E.monthly(from: "2020-01-01", every: 3, [0, 0, 0, 0, 0])),
            E.line("TensorFlow", style: 1, E.monthly(from: "2020-01-01", every: 3, [0, 0, nil, 0, 0])),
        ]
    )

    static let negativeValues = E.lineChart(
        "negative-values",
        lines: [
            E.line(
                "PyTorch", style: 0, emphasised: true,
                E.monthly(from: "2019-01-01", every: 3, [400, 1_200, 2_100, 3_400, 2_800, 1_900])),
            E.line(
                "TensorFlow", style: 1, E.monthly(from: "2019-01-01", every: 3, [900, 300, -450, -1_200, -800, -150])),
        ],
        title: "Change in contributors over the previous quarter", description: "Quarterly net change."
    )

    static let nearTrillion = E.lineChart(
        "near-trillion",
        lines: [
            E.line(
                "PyTorch", style: 0, emphasised: true,
                E.monthly(from: "2020-01-01", every: 6, [8.1e11, 8.9e11, 9.7e11, 1.04e12, 1.12e12, 1.19e12])),
            E.line(
                "TensorFlow", style: 1,
                E.monthly(from: "2020-01-01", every: 6, [9.9e11, 1.0e12, 9.95e11, 9.8e11, 9.6e11, 9.3e11])),
        ],
        unit: "tokens", title: "Tokens processed", description: "Total tokens processed."
    )

    static let decisionsAtTheEnds = E.lineChart(
        "decisions-at-the-ends",
        lines: [
            E.line(
                "PyTorch", style: 0, emphasised: true,
                E.monthly(from: "2017-01-18", every: 6, [1, 5, 12, 20, 31, 40, 49.7]))
        ],
        markers: [
            E.decision(3, "Python first", on: "2017-01-18"),
            E.decision(12, "Merge Caffe2", on: "2018-04-01"),
            E.decision(19, "Join a foundation", on: "2020-01-18"),
            E.decision(2, "Before the data", on: "2016-12-31"),
            E.decision(20, "After the data", on: "2020-01-19"),
        ],
        unit: "%"
    )

    static let crowdedDecisions = E.lineChart(
        "crowded-decisions",
        lines: [
            E.line(
                "PyTorch", style: 0, emphasised: true,
                E.monthly(from: "2016-01-01", every: 12, [2, 9, 22, 38, 47, 52, 58])),
            E.line("TensorFlow", style: 1, E.monthly(from: "2016-01-01", every: 12, [60, 70, 66, 55, 48, 42, 38])),
        ],
        markers: [
            E.decision(1, "Start", on: "2016-09-01"),
            E.decision(2, "Tape-based autograd", on: "2016-09-20"),
            E.decision(3, "Python first", on: "2016-10-01"),
            E.decision(4, "Researchers first", on: "2016-10-15"),
            E.decision(5, "Open governance", on: "2018-06-01"),
            E.decision(10, "TorchScript", on: "2018-07-01"),
            E.decision(11, "Mobile", on: "2019-10-01"),
        ],
        unit: "%"
    )

    static let oneWeek = E.lineChart(
        "one-week",
        lines: [
            E.line(
                "PyTorch", style: 0, emphasised: true,
                (0..<7).map {
                    ChartPoint(day: E.day("2019-06-24") + $0, value: Double([410, 455, 430, 520, 498, 300, 280][$0]))
                }),
            E.line(
                "TensorFlow", style: 1,
                (0..<7).map {
                    ChartPoint(day: E.day("2019-06-24") + $0, value: Double([620, 600, 615, 580, 570, 350, 330][$0]))
                }),
        ],
        unit: "issues", title: "Issues opened each day", description: "Daily issues over one week."
    )

    static let twentyYears: ChartExample = {
        func series(_ start: Double, _ rate: Double) -> [ChartPoint] {
            E.monthly(
                from: "2004-01-01",
                (0...240).map { month in
                    (start * pow(1 + rate, Double(month)) * (1 + 0.08 * sin(Double(month) / 5))).rounded()
                })
        }
        return E.lineChart(
            "twenty-years",
            lines: [
                E.line("NumPy", style: 0, emphasised: true, series(1_000, 0.021)),
                E.line("Numeric", style: 1, series(9_000, -0.012)),
            ],
            unit: "mentions", scale: .log,
            title: "Mentions on mailing lists", description: "Monthly mentions, 2004 to 2024."
        )
    }()

    static let thousandsOfPoints: ChartExample = {
        let first = E.day("2010-01-01")
        let points = (0..<5_000).map { index -> ChartPoint in
            let trend = 1_000 + Double(index) * 0.8
            let seasonal = 300 * sin(Double(index) * 2 * Double.pi / 365)
            let spike = index == 2_500 ? 4_000.0 : 0
            return ChartPoint(
                day: first + index, value: index >= 1_800 && index < 1_830 ? nil : (trend + seasonal + spike).rounded())
        }
        return E.lineChart(
            "thousands-of-points", lines: [E.line("PyTorch", style: 0, emphasised: true, points)], unit: "downloads",
            title: "Daily downloads", description: "Every day since 2010."
        )
    }()

    static let shareWithDenominatorChange: ChartExample = {
        let dates = (0..<7).map { E.day("2016-01-01") + $0 * 365 }
        let pytorch: [Double?] = [0.05, 0.12, 0.25, 0.4, 0.497, 0.58, 0.63]
        let tensorflow: [Double?] = [0.95, 0.88, 0.6, 0.48, 0.44, 0.37, 0.34]
        let jax: [Double?] = [nil, nil, 0.15, 0.12, 0.063, 0.05, 0.03]
        func points(_ values: [Double?]) -> [ChartPoint] { zip(dates, values).map { ChartPoint(day: $0, value: $1) } }
        let spec = ShareChartSpec(
            title: "Share of papers using each framework",
            description: "Each framework's papers divided by the papers of all frameworks measured.",
            lines: [
                E.line("PyTorch", style: 0, emphasised: true, points(pytorch)),
                E.line("TensorFlow", style: 1, points(tensorflow)),
                E.line("MXNet", style: 2, points(jax)),
            ],
            markers: [E.decision(7, "Focus on researchers", on: "2017-01-18")],
            denominatorChanges: [dates[2]],
            unsettledFromDay: E.day("2021-07-01"),
            idPrefix: "chart-share"
        )
        return ChartExample(name: "share-denominator-change") { ShareChart.svg(spec) }
    }()

    static let lagShading = E.lineChart(
        "lag-shading",
        lines: [
            E.line(
                "PyTorch", style: 0, emphasised: true,
                E.monthly(from: "2018-01-01", every: 3, [20, 24, 29, 33, 38, 41, 45, 49.7, 52, 54, 57, 58])),
            E.line(
                "TensorFlow", style: 1,
                E.monthly(from: "2018-01-01", every: 3, [70, 67, 63, 60, 56, 54, 50, 46, 44, 41, 39, 38])),
        ],
        unit: "%", unsettledFromDay: E.day("2020-04-01"),
        title: "Share of papers", description: "Share of conference papers."
    )

    static let scriptInLabels = E.lineChart(
        "script-in-labels",
        lines: [
            E.line(
                "<script>alert(\"x\")</script>", style: 0, emphasised: true,
                E.monthly(from: "2019-01-01", every: 6, [1, 2, 3])),
            E.line("Tom & Jerry's \"framework\"", style: 1, E.monthly(from: "2019-01-01", every: 6, [3, 2, 1])),
        ],
        markers: [
            ChartMarker(
                day: E.day("2019-07-01"), label: "<b>", title: "</title><script>alert(1)</script>",
                href: "../decisions/a.html?x=1&y=<2>")
        ],
        unit: "<units> & \"quotes\"",
        title: "A <title> & \"quotes\" 'too'", description: "</desc><script>alert('desc')</script>"
    )

    static let noData = E.lineChart(
        "no-data",
        lines: [
            E.line("PyTorch", style: 0, emphasised: true, E.monthly(from: "2019-01-01", every: 6, [nil, nil, nil]))
        ],
        markers: [E.decision(7, "Focus on researchers", on: "2019-03-01")],
        unit: "papers", scale: .log
    )

    static let sparkline = ChartExample(name: "sparkline") {
        Sparkline.svg(
            points: E.monthly(from: "2018-01-01", every: 6, [12, 18, 30, 29, 44, 61]), label: "PyTorch papers",
            unit: "papers")
    }

    static let sparklineWithGaps = ChartExample(name: "sparkline-with-gaps") {
        Sparkline.svg(
            points: E.monthly(from: "2018-01-01", every: 6, [12, nil, 30, nil, 44, 61, nil]),
            label: "TensorFlow papers", style: 1)
    }
}
