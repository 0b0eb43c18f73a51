namespace CoverageCompare.Analysis.Agreement;

/// <summary>One reviewer's verdict on one unit (a claim): the cell of Krippendorff's reliability data matrix.</summary>
public sealed record Judgement(string Unit, string Reviewer, string Value);

/// <summary>How far two reviewers agree over the units both judged; <see cref="Kappa"/> is null when chance agreement is total.</summary>
public sealed record PairAgreement(string A, string B, int Units, double Observed, double? Kappa);

/// <summary>Counts of (A's value, B's value) over the units both judged; rows are A's values, columns B's, both in <see cref="Values"/> order.</summary>
public sealed record ConfusionTable(string A, string B, IReadOnlyList<string> Values, IReadOnlyList<IReadOnlyList<int>> Counts)
{
    public int Total => Counts.Sum(row => row.Sum());

    public int Agreeing => Values.Select((_, i) => Counts[i][i]).Sum();
}

/// <summary>
/// The figures for one body of judgements. <see cref="Alpha"/> is null when it is undefined: fewer than two pairable
/// values, or every pairable value the same (no variation, so expected disagreement is zero).
/// </summary>
public sealed record AgreementReport(
    int Judgements,
    int Units,
    int PairableUnits,
    int PairableValues,
    IReadOnlyList<string> Reviewers,
    double? Alpha,
    IReadOnlyList<PairAgreement> Pairs,
    IReadOnlyList<string> DisagreeingUnits);
