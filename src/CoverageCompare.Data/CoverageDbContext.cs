using CoverageCompare.Data.Analyses;
using CoverageCompare.Data.Stories;
using Microsoft.EntityFrameworkCore;

namespace CoverageCompare.Data;

public sealed class CoverageDbContext(DbContextOptions<CoverageDbContext> options) : DbContext(options)
{
    public DbSet<Story> Stories => Set<Story>();

    public DbSet<Article> Articles => Set<Article>();

    public DbSet<StoredAnalysis> Analyses => Set<StoredAnalysis>();

    public DbSet<LinkCorrection> LinkCorrections => Set<LinkCorrection>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Story>(story =>
        {
            story.Property(s => s.Title).HasMaxLength(StoryLimits.TitleLength);
            story.HasMany(s => s.Articles).WithOne(a => a.Story).HasForeignKey(a => a.StoryId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Article>(article =>
        {
            article.Property(a => a.Outlet).HasMaxLength(StoryLimits.OutletLength);
            article.Property(a => a.Title).HasMaxLength(StoryLimits.TitleLength);
            article.Property(a => a.Author).HasMaxLength(StoryLimits.AuthorLength);
            article.Property(a => a.Url).HasMaxLength(StoryLimits.UrlLength);
            article.Property(a => a.Format).HasConversion<string>().HasMaxLength(16);
            article.Property(a => a.ContentHash).HasMaxLength(64);
            article.HasIndex(a => new { a.StoryId, a.ContentHash }).IsUnique();
            article.HasIndex(a => new { a.StoryId, a.Position });
        });

        modelBuilder.Entity<StoredAnalysis>(analysis =>
        {
            analysis.HasKey(a => a.StoryId);
            analysis.Property(a => a.Fingerprint).HasMaxLength(64);
            analysis.HasOne<Story>().WithOne().HasForeignKey<StoredAnalysis>(a => a.StoryId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<LinkCorrection>(correction =>
        {
            correction.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
            correction.Property(c => c.Author).HasMaxLength(StoryLimits.AuthorLength);
            correction.HasIndex(c => c.StoryId);
            correction.HasOne<Story>().WithMany().HasForeignKey(c => c.StoryId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
