using System.Runtime.CompilerServices;
using Bunit;

namespace CoverageCompare.Web.Tests;

internal static class WaitTimeout
{
    // bUnit waits one second by default. Pages that load from the database (PostgreSQL in CI's second pass, on a
    // machine running browser tests beside) can take longer than that; a wait returns as soon as it succeeds, so a
    // longer ceiling costs a passing test nothing.
    [ModuleInitializer]
    internal static void AllowSlowStores() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
}
