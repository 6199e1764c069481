import BearingsKit

/// What the preview tells the command line, which prints it.
public enum PreviewEvent: Sendable {
    /// A build finished: `plan` is nil when the data had errors (the last good site stays up).
    /// `first` is the build at startup; later ones follow a change in a watched folder.
    case built(BuildResult, seconds: Double, first: Bool)
    /// A build could not run at all (a template that does not parse, a data folder that went away).
    case failed(BuildError, seconds: Double, first: Bool)
    /// The site could not be written to the output folder; said once until a write succeeds again.
    case outputNotWritten(String)
    /// Accepting a connection failed for lack of file descriptors: the preview waits for some to close
    /// and keeps listening. Said at most once a minute.
    case tooManyConnections
}
