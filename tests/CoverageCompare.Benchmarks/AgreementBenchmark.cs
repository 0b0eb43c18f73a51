using BenchmarkDotNet.Attributes;
using CoverageCompare.Analysis;
using CoverageCompare.Analysis.Agreement;
using CoverageCompare.Data.Annotations;

namespace CoverageCompare.Benchmarks;

/// <summary>
/// Reviewer agreement over 10,000 judgements: 2,500 claims in 10 articles, 6 reviewers who each judge a claim with
/// probability 2/3, six verdicts with agreement planted at about 70%. <see cref="Figures"/> is the arithmetic alone;
/// <see cref="FromAnnotations"/> is what the agreement page computes: annotations placed on claims, then the figures.
/// </summary>
[MemoryDiagnoser]
// In process: a build of the generated project times out on this shared machine, and the code has no JIT subtleties.
[InProcess]
public class AgreementBenchmark
{
    private const int Judgements = 10_000;
    private static readonly string[] Verdicts = [.. VerdictLabel.Defaults];

    private List<Judgement> _judgements = [];
    private List<AnnotationView> _annotations = [];
    private List<Claim> _claims = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(16);
        _claims = Enumerable.Range(0, 2_500)
            .Select(i => new Claim($"c{i}", (i % 10 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), i / 10 * 100, i / 10 * 100 + 80, $"Claim {i}", ClaimKind.Statement, null))
            .ToList();
        var now = DateTime.UtcNow;
        while (_judgements.Count < Judgements)
        {
            foreach (var claim in _claims)
            {
                var truth = Verdicts[random.Next(Verdicts.Length)];
                for (var reviewer = 0; reviewer < 6 && _judgements.Count < Judgements; reviewer++)
                {
                    if (random.Next(3) == 0) continue;
                    var verdict = random.NextDouble() < 0.7 ? truth : Verdicts[random.Next(Verdicts.Length)];
                    _judgements.Add(new Judgement(claim.Id, $"r{reviewer}", verdict));
                    var articleId = int.Parse(claim.ArticleId, System.Globalization.CultureInfo.InvariantCulture);
                    _annotations.Add(new AnnotationView(Guid.NewGuid(), 1, null,
                        new AnnotationTarget(articleId, claim.Start + 5, claim.End - 5, "quote", "", "", false),
                        verdict, [], "", $"Reviewer {reviewer}", $"r{reviewer}", now, now.AddSeconds(_annotations.Count), null, null, 1, []));
                }
            }
        }
    }

    [Benchmark(Description = "α, κ per pair, disagreements: 10,000 judgements")]
    public AgreementReport Figures() => ReviewerAgreement.Report(_judgements);

    [Benchmark(Description = "the agreement page's computation from 10,000 annotations")]
    public StoryAgreement FromAnnotations() => StoryAgreement.Build(1, _annotations, _claims, Verdicts);
}
