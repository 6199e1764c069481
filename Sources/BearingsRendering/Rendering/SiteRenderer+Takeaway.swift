import BearingsAnalysis

extension SiteRenderer {
    /// The takeaway sentences of this site's charts (`Takeaway`): this project, names, the reference date.
    var takeaway: Takeaway {
        Takeaway(project: dataSet.project.id, names: projectNames, reference: referenceDate)
    }
}
