using CoverageCompare.Data.Database;
using Microsoft.EntityFrameworkCore.Design;

namespace CoverageCompare.Data.Postgres;

/// <summary>Adding a migration opens no connection; the string only tells Npgsql which server version to write for.</summary>
internal static class DesignTime
{
    public const string ConnectionString = "Host=localhost;Database=coverage_design";
}

public sealed class CoverageDesignTimeFactory : IDesignTimeDbContextFactory<CoverageDbContext>
{
    public CoverageDbContext CreateDbContext(string[] args) =>
        new(CoverageDatabase.Options(new DatabaseSettings(DatabaseProvider.Postgres, DesignTime.ConnectionString)));
}

public sealed class KeysDesignTimeFactory : IDesignTimeDbContextFactory<KeysDbContext>
{
    public KeysDbContext CreateDbContext(string[] args) => new(PostgresSetup.KeysOptions(DesignTime.ConnectionString));
}
