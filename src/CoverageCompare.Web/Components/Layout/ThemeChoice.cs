namespace CoverageCompare.Web.Components.Layout;

/// <summary>
/// The reader's colour mode: "system", "light" or "dark", kept in a cookie so that the server renders the page in it;
/// <paramref name="SystemPrefersDark"/> is the browser's client hint, when it sent one, until the circuit asks.
/// </summary>
public sealed record ThemeChoice(string Preference, bool SystemPrefersDark)
{
    public const string CookieName = "cc-theme";

    public static readonly string[] Preferences = ["system", "light", "dark"];

    public static ThemeChoice From(HttpContext? context)
    {
        var cookie = context?.Request.Cookies[CookieName];
        var preference = Preferences.Contains(cookie) ? cookie! : "system";
        var hint = context?.Request.Headers["Sec-CH-Prefers-Color-Scheme"].ToString();
        return new ThemeChoice(preference, hint?.Trim('"') == "dark");
    }

    public bool IsDark(bool systemDark) => Preference == "dark" || (Preference == "system" && systemDark);

    public static string Next(string preference) => preference switch
    {
        "system" => "light",
        "light" => "dark",
        _ => "system",
    };
}
