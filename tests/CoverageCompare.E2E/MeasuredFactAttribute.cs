namespace CoverageCompare.E2E;

/// <summary>
/// A measurement against a target that takes minutes: skipped unless COVERAGE_MEASURE is 1. Run them with
/// <c>COVERAGE_MEASURE=1 dotnet test tests/CoverageCompare.E2E --filter Category=Measured</c>.
/// </summary>
public sealed class MeasuredFactAttribute : FactAttribute
{
    public const string Variable = "COVERAGE_MEASURE";

    public MeasuredFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"A measurement of some minutes; set {Variable}=1 to run it (dotnet test tests/CoverageCompare.E2E --filter Category=Measured).";
        }
    }
}
