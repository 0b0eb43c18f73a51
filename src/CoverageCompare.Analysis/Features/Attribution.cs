using CoverageCompare.Analysis.Text;

namespace CoverageCompare.Analysis.Features;

/// <summary>Who a claim is attributed to: "X said", "said X", "according to X", "X wrote on X", a dash-signed quote.</summary>
internal static class Attribution
{
    private static readonly FrozenSet<string> Participles = new[] { "saying", "writing", "adding", "calling", "noting", "telling", "arguing", "claiming" }
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Pronouns = new[] { "he", "she", "they" }.ToFrozenSet(StringComparer.Ordinal);

    public sealed record Source(string Display, string Key, bool IsPronoun = false);

    public static Source? Find(string text, ClaimFeatures claim, EntityResolver resolver)
    {
        var tokens = claim.Tokens;
        var quoted = claim.InsideQuote;
        if (claim.Segment.Signer is { } signer)
        {
            var signed = claim.Entities.LastOrDefault(e => signer.EndsWith(e.Surface, StringComparison.Ordinal) || e.Surface.EndsWith(signer.Split(' ')[^1], StringComparison.Ordinal));
            return signed is null ? new Source(signer, Tokenizer.KeyOf(signer.Split(' ')[^1])) : FromEntity(signed, resolver);
        }
        for (var k = 0; k + 1 < tokens.Count; k++)
        {
            if (!quoted[k] && tokens[k].Key == "according" && tokens[k + 1].Key == "to")
            {
                var entity = claim.Entities.FirstOrDefault(e => e.FirstToken >= k + 2 && e.FirstToken <= k + 4);
                if (entity is not null)
                {
                    return FromEntity(entity, resolver);
                }
                var phrase = PhraseAfter(text, tokens, k + 2);
                return phrase is null ? null : new Source(phrase, phrase.ToLowerInvariant());
            }
        }
        for (var k = 0; k < tokens.Count; k++)
        {
            if (quoted[k] || !Lexicon.AttributionVerbs.Contains(tokens[k].Key))
            {
                continue;
            }
            if (Participles.Contains(tokens[k].Key))
            {
                // "Mr Altman, on Wednesday, shared a selfie ..., writing": the subject of the sentence speaks.
                var subject = claim.Entities.FirstOrDefault(e => e.IsPerson && !quoted[e.FirstToken] && e.FirstToken < k);
                if (subject is not null)
                {
                    return FromEntity(subject, resolver);
                }
            }
            // "said Mayor Elena Ruiz"
            var after = claim.Entities.FirstOrDefault(e => e.FirstToken > k && e.FirstToken <= k + 3 && !quoted[e.FirstToken] && e.IsPerson);
            // "Mayor Elena Ruiz said", "Sam Altman has said"
            var before = claim.Entities.LastOrDefault(e => e.LastToken < k && e.LastToken >= k - 4 && !quoted[e.LastToken]);
            if (before is not null && (after is null || before.IsPerson))
            {
                return FromEntity(before, resolver);
            }
            if (after is not null)
            {
                return FromEntity(after, resolver);
            }
            if (k > 0 && Pronouns.Contains(tokens[k - 1].Key) || k > 1 && Pronouns.Contains(tokens[k - 2].Key))
            {
                return new Source("", "", IsPronoun: true);
            }
        }
        return null;
    }

    private static Source FromEntity(Entity entity, EntityResolver resolver) =>
        new(entity.IsPerson ? resolver.DisplayName(entity) : entity.Surface, entity.Key);

    private static string? PhraseAfter(string text, IReadOnlyList<Token> tokens, int first)
    {
        if (first >= tokens.Count)
        {
            return null;
        }
        var last = first;
        while (last + 1 < tokens.Count && last - first < 7 && text.AsSpan(tokens[last].End, tokens[last + 1].Start - tokens[last].End).Trim().IsEmpty)
        {
            last++;
        }
        return text[tokens[first].Start..tokens[last].End];
    }
}
