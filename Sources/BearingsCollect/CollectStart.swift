import BearingsKit

/// What `collect` and `collect --history` both start with: the services' base URLs from the
/// environment and the data folder loaded, or why they cannot start (exit 1 for a bad base URL or
/// data with errors, 3 for an I/O failure).
struct CollectStart {
    var bases: CollectBases
    var dataSet: DataSet
    var diagnostics: [Diagnostic]

    /// Why a collection could not start: a message (nil when the diagnostics say it), the
    /// diagnostics found so far, and the exit status.
    struct Failure: Error {
        var error: String?
        var diagnostics: [Diagnostic] = []
        var exitCode: Int32
    }

    /// Reads the base URLs from `environment` and loads `dataDirectory`.
    static func load(environment: [String: String], dataDirectory: String) -> Result<CollectStart, Failure> {
        let bases: CollectBases
        do {
            bases = try CollectBases(environment: environment)
        } catch {
            return .failure(Failure(error: error.reason, exitCode: 1))
        }
        let result: LoadResult
        do {
            result = try DataLoader.load(LoadOptions(dataDirectory: dataDirectory))
        } catch {
            return .failure(Failure(error: error.description, exitCode: 3))
        }
        guard let dataSet = result.dataSet else {
            return .failure(Failure(error: nil, diagnostics: result.diagnostics, exitCode: 1))
        }
        return .success(CollectStart(bases: bases, dataSet: dataSet, diagnostics: result.diagnostics))
    }
}
