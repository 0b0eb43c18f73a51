using Microsoft.EntityFrameworkCore.Design;

namespace CoverageCompare.Data.Database;

/// <summary>
/// For <c>dotnet ef migrations add Name --project src/CoverageCompare.Data</c>: the SQLite history. PostgreSQL's has its
/// own factory in CoverageCompare.Data.Postgres. No database is opened to add a migration.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<CoverageDbContext>
{
    public CoverageDbContext CreateDbContext(string[] args) =>
        new(CoverageDatabase.Options(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design-time.db")));
}
