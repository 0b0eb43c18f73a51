namespace CoverageCompare.Data.Database;

public static class StoredTime
{
    /// <summary>
    /// Now, in UTC, to the microsecond: PostgreSQL keeps microseconds and .NET ticks are a tenth of one, so a time
    /// rounded before it is stored reads back equal to the one returned to the caller, on both providers.
    /// </summary>
    public static DateTime StoredNow(this TimeProvider clock)
    {
        var ticks = clock.GetUtcNow().UtcTicks;
        return new DateTime(ticks - ticks % 10, DateTimeKind.Utc);
    }
}
