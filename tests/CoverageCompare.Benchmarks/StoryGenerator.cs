using System.Globalization;
using System.Text;
using CoverageCompare.Analysis;

namespace CoverageCompare.Benchmarks;

/// <summary>
/// A made-up story of many articles (about 1,000 words each), deterministic for a given seed: every
/// article reports some facts from a shared pool (now and then with another figure) among sentences
/// of its own, drawn from a large vocabulary with a natural, skewed word frequency.
/// </summary>
public static class StoryGenerator
{
    private const int Vocabulary = 6000;
    private const int FactPool = 120;
    private const int FactsPerArticle = 14;
    private const int WordsPerArticle = 1000;

    private static readonly string[] Syllables =
    [
        "ka", "lo", "mi", "ter", "san", "vel", "dor", "ri", "pa", "ne", "sto", "ul", "gar", "fen", "bri", "co", "ma", "til",
        "ver", "os", "lan", "dre", "qui", "ba", "no", "sel", "tra", "wen", "hal", "mor", "pi", "zu", "ek", "ran", "dol",
    ];

    private static readonly string[] Units = ["million dollars", "kilometres", "stations", "jobs", "percent", "homes", "buses", "votes"];
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static IReadOnlyList<ArticleInput> Generate(int articles, int seed = 42)
    {
        var words = BuildVocabulary(new Random(seed));
        var facts = BuildFacts(new Random(seed + 1), words);
        var result = new ArticleInput[articles];
        for (var a = 0; a < articles; a++)
        {
            var random = new Random(seed * 7919 + a);
            var sentences = new List<string>();
            var wordCount = 0;
            foreach (var fact in Pick(random, facts, FactsPerArticle))
            {
                var sentence = fact.Render(random);
                sentences.Add(sentence);
                wordCount += sentence.Count(c => c == ' ') + 1;
            }
            while (wordCount < WordsPerArticle)
            {
                var sentence = Filler(random, words);
                sentences.Add(sentence);
                wordCount += sentence.Count(c => c == ' ') + 1;
            }
            Shuffle(random, sentences);
            var text = new StringBuilder();
            for (var s = 0; s < sentences.Count; s++)
            {
                text.Append(sentences[s]).Append(s % 4 == 3 ? "\n\n" : " ");
            }
            result[a] = new ArticleInput($"a{a + 1}", text.ToString().TrimEnd(), new DateOnly(2026, 3, 13));
        }
        return result;
    }

    /// <summary>A headline (one line, no full stop) and a body of about 400 words that reports its fact among others.</summary>
    public static (string Headline, string Body) HeadlineAndBody(int story, int seed = 42)
    {
        var words = BuildVocabulary(new Random(seed));
        var facts = BuildFacts(new Random(seed + 1), words);
        var random = new Random(seed * 31 + story);
        var fact = facts[random.Next(facts.Count)];
        var headline = $"{fact.Person} says {fact.Topic[0]} {fact.Topic[1]} will {fact.Topic[2]} {fact.Topic[4]}";
        var sentences = new List<string> { fact.Render(random) };
        var count = sentences[0].Count(c => c == ' ') + 1;
        while (count < 400)
        {
            var sentence = random.Next(6) == 0 ? facts[random.Next(facts.Count)].Render(random) : Filler(random, words);
            sentences.Add(sentence);
            count += sentence.Count(c => c == ' ') + 1;
        }
        return (headline, string.Join(' ', sentences));
    }

    private static string[] BuildVocabulary(Random random)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < Vocabulary)
        {
            var length = random.Next(2, 5);
            var word = string.Concat(Enumerable.Range(0, length).Select(_ => Syllables[random.Next(Syllables.Length)]));
            words.Add(word);
        }
        return words.Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Zipf-like: low ranks are common, high ranks rare.</summary>
    private static string Word(Random random, string[] words)
    {
        var rank = (int)Math.Floor(Math.Pow(words.Length, random.NextDouble())) - 1;
        return words[Math.Clamp(rank, 0, words.Length - 1)];
    }

    private static string Filler(Random random, string[] words)
    {
        var length = random.Next(12, 26);
        var parts = new List<string>(length);
        for (var i = 0; i < length; i++)
        {
            parts.Add(random.Next(9) == 0 ? StopWord(random) : Word(random, words));
            if (i > 3 && i < length - 2 && random.Next(10) == 0)
            {
                parts[^1] += ",";
            }
        }
        return Capitalize(string.Join(' ', parts)) + ".";
    }

    private static string StopWord(Random random) => new[] { "the", "of", "and", "to", "in", "for", "with", "on", "that", "is" }[random.Next(10)];

    private static List<Fact> BuildFacts(Random random, string[] words)
    {
        var facts = new List<Fact>(FactPool);
        for (var f = 0; f < FactPool; f++)
        {
            var person = Capitalize(words[random.Next(words.Length)]) + " " + Capitalize(words[random.Next(words.Length)]);
            var topic = Enumerable.Range(0, 5).Select(_ => words[random.Next(words.Length / 3, words.Length)]).ToArray();
            var value = random.Next(2, 900);
            var unit = Units[random.Next(Units.Length)];
            var month = Months[random.Next(Months.Length)];
            facts.Add(new Fact(person, topic, value, unit, month, 2020 + random.Next(8)));
        }
        return facts;
    }

    private static IEnumerable<T> Pick<T>(Random random, List<T> pool, int count)
    {
        var chosen = new HashSet<int>();
        while (chosen.Count < count)
        {
            chosen.Add(random.Next(pool.Count));
        }
        return chosen.Order().Select(i => pool[i]);
    }

    private static void Shuffle<T>(Random random, List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private sealed record Fact(string Person, string[] Topic, int Value, string Unit, string Month, int Year)
    {
        public string Render(Random random)
        {
            // One report in five gives a different figure, as real coverage does.
            var value = random.Next(5) == 0 ? Value + random.Next(1, 50) : Value;
            var figure = Unit.StartsWith("million", StringComparison.Ordinal)
                ? $"${value.ToString(CultureInfo.InvariantCulture)} million"
                : $"{value.ToString(CultureInfo.InvariantCulture)} {Unit}";
            return random.Next(3) switch
            {
                0 => $"{Person} said the {Topic[0]} {Topic[1]} will {Topic[2]} {figure} for the {Topic[3]} {Topic[4]} in {Month} {Year}.",
                1 => $"The {Topic[0]} {Topic[1]} will {Topic[2]} {figure} for the {Topic[3]} {Topic[4]} in {Month} {Year}, {Person} said.",
                _ => $"In {Month} {Year}, the {Topic[0]} {Topic[1]} is set to {Topic[2]} {figure} for the {Topic[4]}, according to {Person}.",
            };
        }
    }
}
