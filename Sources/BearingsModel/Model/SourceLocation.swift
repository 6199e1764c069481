/// A place in an input file: path as given to Bearings, 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file's path, relative to the current directory when it was found through a relative path.
    public var path: String
    /// 1-based line number; 0 when the problem concerns the whole file.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }
    /// 1-based column, counted in Unicode scalars.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }
    /// Line and column in 32 bits each: a large site keeps about a million locations. Positions
    /// beyond two thousand million are clamped.
    private var storedLine: Int32
    private var storedColumn: Int32

    /// Creates a location.
    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    /// `path:line:column`.
    public var description: String { "\(path):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.storedLine, lhs.storedColumn) < (rhs.path, rhs.storedLine, rhs.storedColumn)
    }
}
