/// A file beside imported decision records (an image, a diagram) that a record links to, copied
/// into the site under `decisions/` so the link works.
public struct DecisionAttachment: Sendable, Equatable {
    /// The file's path inside the decisions folder, `/`-separated, never climbing out of it.
    public var path: String
    /// The file's bytes.
    public var bytes: [UInt8]

    /// Creates an attachment.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
