/// Why the preview could not start. The command prints `description` and exits with `exitCode`.
public enum ServeError: Error, Equatable, CustomStringConvertible {
    /// Another program listens on the port.
    case portInUse(UInt16)
    /// Listening failed for another reason (an address this machine does not have, a privileged port).
    case cannotListen(address: String, port: UInt16, reason: String)
    /// The first build could not read its input (the data folder does not exist, say).
    case build(message: String, exitCode: Int32)

    /// One line, naming what to change.
    public var description: String {
        switch self {
        case .portInUse(let port):
            return "port \(port) is already in use; choose another with --port"
        case .cannotListen(let address, let port, let reason):
            return "cannot listen on \(address) port \(port): \(reason); choose another with --host or --port"
        case .build(let message, _):
            return message
        }
    }

    /// 3 for anything that stops the server from starting: SPEC §2's I/O failure.
    public var exitCode: Int32 {
        switch self {
        case .portInUse, .cannotListen: return 3
        case .build(_, let code): return code
        }
    }
}
