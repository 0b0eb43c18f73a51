namespace CoverageCompare.Analysis.Tests.Fixtures;

/// <summary>One side of a fact: a seed article (0 = 000_…, 4 = 004_…) and a short span that locates the claim.</summary>
internal sealed record FactMention(int Article, string Anchor);

/// <summary>A pair of mentions the articles report differently, and the kind of reason expected ("number", "quote", ...).</summary>
internal sealed record ExpectedDisagreement(FactMention A, FactMention B, string Reason);

/// <summary>
/// A fact that two or more seed articles report. <see cref="Core"/> mentions must be linked with each
/// other (recall); <see cref="Also"/> mentions touch the same fact in passing: a link to them counts as
/// correct but is not required.
/// </summary>
internal sealed record SeedFact(string Name, FactMention[] Core, FactMention[] Also, ExpectedDisagreement[] Disagreements);

/// <summary>
/// The facts shared by the five seed articles (OpenAI and Microsoft, January 2025 onwards), written down
/// by reading them. Only short anchors are kept here, never article text.
/// </summary>
internal static class SeedFacts
{
    private static FactMention M(int article, string anchor) => new(article, anchor);

    private static SeedFact Fact(string name, FactMention[] core, FactMention[]? also = null, ExpectedDisagreement[]? disagreements = null) =>
        new(name, core, also ?? [], disagreements ?? []);

    public static readonly IReadOnlyList<SeedFact> All =
    [
        Fact("Altman posted a selfie with Nadella on X",
            [M(0, "shared a selfie on X"), M(1, "Altman shared a selfie with Nadella"), M(2, "post featured a photo")],
            disagreements: [new(M(0, "shared a selfie on X"), M(1, "Altman shared a selfie with Nadella"), "quote")]),
        Fact("Nadella replied he is looking forward to what is ahead",
            [M(0, "Mr Nadella responded"), M(1, "Nadella responded with enthusiasm")],
            [M(0, "(@satyanadella)"), M(2, "supportive comment in response")]),
        Fact("Altman says the next phase of the partnership will be better",
            [M(0, "stronger than ever before"), M(2, "remains robust")],
            [M(2, "encouraging excitement over the future"), M(2, "excitement for the next phase"), M(1, "hinted at major upcoming developments"),
             M(0, "shared a selfie on X"), M(1, "Altman shared a selfie with Nadella")]),
        Fact("Microsoft lost its exclusive cloud provider status",
            [M(0, "lost its exclusive status"), M(2, "Microsoft lost its exclusive cloud provider status")],
            [M(2, "loss of exclusive cloud provider status"), M(2, "status as OpenAI's exclusive cloud provider")]),
        Fact("The Stargate joint venture left Microsoft out",
            [M(0, "which excluded Microsoft"), M(2, "did not include Microsoft"), M(2, "introduction of the Stargate Project")]),
        Fact("Altman was ousted in late 2023 and reinstated",
            [M(0, "briefly ousted as OpenAI CEO"), M(2, "dismissed from OpenAI's board in November 2023"), M(2, "began to unfold in late 2023")],
            [M(2, "quickly reinstate Altman")]),
        Fact("Microsoft got, then gave up, a non-voting board seat",
            [M(0, "non-voting board seat"), M(2, "nonvoting seat on its board")]),
        Fact("Microsoft's annual report names OpenAI among competitors like Apple and Meta",
            [M(0, "2023 annual report"), M(2, "identified in Microsoft's annual report")],
            [M(3, "turning the partnership into a rivalry")]),
        Fact("DeepSeek reached the top of Apple's App Store",
            [M(0, "top AI application on Apple's iPhone App Store"), M(1, "top spot on Apple’s App Store")]),
        Fact("DeepSeek delivers at a fraction of the cost",
            [M(0, "at a fraction of the cost"), M(1, "costs a fraction of what")],
            [M(1, "at a lower cost aligns"), M(1, "low-cost, high-performance AI models")]),
        Fact("DeepSeek is a rival to ChatGPT",
            [],
            [M(0, "similar to OpenAI's ChatGPT"), M(1, "a direct competitor to OpenAI’s ChatGPT"), M(1, "growing rivalry between OpenAI and DeepSeek")]),
        Fact("Altman acknowledged DeepSeek's achievement on X",
            [M(0, "acknowledged DeepSeek's remarkable achievement"), M(1, "Altman himself acknowledged")]),
        Fact("Altman: much better models, and a new competitor is invigorating",
            [M(0, "legit invigorating to have a new competitor,"), M(1, "legit invigorating to have a new competitor!")],
            [M(1, "competition from DeepSeek is “invigorating,”")],
            [new(M(0, "legit invigorating to have a new competitor,"), M(1, "legit invigorating to have a new competitor!"), "quote")]),
        Fact("Altman: the world will be amazed by next-generation models",
            [M(0, "the world will be amazed"), M(1, "quite amazed by the next-gen models")]),
        Fact("OpenAI's goal is artificial general intelligence (AGI)",
            [M(0, "artificial general intelligence (AGI) and beyond"), M(1, "goal of building artificial general intelligence")],
            [M(1, "bringing you all AGI and beyond")]),
        Fact("Both Altman and Nadella are committed to or optimistic about the partnership",
            [M(2, "both Altman and Nadella have expressed optimism"), M(3, "both Altman and Nadella have expressed their commitment")],
            [M(2, "both CEOs are optimistic")]),
        Fact("How much Microsoft has invested in OpenAI",
            [M(3, "invested over $13 billion"), M(4, "invested tens of billions of dollars"), M(1, "already invested heavily in OpenAI")],
            [M(4, "initial multi-billion dollar investments"), M(3, "particularly Microsoft’s investment in OpenAI")],
            [new(M(3, "invested over $13 billion"), M(4, "invested tens of billions of dollars"), "number")]),
        Fact("OpenAI wants more independence and other infrastructure",
            [M(3, "pushing for more independence"), M(4, "expand its operational independence")],
            [M(3, "exploring partnerships beyond Microsoft"), M(4, "seeking to diversify its infrastructure")]),
        Fact("Microsoft builds OpenAI's technology into its products",
            [M(1, "integrating its technology into products like Azure"), M(4, "integration of GPT models within products")]),
    ];
}
