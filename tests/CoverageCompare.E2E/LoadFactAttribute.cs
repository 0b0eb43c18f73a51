namespace CoverageCompare.E2E;

/// <summary>
/// A test that loads the app for minutes: skipped unless the environment variable COVERAGE_LOAD is 1, so the default
/// test run stays short. Run them with <c>COVERAGE_LOAD=1 dotnet test tests/CoverageCompare.E2E --filter Category=Load</c>.
/// </summary>
public sealed class LoadFactAttribute : FactAttribute
{
    public const string Variable = "COVERAGE_LOAD";

    public LoadFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"A load test of several minutes; set {Variable}=1 to run it (dotnet test tests/CoverageCompare.E2E --filter Category=Load).";
        }
    }
}
