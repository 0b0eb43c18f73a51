using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CoverageCompare.Data.Database;

/// <summary>
/// The data-protection key ring on PostgreSQL, shared by every instance so a cookie or antiforgery token issued by
/// one is accepted by all. A context of its own, with its own history table, so the SQLite model stays as it is.
/// </summary>
public sealed class KeysDbContext(DbContextOptions<KeysDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public const string HistoryTable = "__KeysMigrationsHistory";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
