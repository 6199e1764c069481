import Testing

@testable import BearingsKit
@testable import BearingsRendering

/// Long source URLs are shown as words a reader can take in; the link keeps the whole URL.
struct LinkLabelTests {
    @Test(arguments: [
        (
            "https://github.com/Chillee/pytorch-vs-tensorflow/blob/3ef0c7dee3002f66277251eda55df970b3cda293/data_analysis/data.csv",
            "github.com/Chillee/pytorch-vs-tensorflow: data_analysis/data.csv at 3ef0c7d"
        ),
        (
            "https://github.com/github/innovationgraph/commit/8faec9d72c7ec505480197d6dd580e6739fe2a96",
            "github.com/github/innovationgraph, commit 8faec9d"
        ),
        (
            "https://www.example.org/a/very/long/path/that/goes/on/and/on/for/ever/report.pdf",
            "example.org/…/report.pdf"
        ),
        ("https://pypistats.org/packages/torch", "https://pypistats.org/packages/torch"),
    ])
    func aLongURLIsShownAsWords(url: String, label: String) {
        #expect(SiteRenderer.linkLabel(url) == label)
    }
}
