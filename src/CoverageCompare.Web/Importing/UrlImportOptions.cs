namespace CoverageCompare.Web.Importing;

/// <summary>Limits on fetching a page for import; bound from the <c>Import:Url</c> configuration section.</summary>
public sealed class UrlImportOptions
{
    public const string Section = "Import:Url";

    /// <summary>For the whole fetch: every redirect, the connection and reading the body.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public int MaxRedirects { get; set; } = 5;

    /// <summary>
    /// Host names, addresses or CIDR ranges (<c>intranet.example</c>, <c>127.0.0.1</c>, <c>10.20.0.0/16</c>) that may be
    /// fetched from even though they are not on the public internet.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];
}
