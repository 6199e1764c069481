import BearingsKit

/// Everything `bearings serve` needs, mapped from the command line.
public struct ServeOptions: Sendable {
    /// What to build and where to write it.
    public var build: BuildOptions
    /// Where to listen.
    public var address: ListenAddress
    /// The port; 0 lets the system choose a free one (tests read it back from `PreviewServer.port`).
    public var port: UInt16
    /// Whether each good build is also written to `build.output`, so that folder stays current.
    public var writesOutput: Bool
    /// How often the watched folders are scanned.
    public var pollInterval: Duration
    /// How long the folders must stay still after a change before the rebuild starts, so that changes
    /// arriving together (a save that writes several files, a `git checkout`) cause one rebuild.
    public var settleInterval: Duration
    /// How long a connection may take to send a request's head (from when the preview starts waiting
    /// for it), and how long one write may wait for the client to read, before it is closed.
    public var idleTimeout: Duration

    /// Creates serve options; the defaults are those of `bearings serve`.
    public init(
        build: BuildOptions, address: ListenAddress = .loopback, port: UInt16 = 8000, writesOutput: Bool = true,
        pollInterval: Duration = .milliseconds(300), settleInterval: Duration = .milliseconds(100),
        idleTimeout: Duration = .seconds(15)
    ) {
        self.build = build
        self.address = address
        self.port = port
        self.writesOutput = writesOutput
        self.pollInterval = pollInterval
        self.settleInterval = settleInterval
        self.idleTimeout = idleTimeout
    }
}
