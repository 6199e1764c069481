import ArgumentParser
import BearingsKit
import BearingsServe
import Foundation

/// `bearings serve`: build, serve, rebuild on change, reload open pages.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site: build it, serve it, and rebuild on every change.",
        discussion: """
            Serves the site on http://127.0.0.1:8000/ from memory, watches the data, decisions and \
            templates folders, rebuilds when a file changes and reloads open pages. A rebuild parses only \
            the files that changed and renders each page when it is first asked for, so a reload waits \
            for the data, not for the whole site. When a change breaks the build, the pages keep showing \
            the last good site with the problems laid over it, until they are fixed. Each good build is \
            also written to the output folder, behind the preview. Only the files of the \
            site are served, and only to requests whose Host is localhost, a loopback address or \
            --host; long or slow requests are refused or closed (see docs/reference.md). Ctrl-C \
            stops it. Exit status 3 when the port is taken or the data folder cannot be read.
            """)

    @OptionGroup var options: DataOptions

    @OptionGroup var site: SiteOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The address to listen on. Anything but loopback lets other machines read the site.",
            valueName: "ip"))
    var host: String = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("The port to listen on.", valueName: "port"))
    var port: UInt16 = 8000

    func validate() throws {
        if ListenAddress(host: host) == nil {
            throw ValidationError("--host must be an IP address such as 127.0.0.1 or ::1, not '\(host)'")
        }
    }

    func run() async throws {
        let build = BuildOptions(
            load: options.loadOptions, output: site.output, templates: site.templatesFolder, strict: options.strict,
            sourceDateEpoch: site.sourceDateEpoch)
        guard let address = ListenAddress(host: host) else { throw ExitCode(2) }
        let format = options.format
        let sifter = WarningSifter()
        let server = PreviewServer(
            options: ServeOptions(build: build, address: address, port: port),
            report: { Serve.print($0, format: format, sifter: sifter) })
        if !address.isLoopback {
            Serve.say(
                "warning: listening on \(address): anyone who can reach this machine can read the site",
                to: .standardError)
        }
        do {
            try await server.start()
        } catch {
            throw Report.fail(error.description, code: error.exitCode)
        }
        Serve.say("Serving \(await server.url ?? "") — Ctrl-C to stop", to: .standardOutput)
        await InterruptSignal.wait()
        await server.stop()
        Serve.say("Stopped.", to: .standardOutput)
    }

    /// Prints what the preview reports. In text and GitHub formats a reload prints every error but
    /// only the warnings the last build did not have, then how many it left out; JSON prints each
    /// build's whole list, for programs that read it.
    static func print(_ event: PreviewEvent, format: DiagnosticFormat, sifter: WarningSifter) {
        switch event {
        case .built(let result, let seconds, let first):
            if format == .json {
                Report.print(result.diagnostics, format: format)
            } else {
                let (shown, repeated) = sifter.sift(result.diagnostics)
                Report.print(shown, format: format)
                if let line = WarningSifter.repeatedLine(repeated) { say(line, to: .standardError) }
            }
            if result.paths != nil {
                // Pages are rendered when asked for: the time is what a reload waits for before that.
                let line = String(
                    format: "%@ in %.2f s: %d pages, each rendered when it is first asked for",
                    first ? "Loaded the data" : "Reloaded the data", seconds, result.pageCount)
                say(line, to: .standardOutput)
            } else {
                say("The data has errors; the preview shows them over the last good site.", to: .standardError)
            }
        case .failed(let error, _, _):
            say("error: \(error.message)", to: .standardError)
        case .outputNotWritten(let reason):
            say("warning: the site is served but not written: \(reason)", to: .standardError)
        case .tooManyConnections:
            say(
                "warning: too many open connections; waiting for some to close before accepting more",
                to: .standardError)
        }
    }

    static func say(_ line: String, to handle: FileHandle) {
        handle.write(Data((line + "\n").utf8))
    }
}
