// The library's stages are targets of their own (issue #26); `import BearingsKit` gives their public
// API, as it did when they were one target.
@_exported import BearingsAnalysis
@_exported import BearingsCharts
@_exported import BearingsLoading
@_exported import BearingsModel
@_exported import BearingsParsing
@_exported import BearingsRendering
