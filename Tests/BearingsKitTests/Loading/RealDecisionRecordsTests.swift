import Testing

@testable import BearingsKit
@testable import BearingsLoading
@testable import BearingsModel

/// Real decision records written for adr-tools, log4brains and MADR, read through `--decisions`.
///
/// The expected lists were written by reading the files, not by printing what the parser returns:
/// the id is the file name; the title is the first `# ` line without adr-tools' `N. ` prefix; the date is
/// the `Date:` line (adr-tools) or the `- Date:` bullet (log4brains); the status is the first paragraph
/// under `## Status` (adr-tools) or the `- Status:` bullet (log4brains), mapped as SPEC §1 and the
/// decision parser document: Accepted, Approved and "Partly superseded" (still in force) → accepted;
/// Pending, Proposed and draft → proposed; "Superseded by [..](0015-x.md)" → superseded by 0015-x.
/// The govuk-aws table was cross-checked against `grep '^# '`, `grep '^Date:'` and an awk script
/// printing the first non-blank line after `## Status` in every file.
struct RealDecisionRecordsTests {
    struct Record: Sendable, Equatable, CustomStringConvertible {
        var id: String
        var title: String
        var status: Decision.Status?
        var date: String?
        var supersededBy: String?

        init(
            _ id: String, _ title: String, _ status: Decision.Status?, _ date: String?,
            _ supersededBy: String? = nil
        ) {
            self.id = id
            self.title = title
            self.status = status
            self.date = date
            self.supersededBy = supersededBy
        }

        init(_ decision: Decision) {
            self.init(
                decision.id, decision.title, decision.status, decision.date?.description,
                decision.supersededBy)
        }

        var description: String {
            "\(id) | \(title) | \(status?.rawValue ?? "-") | \(date ?? "-") | \(supersededBy ?? "-")"
        }
    }

    /// Loads a folder of records beside a data folder holding only project.md.
    private func load(_ folder: String) throws -> LoadResult {
        try DataLoader.load(
            LoadOptions(
                dataDirectory: Fixtures.path("data/project-only"), decisionsDirectory: Fixtures.path(folder)
            ))
    }

    /// The decisions of a load without errors, sorted by id.
    private func records(_ result: LoadResult) throws -> [Record] {
        try #require(result.dataSet).decisions.map(Record.init).sorted { $0.id < $1.id }
    }

    private func text(_ diagnostics: [Diagnostic]) -> String {
        Fixtures.relativise(DiagnosticFormat.text.render(diagnostics))
    }

    static let govukAWS: [Record] = [
        Record(
            "0001-record-architecture-decisions", "Record architecture decisions", .accepted, "2017-06-30"
        ),
        Record("0002-hosting-platforms", "Hosting Platforms", .accepted, "2017-06-30"),
        Record("0003-aws-networking-outline", "Networking Outline", .accepted, "2017-06-30"),
        Record(
            "0004-dns-definitions-for-hosts-and-services", "DNS definitions for hosts and services",
            .superseded,
            "2017-07-14", "0015-dns-infrastructure"),
        Record("0005-terraform-module-location", "Terraform Module Location", .accepted, "2017-07-04"),
        Record("0006-puppet-architecture", "Puppet architecture", .proposed, "2017-07-04"),
        Record("0007-puppet-cert-management", "Puppet certificate management", .accepted, "2017-07-04"),
        Record("0008-postgres-on-puppetmaster", "Postgres on Puppetmaster", .accepted, "2017-07-04"),
        Record(
            "0009-environment-bootstrapping-process", "Environment bootstrapping process", .proposed,
            "2017-07-04"),
        Record(
            "0010-terraform-directory-structure", "Terraform directory structure", .accepted, "2017-07-04"
        ),
        Record("0011-migration-strategy", "Migration Strategy", .accepted, "2017-07-04"),
        Record(
            "0012-security-groups-in-terraform", "Security Groups in Terraform", .accepted, "2017-07-05"),
        Record(
            "0013-userdata-provisioning-snippets", "Userdata provisioning snippets", .proposed,
            "2017-07-14"),
        Record(
            "0014-launch-config-change-propagation-process", "Launch Config change propagation process",
            .accepted,
            "2017-07-14"),
        Record("0015-dns-infrastructure", "DNS infrastructure", .accepted, "2018-03-06"),
        Record("0016-internal-dns-zones", "internal DNS zones", .accepted, "2017-07-19"),
        Record("0017-terraform-data-structure", "Terraform Data Structure", .accepted, "2017-07-14"),
        Record(
            "0018-use-rds-instead-of-provisioned-ec2-databases",
            "Use RDS instead of provisioned EC2 databases",
            .accepted, "2017-08-01"),
        Record(
            "0019-centralise-mysql-databases", "Centralise MySQL Databases", .accepted, "2017-08-02"),
        Record(
            "0020-merge-api-postgresql-instance-into-main-postgresql-instance",
            "Merge API PostgreSQL instance into main PostgreSQL instance", .accepted, "2017-08-07"),
        Record(
            "0021-use-acm-for-ssl-purchases-and-terminate-certificates-on-elbs",
            "Use ACM for SSL purchases and terminate certificates on ELBs", .accepted, "2017-08-14"),
        Record(
            "0022-remove-the-elasticsearch-proxy", "Remove the Elasticsearch proxy", .accepted,
            "2017-08-16"),
        Record(
            "0023-use-separate-data-repository", "Use separate data repository", .accepted, "2017-08-18"),
        Record("0024-ami-lookups", "AMI Lookups", .accepted, "2017-08-29"),
        Record("0025-use-elasticache-for-redis", "Use Elasticache for Redis", .accepted, "2017-09-04"),
        Record("0026-remove-load-balancer-tier", "Remove load balancer tier", .accepted, "2017-08-16"),
        Record(
            "0027-move-publicapi-away-from-frontend-lb", "Move PublicAPI away from frontend-lb",
            .accepted, "2017-09-04"),
        Record(
            "0028-combine-api-mongo-cluster-into-mongo-cluster",
            "Combine api-mongo cluster into mongo cluster",
            .accepted, "2017-09-14"),
        Record(
            "0029-combine-api-redis-into-backend-redis", "Combine api-redis into backend-redis",
            .accepted, "2017-09-14"),
        Record(
            "0030-change-in-architecture-to-asset-master", "Change in architecture to Asset Master",
            .accepted,
            "2017-09-15"),
        // The next three keep titles copied from older records ("# 31. Security Groups…", "# 3. …"): a
        // number that is not the record's own stays in the title, as the reader sees it.
        Record("0031-security-group-naming", "Security Groups in Terraform", .proposed, "2017-11-28"),
        Record("0032-transfer-artefact-binary", "transfer artefact binary", .accepted, "2018-03-26"),
        Record("0033-ip-ranges", "3. Networking Outline", .proposed, "2018-09-26"),
        Record(
            "0035-bouncer-load-balancer-on-port-80-and-443", "3. Bouncer Public Load Balancer Configuration",
            .proposed,
            "2018-10-22"),
        Record(
            "0036-performance-platform-and-backdrop-architecture",
            "Performance-Platform-And-BackDrop-Architecture",
            .proposed, "2019-01-23"),
        Record("0037-alb-health-checks", "ALB Health Checks", .accepted, "2019-06-24"),
        Record(
            "0038-mongo_replacement_by_documentdb", "Mongo Replacement by DocumentDB", .accepted,
            "2019-10-17"),
        Record("0039-non-govuk-domain-policy", "Non-GOV.UK domain policy", .accepted, "2022-10-10"),
    ]

    @Test func readsEveryGovukAWSRecordWithoutAProblem() throws {
        let result = try load("adr/govuk-aws")
        // The images beside these records were not copied into the fixture: each is a warning.
        let missing = { (line: String, file: String) in
            "adr/govuk-aws/\(line): warning: the image './\(file)?raw=true' is missing: there is no such file in the decisions folder\n"
        }
        #expect(
            text(result.diagnostics)
                == missing("0015-dns-infrastructure.md:24:1", "0015-govuk-aws-dns.jpg")
                + missing(
                    "0027-move-publicapi-away-from-frontend-lb.md:13:1",
                    "0027-move-publicapi-away-from-frontend-lb-img01.jpg")
                + missing("0032-transfer-artefact-binary.md:24:1", "0032-transfer-artefact-binary-img01.png")
                + missing(
                    "0036-performance-platform-and-backdrop-architecture.md:32:1",
                    "0036-performance-platform-and-backdrop-architecture-img01.png"))
        let read = try records(result)
        #expect(read.count == 38)
        #expect(read == Self.govukAWS)
    }

    @Test func keepsTheAmendmentLinksOfGovukAWSRecords() throws {
        let decisions = try #require(try load("adr/govuk-aws").dataSet).decisions
        let links = decisions.filter { !$0.statusLinks.isEmpty }.map {
            "\($0.id): \($0.statusLinks.map { "\($0.relation) \($0.target)" })"
        }
        #expect(
            links == [
                "0010-terraform-directory-structure: [\"Amended by 0017-terraform-data-structure\"]",
                "0017-terraform-data-structure: [\"Amends 0010-terraform-directory-structure\"]",
            ])
    }

    @Test func ordersDecisionsByDateThenID() throws {
        let decisions = try #require(try load("adr/govuk-aws").dataSet).decisions
        #expect(
            decisions.prefix(4).map(\.id) == [
                "0001-record-architecture-decisions", "0002-hosting-platforms",
                "0003-aws-networking-outline",
                "0005-terraform-module-location",
            ])
        #expect(decisions.last?.id == "0039-non-govuk-domain-policy")
    }

    // README.md, index.md and template.md in the folder are not decisions.
    static let log4brainsDocs: [Record] = [
        Record(
            "20200924-use-markdown-architectural-decision-records",
            "Use Markdown Architectural Decision Records",
            .accepted, "2020-09-24"),
        Record(
            "20200925-multi-packages-architecture-in-a-monorepo-with-yarn-and-lerna",
            "Multi-packages architecture in a monorepo with Yarn and Lerna", .accepted, "2020-09-25"),
        Record(
            "20200925-use-prettier-eslint-airbnb-for-the-code-style",
            "Use Prettier-ESLint Airbnb for the code style",
            .accepted, "2020-09-25"),
        Record(
            "20200926-use-the-adr-number-as-its-unique-id", "Use the ADR number as its unique ID",
            .superseded,
            "2020-09-26", "20201016-use-the-adr-slug-as-its-unique-id"),
        Record("20200927-avoid-default-exports", "Avoid default exports", .accepted, "2020-09-27"),
        Record(
            "20201016-use-the-adr-slug-as-its-unique-id", "Use the ADR slug as its unique ID", .accepted,
            "2020-10-16"),
        Record(
            "20201026-the-core-api-is-responsible-for-enhancing-the-adr-markdown-body-with-mdx",
            "The core API is responsible for enhancing the ADR markdown body with MDX", .accepted,
            "2020-10-26"),
        Record("20201103-use-lunr-for-search", "Use Lunr for search", .accepted, "2020-11-03"),
        Record(
            "20210113-distribute-log4brains-as-a-global-npm-package",
            "Distribute Log4brains as a global NPM package",
            .accepted, "2021-01-13"),
    ]

    @Test func readsEveryLog4brainsRecordWithoutAProblem() throws {
        let result = try load("adr/log4brains/docs-adr")
        #expect(text(result.diagnostics) == "")
        #expect(try records(result) == Self.log4brainsDocs)
    }

    // log4brains's own edge cases: records without status, date or title are read, with warnings.
    static let log4brainsEdgeCases: [Record] = [
        Record("20200101-first-adr", "First ADR", .accepted, "2020-01-01"),
        Record("20200102-adr-only-with-date", "ADR only with date", nil, "2020-01-02"),
        Record("20200102-adr-with-intro", "ADR with intro", .accepted, "2020-01-02"),
        Record("20200102-adr-without-status", "ADR without status", nil, "2020-01-02"),
        // Without a title, the file name is shown as words, without its date.
        Record("20200102-adr-without-title", "Adr without title", nil, "2020-01-02"),
        Record("20201028-adr-with-no-metadata", "ADR with no metadata", nil, nil),
        Record(
            "20201028-adr-with-no-metadata-no-title", "Adr with no metadata no title", nil, nil),
        Record("20201028-adr-without-date", "ADR without date", .accepted, nil),
        Record("20201028-links", "Links", nil, "2020-10-28"),
        Record(
            "20201028-superseded-adr", "Superseded ADR", .superseded, "2020-10-28", "20201029-superseder"),
        Record("20201029-proposed-adr", "Proposed ADR", .proposed, "2020-10-29"),
        Record("20201029-rejected-adr", "Rejected ADR", .rejected, "2020-10-29"),
        Record("20201029-superseder", "Superseder", .accepted, "2020-10-29"),
        Record("20201030-draft-adr", "Draft ADR", .proposed, "2020-10-30"),
        Record("adr_with_a_WeIrd-filename", "ADR with a weird filename", .accepted, "2020-01-02"),
    ]

    static let noDate =
        "the decision has no date\n    hint: add 'date: YYYY-MM-DD' to the front matter"
    static let noStatus =
        "the decision has no status\n    hint: add 'status: proposed' (or accepted, rejected, deprecated, superseded) to the front matter"
    static let noTitle =
        "the decision has no title\n    hint: start the body with a '# ' heading, e.g. '# Focus on researchers first'"

    @Test func readsLog4brainsEdgeCasesWithWarningsNotErrors() throws {
        let result = try load("adr/log4brains/integration-tests")
        let folder = "adr/log4brains/integration-tests"
        // A missing status or date is one line for the folder; a missing title, a broken link and a
        // link to a record outside the folder (issue #28; silent before) are warnings where they are.
        #expect(
            text(result.diagnostics) == """
                \(folder):1:1: warning: 3 of 15 imported decisions show no date ('20201028-adr-with-no-metadata-no-title', '20201028-adr-with-no-metadata', '20201028-adr-without-date')
                    hint: they are listed as undated, after the dated ones
                \(folder):1:1: warning: 6 of 15 imported decisions show no status ('20200102-adr-only-with-date', '20200102-adr-without-status', '20200102-adr-without-title', …)
                    hint: they are listed as 'no status'; add 'status:' to their front matter to change that
                \(folder)/20200102-adr-without-title.md:1:1: warning: \(Self.noTitle)
                \(folder)/20201028-adr-with-no-metadata-no-title.md:1:1: warning: \(Self.noTitle)
                \(folder)/20201028-links.md:11:16: warning: the link to '20200101-first-adr-BROKEN.md' is broken: there is no such file in the decisions folder
                \(folder)/20201028-links.md:12:22: warning: the link to '../../packages/package1/adr/20200101-first-adr.md' leads outside the decisions folder, so it is broken on the site
                    hint: Bearings publishes only the records inside the folder given to --decisions; link to the page's web address instead

                """)
        #expect(try records(result) == Self.log4brainsEdgeCases.sorted { $0.id < $1.id })
    }

    // MADR 3/4 keeps metadata in optional front matter; these records use it only for Jekyll's navigation.
    static let madrTitles: [(String, String)] = [
        (
            "0000-use-markdown-architectural-decision-records",
            "Use Markdown Architectural Decision Records"
        ),
        ("0001-use-CC0-or-MIT-as-license", "Dual License the Work"),
        ("0002-do-not-use-numbers-in-headings", "Do Not Use Numbers in Headings"),
        ("0003-provide-own-madr-tools", "Write Own MADR Tooling"),
        ("0004-write-own-toc-tool", "Write Own TOC Tool"),
        ("0005-use-dashes-in-filenames", "Use Dashes in Filenames"),
        ("0006-use-names-as-identifier", "Use Names as Identifier"),
        ("0007-do-not-emphasize-line-headings", "Do Not Emphasize Line Headings"),
        ("0008-add-status-field", "Add Status Field"),
        ("0009-support-links-between-adrs-inside-an-adrs", "Support Links To Other ADRs Inside an ADR"),
        ("0010-support-categories", "Support Categories"),
        ("0011-use-asterisk-as-list-marker", "Use Asterisk as List Marker"),
        ("0012-use-curly-braces-to-denote-placeholder", "Use Curly Braces to Denote Placeholders"),
        ("0013-use-yaml-front-matter-for-meta-data", "Use YAML front matter for metadata"),
        ("0014-allow-neutral-arguments", "Allow \"neutral\" arguments"),
        ("0015-include-consulting-informed-of-raci", "Include \"Consulted\" and \"Informed\" of RACI"),
        ("0016-outcome-before-detailed-pros-cons", "Outcome before Detailed Pros and Cons"),
        ("0017-use-same-format-for-outcomes-and-options", "Use Same Format for Outcomes and Options"),
        ("0018-use-confirmation-as-heading", "Use \"Confirmation\" as Heading"),
    ]

    @Test func readsMADRRecordsWhoseOnlyStatusIsInCodeExamplesAsUndated() throws {
        let result = try load("adr/madr")
        // Every record lacks a date and a status; 0003's front matter says "on hold", which is no status
        // Bearings knows. The `status:` lines in 0008's and 0013's code examples are never read.
        let image = { (place: String, file: String) in
            "adr/madr/\(place): warning: the image '\(file)' is missing: there is no such file in the decisions folder\n"
        }
        let expected =
            """
            adr/madr:1:1: warning: 1 imported decision has status words Bearings does not map ('on hold')
                hint: they are shown as written; only proposed, accepted, rejected, deprecated and superseded ones count in the bets
            adr/madr:1:1: warning: 18 of 19 imported decisions show no status ('0000-use-markdown-architectural-decision-records', '0001-use-CC0-or-MIT-as-license', '0002-do-not-use-numbers-in-headings', …)
                hint: they are listed as 'no status'; add 'status:' to their front matter to change that
            adr/madr:1:1: warning: 19 of 19 imported decisions show no date ('0000-use-markdown-architectural-decision-records', '0001-use-CC0-or-MIT-as-license', '0002-do-not-use-numbers-in-headings', …)
                hint: they are listed as undated, after the dated ones

            """ + image("0008-add-status-field.md:47:3", "0008-example-badge.png")
            + image("0008-add-status-field.md:74:10", "0008-example-separate-heading.png")
            + image("0008-add-status-field.md:82:10", "0008-example-table.png")
            + image("0013-use-yaml-front-matter-for-meta-data.md:48:1", "0013-example.png")
        #expect(text(result.diagnostics) == expected)
        #expect(!result.hasErrors)
        #expect(try records(result) == Self.madrTitles.map { Record($0.0, $0.1, nil, nil) })
        let onHold = try #require(
            result.dataSet?.decisions.first { $0.id == "0003-provide-own-madr-tools" })
        #expect(onHold.statusText == "on hold")
        #expect(onHold.dialect == .frontMatter)
    }
}
