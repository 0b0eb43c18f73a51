using CoverageCompare.Data;
using CoverageCompare.Data.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoverageCompare.Web.Tests.Postgres;

/// <summary>What two instances on one PostgreSQL database must agree on from the start: one migration, one key ring.</summary>
public sealed class PostgresStartupTests
{
    [PostgresFact]
    public async Task InstancesMigratingTogetherApplyTheSchemaAndTheSeedOnce()
    {
        var settings = new DatabaseSettings(DatabaseProvider.Postgres, PostgresServer.Instance.ConnectionString(PostgresServer.NewDatabaseName()));
        var seeded = 0;
        var factory = new PooledDbContextFactory<CoverageDbContext>(CoverageDatabase.Options(settings));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => CoverageDatabase.MigrateAsync(factory, settings, async ct =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            // Under the lock, the first seeder's row is visible to the next: only one adds it.
            if (!await db.VerdictLabels.AnyAsync(l => l.Name == "Seeded once", ct))
            {
                db.VerdictLabels.Add(new() { Name = "Seeded once", Position = 99 });
                await db.SaveChangesAsync(ct);
                Interlocked.Increment(ref seeded);
            }
        }))));

        await using var check = await factory.CreateDbContextAsync();
        Assert.Equal(1, seeded);
        Assert.Empty(await check.Database.GetPendingMigrationsAsync());
        Assert.Equal(1, await check.Workspaces.CountAsync());
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync();
        await using var keysHistory = new NpgsqlCommand("""SELECT count(*) FROM "__KeysMigrationsHistory" """, connection);
        Assert.Equal(1L, await keysHistory.ExecuteScalarAsync());
    }

    [PostgresFact]
    public void WhatOneInstanceProtectsAnotherReads()
    {
        var connectionString = PostgresServer.Instance.ConnectionString(PostgresServer.NewDatabaseName());
        using var first = new InstanceFactory(connectionString, "/srv/one");
        using var second = new InstanceFactory(connectionString, "/srv/two");
        _ = first.Server;
        _ = second.Server;

        // The purpose the sign-in cookie uses; a different content root on each machine must not matter.
        const string purpose = "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware";
        var token = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Protect("signed in on one");

        Assert.Equal("signed in on one", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Unprotect(token));
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var keys = new NpgsqlCommand("""SELECT count(*) FROM "DataProtectionKeys" """, connection);
        Assert.Equal(1L, keys.ExecuteScalar());
    }

    private sealed class InstanceFactory(string connectionString, string contentRootName) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Default", connectionString);
            builder.UseEnvironment("Development");
            // Data protection isolates apps by content root unless told otherwise; give each instance its own.
            var root = Directory.CreateTempSubdirectory("coverage-root-").FullName;
            Directory.CreateDirectory(Path.Combine(root, contentRootName.Trim('/')));
            builder.UseContentRoot(Path.Combine(root, contentRootName.Trim('/')));
        }
    }
}
