using CoverageCompare.Analysis.Agreement;

namespace CoverageCompare.Analysis.Tests.Agreement;

public sealed class ReviewerAgreementTests
{
    /// <summary>Rows are reviewers, columns units; null is a missing judgement.</summary>
    private static List<Judgement> Matrix(params (string Reviewer, string?[] Values)[] rows) =>
        rows.SelectMany(row => row.Values.Select((value, unit) => (value, unit))
                .Where(x => x.value is not null)
                .Select(x => new Judgement("u" + (x.unit + 1), row.Reviewer, x.value!)))
            .ToList();

    /// <summary>
    /// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. University of Pennsylvania, Annenberg School
    /// for Communication, Departmental Papers 43, section C ("Nominal data, any number of observers, missing data"):
    /// four observers, twelve units, unit 12 judged once and so not pairable; n = 40 pairable values; α_nominal = 0.743.
    /// </summary>
    [Fact]
    public void Krippendorffs_own_example_with_missing_data_gives_0_743()
    {
        var data = Matrix(
            ("A", ["1", "2", "3", "3", "2", "1", "4", "1", "2", null, null, null]),
            ("B", ["1", "2", "3", "3", "2", "2", "4", "1", "2", "5", null, "3"]),
            ("C", [null, "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", null]),
            ("D", ["1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", null]));

        var report = ReviewerAgreement.Report(data);

        Assert.Equal(0.743, report.Alpha!.Value, 3);
        Assert.Equal(12, report.Units);
        Assert.Equal(11, report.PairableUnits);
        Assert.Equal(40, report.PairableValues);
        Assert.Equal(["u2", "u6", "u8"], report.DisagreeingUnits);
    }

    /// <summary>
    /// Krippendorff (2011), section A ("Binary data, two observers, no missing data"): ten units, coincidences
    /// o_00 = 10, o_01 = o_10 = 4, o_11 = 2, so α = 1 − 19 · 4 / (14 · 6) = 0.095.
    /// </summary>
    [Fact]
    public void Krippendorffs_binary_two_observer_example_gives_0_095()
    {
        var data = Matrix(
            ("1", ["0", "1", "0", "0", "0", "0", "0", "0", "1", "0"]),
            ("2", ["1", "1", "1", "0", "0", "1", "0", "0", "0", "0"]));

        Assert.Equal(1 - 19.0 * 4 / (14 * 6), ReviewerAgreement.KrippendorffAlpha(data)!.Value, 10);
        Assert.Equal(0.095, ReviewerAgreement.KrippendorffAlpha(data)!.Value, 3);

        // Cohen's κ on the same table: p_o = 0.6, p_e = 0.8 · 0.6 + 0.2 · 0.4 = 0.56, κ = 0.04 / 0.44.
        var pair = ReviewerAgreement.CohenKappa(data, "1", "2")!;
        Assert.Equal(0.6, pair.Observed, 10);
        Assert.Equal(0.04 / 0.44, pair.Kappa!.Value, 10);
    }

    /// <summary>
    /// Cohen's κ, the worked examples of the Wikipedia article "Cohen's kappa" (section "Examples"): 50 grant proposals
    /// read by two readers, Yes/Yes 20, Yes/No 5, No/Yes 10, No/No 15: p_o = 0.7, p_e = 0.5, κ = 0.4; and the two
    /// tables of "Same percentages but different numbers" with p_o = 0.60 for both: κ = 0.1304 and κ = 0.2593.
    /// </summary>
    [Theory]
    [InlineData(20, 5, 10, 15, 0.4)]
    [InlineData(45, 15, 25, 15, 0.1304)]
    [InlineData(25, 35, 5, 35, 0.2593)]
    public void Cohens_kappa_matches_the_textbook_two_by_two_examples(int yesYes, int yesNo, int noYes, int noNo, double kappa)
    {
        var data = TwoByTwo(yesYes, yesNo, noYes, noNo);

        var pair = ReviewerAgreement.CohenKappa(data, "A", "B")!;

        Assert.Equal(kappa, pair.Kappa!.Value, 4);
        Assert.Equal(yesYes + yesNo + noYes + noNo, pair.Units);
        var table = ReviewerAgreement.Confusion(data, "A", "B", ["Yes", "No"]);
        Assert.Equal(["Yes", "No"], table.Values);
        Assert.Equal([yesYes, yesNo], table.Counts[0]);
        Assert.Equal([noYes, noNo], table.Counts[1]);
        Assert.Equal(yesYes + noNo, table.Agreeing);
    }

    [Fact]
    public void Alpha_and_kappa_are_undefined_without_variation_and_units_judged_once_are_ignored()
    {
        var data = Matrix(
            ("A", ["Accurate", "Accurate", "Misleading"]),
            ("B", ["Accurate", "Accurate", null]));

        var report = ReviewerAgreement.Report(data);

        Assert.Null(report.Alpha);
        Assert.Equal(2, report.PairableUnits);
        Assert.Null(Assert.Single(report.Pairs).Kappa);
        Assert.Equal(1.0, report.Pairs[0].Observed);
        Assert.Empty(report.DisagreeingUnits);
        Assert.Null(ReviewerAgreement.KrippendorffAlpha(Matrix(("A", ["x"]))));
    }

    [Fact]
    public void Pairs_cover_only_reviewers_who_share_a_unit_and_a_later_judgement_replaces_an_earlier_one()
    {
        List<Judgement> data =
        [
            new("c1", "ann", "Accurate"), new("c1", "bob", "Misleading"), new("c1", "bob", "Accurate"),
            new("c2", "ann", "Inaccurate"), new("c2", "bob", "Accurate"),
            new("c3", "cat", "Opinion"),
        ];

        var report = ReviewerAgreement.Report(data);

        var pair = Assert.Single(report.Pairs);
        Assert.Equal(("ann", "bob", 2, 0.5), (pair.A, pair.B, pair.Units, pair.Observed));
        Assert.Equal(["c2"], report.DisagreeingUnits);
        Assert.Equal(5, report.Judgements);
        Assert.Equal(["ann", "bob", "cat"], report.Reviewers);
        Assert.Null(ReviewerAgreement.CohenKappa(data, "ann", "cat"));
    }

    private static List<Judgement> TwoByTwo(int yesYes, int yesNo, int noYes, int noNo)
    {
        var cells = new[] { ("Yes", "Yes", yesYes), ("Yes", "No", yesNo), ("No", "Yes", noYes), ("No", "No", noNo) };
        var unit = 0;
        var data = new List<Judgement>();
        foreach (var (a, b, count) in cells)
        {
            for (var i = 0; i < count; i++, unit++)
            {
                data.Add(new Judgement("u" + unit, "A", a));
                data.Add(new Judgement("u" + unit, "B", b));
            }
        }
        return data;
    }
}
