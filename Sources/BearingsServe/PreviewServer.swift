import BearingsKit
import FlyingFox
import FlyingSocks
import Foundation

/// `bearings serve`: builds the site, serves it from memory, rebuilds when a watched file changes and
/// tells open pages to reload. A build with errors leaves the last good site up, with the problems
/// laid over every page, until a build succeeds again.
public actor PreviewServer {
    private let options: ServeOptions
    private let report: @Sendable (PreviewEvent) -> Void
    private let hub = ReloadHub()
    /// Builds and writes run here, off the cooperative thread pool, one at a time.
    private let buildQueue = DispatchQueue(label: "bearings.serve.build")
    /// Writing the output folder runs here, behind the preview: a newer build cancels it.
    private let writeQueue = DispatchQueue(label: "bearings.serve.write")
    /// Files parsed by earlier builds, reused while their bytes are unchanged.
    let cache = ParseCache()
    /// The last good build's validation and analysis, reused after an edit of snapshot notes.
    let reloader = SiteReloader()
    /// The newest good build's generation (-1 while a change is pending): a write of an older one stops.
    private let newestBuild = Slot(0)
    private var site = PreviewSite(plan: nil, problems: nil, generation: 0)
    private var listener: PreviewListener?
    private var watchTask: Task<Void, Never>?
    private var writesOutput: Bool
    private var outputFailed = false

    /// The port it listens on, once started.
    public private(set) var port: UInt16?

    /// Creates a preview; `report` hears about every build, from any thread.
    public init(options: ServeOptions, report: @escaping @Sendable (PreviewEvent) -> Void = { _ in }) {
        self.options = options
        self.report = report
        self.writesOutput = options.writesOutput
    }

    /// The address to open in a browser, once started.
    public var url: String? { port.map { "http://\(options.address.urlHost):\($0)/" } }

    /// How many builds have finished, good or bad.
    public var generation: Int { site.generation }

    /// Builds once, starts listening, and starts watching. Problems in the data do not stop it (they
    /// are shown in the page); an unreadable data folder or a port that cannot be had does.
    public func start() async throws(ServeError) {
        // Listening first: a port that is taken fails at once, before a build writes anything. A page
        // asked for during the first build says so, and reloads when it is done.
        try await listen()
        let build = options.build
        if writesOutput,
            let refusal = SiteWriter.refusal(
                output: build.output, data: build.load.dataDirectory, decisions: build.load.decisionsDirectory)
        {
            writesOutput = false
            report(.outputNotWritten(refusal.description))
        }
        // The first scan comes before the first build, so a change made while it runs is not missed.
        let watcher = makeWatcher()
        let before = watcher.scan()
        if case .failure(let error) = await rebuild(first: true), error.exitCode == 3 {
            await stop()
            throw .build(message: error.message, exitCode: error.exitCode)
        }
        watchTask = Task { await self.watch(watcher, from: before) }
    }

    /// Stops watching, ends the live-reload streams, closes every connection.
    public func stop() async {
        newestBuild.value = -1  // a write behind the preview stops at its next page, leaving the folder as it was
        watchTask?.cancel()
        await watchTask?.value
        watchTask = nil
        await hub.close()
        // Half a second for responses in flight; connections waiting for a request close at once.
        await listener?.stop(grace: .milliseconds(500))
        listener = nil
    }

    /// The site as it is now, for the request handler.
    func currentSite() -> PreviewSite { site }

    // MARK: Building

    /// Loads the data again (files whose bytes did not change come from the parse cache), makes
    /// the result what is served, and tells open pages. Pages are rendered as they are asked for,
    /// so a reload after an edit waits for the data, not for the whole site. A good site is then
    /// written to the output folder in the background; a newer build cancels that write.
    @discardableResult
    private func rebuild(first: Bool) async -> Result<BuildResult, BuildError> {
        var cached = options.build
        cached.load.cache = cache
        let buildOptions = cached
        let reloader = self.reloader
        let start = ContinuousClock.now
        let outcome = await onBuildQueue {
            Result { () throws(BuildError) in try SiteBuilder.lazySite(buildOptions, reloader: reloader) }
        }
        let seconds = Double((ContinuousClock.now - start) / .microseconds(1)) / 1e6
        var goodSite: LazySite?
        // The site being replaced is let go of after open pages are told, on another thread: freeing
        // a large model takes a moment that a reload should not wait for.
        let previous = site.plan
        defer { DispatchQueue.global(qos: .background).async { withExtendedLifetime(previous) {} } }
        switch outcome {
        case .success(let (lazySite, result)):
            if let lazySite {
                goodSite = lazySite
                site.plan = lazySite
                site.problems = nil
            } else {
                site.problems = DiagnosticFormat.text.render(result.diagnostics)
            }
            report(.built(result, seconds: seconds, first: first))
        case .failure(let error):
            site.problems = "error: \(error.message)\n"
            // At startup an unreadable data folder stops the preview, and `start` throws it instead.
            if !first || error.exitCode != 3 { report(.failed(error, seconds: seconds, first: first)) }
        }
        site.generation += 1
        await hub.publish(site.generation)
        // Files changed just before this load were read; once they have settled, their metadata can
        // spare the next reload reading them (`ParseCache.settle`).
        let cache = self.cache
        DispatchQueue.global(qos: .background).asyncAfter(deadline: .now() + .seconds(ParseCache.settledSeconds + 1)) {
            cache.settle()
        }
        if let goodSite, writesOutput {
            let generation = site.generation
            newestBuild.value = generation
            // The first build is on disk before `start` returns; later ones follow behind the preview.
            if first {
                await write(goodSite, generation: generation, behind: false)
            } else {
                Task { await self.write(goodSite, generation: generation, behind: true) }
            }
        }
        return outcome.map(\.result)
    }

    /// Writes the site with `SiteWriter`; a failure is reported once, until a write succeeds again.
    /// A write that a newer build overtakes is dropped, leaving the folder as it was, and the newer
    /// build writes instead. `behind`: on one thread of the lowest priority, page by page, so the
    /// pages a reload asks for and the next rebuild always come first.
    private func write(_ lazySite: LazySite, generation: Int, behind: Bool) async {
        let output = options.build.output
        let newest = newestBuild
        let failure = await withCheckedContinuation { (continuation: CheckedContinuation<String?, Never>) in
            writeQueue.async {
                guard newest.value == generation else { return continuation.resume(returning: nil) }
                let work: @Sendable () -> String? = {
                    do throws(SiteWriter.WriteError) {
                        try SiteWriter.write(to: output) { staging in
                            lazySite.write(into: staging, parallel: !behind, cancelled: { newest.value != generation })
                        }
                        return nil
                    } catch {
                        return newest.value == generation ? error.description : nil
                    }
                }
                guard behind else { return continuation.resume(returning: work()) }
                let done = DispatchSemaphore(value: 0)
                let result = Slot<String?>(nil)
                let thread = Thread {
                    #if os(Linux)
                    // On Linux this sets the nice value of the calling thread alone.
                    _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
                    #endif
                    result.value = work()
                    done.signal()
                }
                thread.start()
                done.wait()
                continuation.resume(returning: result.value)
            }
        }
        guard newest.value == generation else { return }  // overtaken: the newer write reports
        if let failure, !outputFailed { report(.outputNotWritten(failure)) }
        outputFailed = failure != nil
    }

    private func onBuildQueue<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            buildQueue.async { continuation.resume(returning: work()) }
        }
    }

    // MARK: Watching

    /// The data folder but `sources/`, the decisions folder and the templates folder; never the output.
    private func makeWatcher() -> FolderWatcher {
        let build = options.build
        var folders = [build.load.dataDirectory]
        if let decisions = build.load.decisionsDirectory { folders.append(decisions) }
        if let templates = build.templates { folders.append(templates) }
        let sources = URL(fileURLWithPath: build.load.dataDirectory).appendingPathComponent("sources").path
        return FolderWatcher(folders: folders, skipping: [sources, build.output])
    }

    /// Scans the watched folders every `pollInterval`; after a change, waits until they have been still
    /// for `settleInterval`, then rebuilds once.
    private func watch(_ watcher: FolderWatcher, from before: [String: FolderWatcher.Stamp]) async {
        var last = before
        var lastPing = ContinuousClock.now
        // With a change signal (inotify), a short tick checks for events and a full scan runs on an
        // event or every `safetyScan`; without one, every `pollInterval` scans.
        let signal = ChangeSignal(folders: watcher.folders, skipping: watcher.skipped)
        let tick: Duration = signal == nil ? options.pollInterval : min(options.pollInterval, .milliseconds(50))
        let safetyScan: Duration = .seconds(3)
        var lastScan = ContinuousClock.now
        while !Task.isCancelled {
            do { try await Task.sleep(for: tick) } catch { return }
            var settled = false
            if let signal {
                let event = signal.takeEvents()
                if !event, ContinuousClock.now - lastScan < safetyScan { continue }
                // With events, the folders have settled once `settleInterval` passes without one
                // (at most about five seconds): one scan then, instead of one before and one after.
                if event {
                    for _ in 0..<25 {
                        do { try await Task.sleep(for: options.settleInterval) } catch { return }
                        if !signal.takeEvents() { break }
                    }
                    settled = true
                }
            }
            lastScan = .now
            var now = watcher.scan()
            if now == last {
                // Idle streams get a comment now and then, so connections whose page was closed are found.
                if ContinuousClock.now - lastPing > .seconds(15) {
                    lastPing = .now
                    await hub.ping()
                }
                continue
            }
            // A write of the previous site to the output folder would compete with the coming build for
            // the processor: it stops here, and that build writes when it is done.
            newestBuild.value = -1
            // At most about five seconds of settling: a folder that never stops changing still rebuilds.
            for _ in 0..<(settled ? 0 : 25) {
                do { try await Task.sleep(for: options.settleInterval) } catch { return }
                let again = watcher.scan()
                if again == now { break }
                now = again
            }
            last = now
            await rebuild(first: false)
        }
    }

    // MARK: Listening

    private func listen() async throws(ServeError) {
        let report = self.report
        let listener: PreviewListener
        do {
            listener = try PreviewListener(
                address: options.address, port: options.port, idleTimeout: options.idleTimeout,
                exhausted: { report(.tooManyConnections) },
                handler: { [weak self] request in
                    guard let self else { return HTTPResponse(statusCode: .serviceUnavailable) }
                    return await self.respond(to: request)
                })
            try await listener.start()
        } catch {
            throw listenError(error)
        }
        self.listener = listener
        port = listener.port
    }

    private func listenError(_ error: any Error) -> ServeError {
        if case .failed(_, let code, let message) = error as? SocketError {
            if code == EADDRINUSE { return .portInUse(options.port) }
            return .cannotListen(address: options.address.description, port: options.port, reason: message)
        }
        return .cannotListen(address: options.address.description, port: options.port, reason: "\(error)")
    }

    // MARK: Answering

    /// The events stream, or a file of the site; only GET and HEAD.
    nonisolated private func respond(to request: HTTPRequest) async -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: HTTPHeaders([HTTPHeader("Allow"): "GET, HEAD"]))
        }
        if request.target.path() == PageInjection.eventsPath {
            let since = request.query.first { $0.name == "since" }.flatMap { Int($0.value) }
            let events = await hub.subscribe(since: since)
            return HTTPResponse(
                statusCode: .ok,
                headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                body: HTTPBodySequence(from: EventStreamBody(events: events)))
        }
        let answer = await currentSite().response(for: request.target.rawValue)
        var headers: HTTPHeaders = [
            .contentType: answer.contentType, .cacheControl: "no-store",
            HTTPHeader("X-Content-Type-Options"): "nosniff",
        ]
        let status: HTTPStatusCode =
            switch answer.status {
            case 200: .ok
            case 404: .notFound
            case 503: .serviceUnavailable
            default: .internalServerError
            }
        if request.method == .HEAD {
            headers[.contentLength] = String(answer.body.count)
            return HTTPResponse(statusCode: status, headers: headers)
        }
        return HTTPResponse(statusCode: status, headers: headers, body: Data(answer.body))
    }
}

/// One value shared between threads under a lock.
final class Slot<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value {
        get {
            lock.lock()
            defer { lock.unlock() }
            return stored
        }
        set {
            lock.lock()
            stored = newValue
            lock.unlock()
        }
    }
}
