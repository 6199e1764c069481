import BearingsModel

/// How a line looks, derived from its style index: a colour, and — so lines differ without
/// colour — a dash pattern and a point shape. Colour repeats every 8 styles, dash every 5 and
/// shape every 4, so the first 20 styles differ in dash and shape alone and the first 40 in
/// colour and dash.
struct SeriesCue: Sendable, Equatable {
    /// Index of the CSS class `s0`…`s7`, which picks `--series-0`…`--series-7`.
    var colour: Int
    /// Index of the CSS class `d0`…`d4`; `d0` is solid.
    var dash: Int
    /// Point shape: 0 circle, 1 square, 2 triangle, 3 diamond.
    var shape: Int

    static let colourCount = 8
    static let dashCount = 5
    static let shapeCount = 4

    init(style: Int) {
        colour = floorMod(style, Self.colourCount)
        dash = floorMod(style, Self.dashCount)
        shape = floorMod(style, Self.shapeCount)
    }

    /// Classes for the line's path.
    func lineClasses(emphasised: Bool) -> String {
        "series s\(colour) d\(dash)" + (emphasised ? " emph" : "")
    }

    /// Classes for the line's point shapes.
    func pointClasses(emphasised: Bool) -> String {
        "pt s\(colour)" + (emphasised ? " emph" : "")
    }

    /// The point shape centred on (x, y) with radius about `r`.
    func shapeMarkup(x: Double, y: Double, r: Double, classes: String) -> SVG {
        switch shape {
        case 0:
            return "<circle class=\"\(classes)\" cx=\"\(x)\" cy=\"\(y)\" r=\"\(r)\"/>"
        case 1:
            let half = r * 0.9
            return
                "<rect class=\"\(classes)\" x=\"\(x - half)\" y=\"\(y - half)\" width=\"\(half * 2)\" height=\"\(half * 2)\"/>"
        case 2:
            return
                "<path class=\"\(classes)\" d=\"M\(x) \(y - r * 1.3)L\(x + r * 1.2) \(y + r * 0.8)L\(x - r * 1.2) \(y + r * 0.8)Z\"/>"
        default:
            return
                "<path class=\"\(classes)\" d=\"M\(x) \(y - r * 1.3)L\(x + r * 1.3) \(y)L\(x) \(y + r * 1.3)L\(x - r * 1.3) \(y)Z\"/>"
        }
    }
}
