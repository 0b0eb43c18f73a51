using System.Collections.Frozen;
using CoverageCompare.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace CoverageCompare.Web.Accounts.Passwords;

/// <summary>
/// Refuses the passwords attackers try first: the 10,000 most common ones (zxcvbn's frequency list, read from the zxcvbn-core package), one of
/// them followed by digits or symbols, a character or short group repeated, a run such as 1234567890 or abcdefghij,
/// a keyboard walk, and the account's own email or name. Length alone lets all of those through.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const string Code = "CommonPassword";

    public const string Message = "That password is too easy to guess: it is a common password or a simple pattern (repeated characters, a sequence, a keyboard row, a common word with digits). Choose something longer and less predictable, such as a few unrelated words.";

    private static readonly string[] KeyboardRows = ["`1234567890-=", "qwertyuiop[]\\", "asdfghjkl;'", "zxcvbnm,./", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/-['=]", "qazwsxedcrfvtgbyhnujmikolp", "azertyuiop", "qwertzuiop", "0987654321", "01234567890"];

    private const int ListSize = 10_000;

    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(IsGuessable(password ?? "", user.Email, user.DisplayName)
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = Message })
            : IdentityResult.Success);

    public static bool IsGuessable(string password, string? email = null, string? displayName = null)
    {
        var lower = password.ToLowerInvariant();
        if (lower.Length == 0) return true;
        if (List.Value.Contains(lower)) return true;

        var word = lower.TrimEnd("0123456789!@#$%^&*?.,-_+= ".ToCharArray());
        if (word.Length >= 3 && word.Length < lower.Length && (List.Value.Contains(word) || IsPattern(word))) return true;
        if (IsPattern(lower)) return true;

        var compact = lower.Replace(" ", "", StringComparison.Ordinal);
        return (email is { Length: > 0 } && (compact == email.ToLowerInvariant() || compact == email.Split('@')[0].ToLowerInvariant()))
            || (!string.IsNullOrWhiteSpace(displayName) && compact == displayName.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal));
    }

    /// <summary>A short group repeated, a run of consecutive characters, or a stretch of a keyboard row.</summary>
    private static bool IsPattern(string text)
    {
        for (var unit = 1; unit <= 4 && unit * 2 <= text.Length; unit++)
        {
            var repeated = true;
            for (var i = unit; i < text.Length && repeated; i++) repeated = text[i] == text[i - unit];
            if (repeated) return true;
        }

        if (IsRun(text, +1) || IsRun(text, -1)) return true;
        return KeyboardRows.Any(row => row.Contains(text, StringComparison.Ordinal) || Reverse(row).Contains(text, StringComparison.Ordinal));
    }

    private static bool IsRun(string text, int step)
    {
        for (var i = 1; i < text.Length; i++)
        {
            var (previous, current) = (text[i - 1], text[i]);
            // 1234567890 counts as a run: on a keyboard 0 follows 9.
            var wraps = step > 0 ? previous == '9' && current == '0' : previous == '0' && current == '9';
            if (current - previous != step && !wraps) return false;
        }
        return true;
    }

    private static string Reverse(string text) => new(text.Reverse().ToArray());

    private static FrozenSet<string> Load()
    {
        const string resource = "zxcvbn-core.Dictionaries.passwords.lst";
        using var stream = typeof(Zxcvbn.Zxcvbn).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The zxcvbn-core package no longer carries {resource}.");
        using var reader = new StreamReader(stream);
        var words = new List<string>(ListSize);
        while (words.Count < ListSize && reader.ReadLine() is { } line)
            if (line.Length > 0) words.Add(line.ToLowerInvariant());
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
