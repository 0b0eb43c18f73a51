namespace CoverageCompare.Web.Annotations;

/// <summary>
/// Who publishes the fact-checks and how a verdict reads as a number. Configured as <c>App:Organisation</c>,
/// <c>App:OrganisationUrl</c>, <c>App:RatingScale:Worst</c>, <c>App:RatingScale:Best</c> and
/// <c>App:RatingScale:Ratings:&lt;verdict&gt;</c>. A verdict with no rating (Unverifiable, Opinion: not a degree of
/// truth) is published with its name only, as schema.org's alternateName.
/// </summary>
public sealed record ClaimReviewSettings(string Organisation, string? OrganisationUrl, int WorstRating, int BestRating, IReadOnlyDictionary<string, int> Ratings)
{
    public static IReadOnlyDictionary<string, int> DefaultRatings { get; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["Accurate"] = 5,
        ["Missing context"] = 3,
        ["Misleading"] = 2,
        ["Inaccurate"] = 1,
    };

    public static ClaimReviewSettings Default { get; } = new("CoverageCompare", null, 1, 5, DefaultRatings);

    public static ClaimReviewSettings From(IConfiguration configuration)
    {
        var scale = configuration.GetSection("App:RatingScale");
        var worst = scale.GetValue("Worst", Default.WorstRating);
        var best = scale.GetValue("Best", Default.BestRating);
        if (worst >= best) throw new InvalidOperationException($"App:RatingScale: Worst ({worst}) must be below Best ({best}).");
        var configured = scale.GetSection("Ratings").GetChildren().ToList();
        var ratings = configured.Count == 0 ? DefaultRatings : configured.ToDictionary(
            c => c.Key,
            c => int.TryParse(c.Value, out var value) && value >= worst && value <= best
                ? value
                : throw new InvalidOperationException($"App:RatingScale:Ratings:{c.Key} must be a whole number from {worst} to {best}."),
            StringComparer.OrdinalIgnoreCase);
        return new(
            configuration["App:Organisation"] is { Length: > 0 } organisation ? organisation.Trim() : Default.Organisation,
            configuration["App:OrganisationUrl"] is { Length: > 0 } url ? url.Trim() : null,
            worst,
            best,
            ratings);
    }

    public int? RatingOf(string verdict) => Ratings.TryGetValue(verdict, out var rating) ? rating : null;
}
