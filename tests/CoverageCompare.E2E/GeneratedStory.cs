using System.Globalization;
using System.Text;

namespace CoverageCompare.E2E;

/// <summary>
/// A deterministic large story: every article reports a share of common facts, each at most once (some with a different number),
/// amid sentences of its own, so the page carries many links, disagreements and single-source claims.
/// </summary>
public static class GeneratedStory
{
    private static readonly string[] Subjects = ["The council", "The regional authority", "The mayor's office", "The transport board", "The finance committee", "The city auditor"];
    private static readonly string[] Verbs = ["approved", "reviewed", "criticised", "delayed", "funded", "announced", "questioned", "expanded"];
    private static readonly string[] Objects = ["the harbour bridge repairs", "the school meals plan", "the river flood barrier", "the library extension", "the bus depot move", "the street lighting upgrade", "the park restoration", "the housing grant scheme"];
    private static readonly string[] Districts = ["Northgate", "Eastbank", "Old Harbour", "Millfield", "Southport", "Westcliff", "Riverside", "Hillcrest"];
    private static readonly string[] Fillers = ["residents", "engineers", "budget", "committee", "weekend", "district", "contract", "schedule", "survey", "pavement", "tender", "council", "report", "shops", "market", "station", "ferry", "tunnel", "square", "garden"];

    public static IReadOnlyList<string> Articles(int count, int wordsPerArticle)
    {
        var facts = Enumerable.Range(0, 64)
            .Select(i => (Subject: Subjects[i % Subjects.Length], Verb: Verbs[i / 8 % Verbs.Length], Object: $"{Objects[i % Objects.Length]} in {Districts[i / 8]}", Amount: 10 + i * 7, Day: 1 + i % 27))
            .ToList();
        return Enumerable.Range(0, count).Select(index =>
        {
            var random = new Random(1000 + index);
            var reported = facts.OrderBy(_ => random.Next()).Take(30).ToList();
            var text = new StringBuilder();
            var words = 0;
            var sentence = 0;
            while (words < wordsPerArticle)
            {
                string line;
                if (sentence % 3 == 0 && sentence / 3 < reported.Count)
                {
                    var fact = reported[sentence / 3];
                    var amount = random.Next(5) == 0 ? fact.Amount + 3 : fact.Amount;
                    line = $"{fact.Subject} {fact.Verb} {fact.Object} for ${amount} million on March {fact.Day}.";
                }
                else
                {
                    line = string.Join(' ', Enumerable.Range(0, 14 + random.Next(10)).Select(_ => Fillers[random.Next(Fillers.Length)]));
                    line = char.ToUpperInvariant(line[0]) + line[1..] + " " + index.ToString(CultureInfo.InvariantCulture) + "-" + sentence.ToString(CultureInfo.InvariantCulture) + ".";
                }
                text.Append(line).Append(sentence % 4 == 3 ? "\n\n" : " ");
                words += line.Split(' ').Length;
                sentence++;
            }
            return text.ToString().Trim();
        }).ToList();
    }
}
