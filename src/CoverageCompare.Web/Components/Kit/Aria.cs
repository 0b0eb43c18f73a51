namespace CoverageCompare.Web.Components.Kit;

public static class Aria
{
    /// <summary>Blazor writes a bool attribute as present or absent, but ARIA states need the words "true" and "false".</summary>
    public static string State(bool value) => value ? "true" : "false";
}
