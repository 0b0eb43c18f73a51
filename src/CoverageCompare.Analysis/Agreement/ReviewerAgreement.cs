namespace CoverageCompare.Analysis.Agreement;

/// <summary>
/// Inter-reviewer agreement on nominal verdicts: Krippendorff's α over all reviewers (missing judgements allowed) and
/// Cohen's κ for each pair. Each reviewer counts once per unit: callers pass one judgement per (unit, reviewer).
/// </summary>
public static class ReviewerAgreement
{
    public static AgreementReport Report(IReadOnlyList<Judgement> judgements)
    {
        var units = ByUnit(judgements);
        var reviewers = judgements.Select(j => j.Reviewer).Distinct().Order(StringComparer.Ordinal).ToList();
        var pairs = new List<PairAgreement>();
        for (var i = 0; i < reviewers.Count; i++)
        {
            for (var k = i + 1; k < reviewers.Count; k++)
            {
                if (Pair(units, reviewers[i], reviewers[k]) is { } pair) pairs.Add(pair);
            }
        }
        var pairable = units.Where(u => u.Value.Count >= 2).ToList();
        return new AgreementReport(
            units.Values.Sum(u => u.Count),
            units.Count,
            pairable.Count,
            pairable.Sum(u => u.Value.Count),
            reviewers,
            KrippendorffAlpha(judgements),
            pairs,
            pairable.Where(u => u.Value.Values.Distinct().Skip(1).Any()).Select(u => u.Key).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// Krippendorff's α for nominal data, α = 1 − D_o / D_e, computed from the coincidence matrix as in Krippendorff,
    /// "Computing Krippendorff's Alpha-Reliability" (2011): each unit with m_u ≥ 2 values adds 1/(m_u − 1) for every
    /// ordered pair of its values from different reviewers; then α = 1 − (n − 1) Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k.
    /// </summary>
    public static double? KrippendorffAlpha(IReadOnlyList<Judgement> judgements)
    {
        var coincidences = new Dictionary<(string, string), double>();
        foreach (var values in ByUnit(judgements).Values.Where(v => v.Count >= 2))
        {
            var weight = 1.0 / (values.Count - 1);
            var counts = values.Values.CountBy(v => v, StringComparer.Ordinal).ToList();
            foreach (var (c, nc) in counts)
            {
                foreach (var (k, nk) in counts)
                {
                    // Ordered pairs of different reviewers: a value is not paired with itself.
                    var pairsInUnit = c == k ? nc * (nc - 1) : nc * nk;
                    if (pairsInUnit > 0) coincidences[(c, k)] = coincidences.GetValueOrDefault((c, k)) + pairsInUnit * weight;
                }
            }
        }
        var marginals = coincidences.GroupBy(o => o.Key.Item1).ToDictionary(g => g.Key, g => g.Sum(o => o.Value));
        var n = marginals.Values.Sum();
        if (n < 2) return null;

        var observedDisagreement = coincidences.Where(o => o.Key.Item1 != o.Key.Item2).Sum(o => o.Value);
        // Σ_{c≠k} n_c n_k = n² − Σ n_c².
        var expectedDisagreement = n * n - marginals.Values.Sum(nc => nc * nc);
        if (expectedDisagreement <= 1e-12) return null;
        return 1 - (n - 1) * observedDisagreement / expectedDisagreement;
    }

    /// <summary>Cohen's κ = (p_o − p_e) / (1 − p_e) over the units both reviewers judged (Cohen 1960); null when they share none.</summary>
    public static PairAgreement? CohenKappa(IReadOnlyList<Judgement> judgements, string a, string b) => Pair(ByUnit(judgements), a, b);

    /// <summary>The confusion table of two reviewers over the units both judged, values in ordinal order of their names.</summary>
    public static ConfusionTable Confusion(IReadOnlyList<Judgement> judgements, string a, string b, IReadOnlyList<string>? valueOrder = null)
    {
        var shared = Shared(ByUnit(judgements), a, b);
        var seen = shared.SelectMany(s => new[] { s.A, s.B }).ToHashSet(StringComparer.Ordinal);
        var values = (valueOrder ?? []).Where(seen.Contains)
            .Concat(seen.Except(valueOrder ?? [], StringComparer.Ordinal).Order(StringComparer.Ordinal))
            .ToList();
        var index = values.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i, StringComparer.Ordinal);
        var counts = values.Select(_ => new int[values.Count]).ToArray();
        foreach (var (va, vb) in shared) counts[index[va]][index[vb]]++;
        return new ConfusionTable(a, b, values, counts);
    }

    private static PairAgreement? Pair(Dictionary<string, Dictionary<string, string>> units, string a, string b)
    {
        var shared = Shared(units, a, b);
        if (shared.Count == 0) return null;
        double n = shared.Count;
        var observed = shared.Count(s => s.A == s.B) / n;
        var ofA = shared.CountBy(s => s.A, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        var ofB = shared.CountBy(s => s.B, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        var chance = ofA.Sum(x => x.Value / n * (ofB.GetValueOrDefault(x.Key) / n));
        double? kappa = 1 - chance <= 1e-12 ? null : (observed - chance) / (1 - chance);
        return new PairAgreement(a, b, shared.Count, observed, kappa);
    }

    private static List<(string A, string B)> Shared(Dictionary<string, Dictionary<string, string>> units, string a, string b) =>
        units.Values
            .Where(u => u.ContainsKey(a) && u.ContainsKey(b))
            .Select(u => (u[a], u[b]))
            .ToList();

    /// <summary>unit → reviewer → value; a reviewer's later judgement of the same unit replaces an earlier one.</summary>
    private static Dictionary<string, Dictionary<string, string>> ByUnit(IReadOnlyList<Judgement> judgements)
    {
        var units = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var j in judgements)
        {
            if (!units.TryGetValue(j.Unit, out var values)) units[j.Unit] = values = new Dictionary<string, string>(StringComparer.Ordinal);
            values[j.Reviewer] = j.Value;
        }
        return units;
    }
}
