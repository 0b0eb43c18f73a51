using CoverageCompare.Data.CheckLists;

namespace CoverageCompare.Web.CheckLists;

public static class CheckListServices
{
    /// <summary>Limits from <c>Limits:MaxCheckItemsPerStory</c> and <c>Limits:MaxTasksPerCheckItem</c>.</summary>
    public static IServiceCollection AddCheckLists(this IServiceCollection services, IConfiguration configuration)
    {
        var items = configuration.GetValue("Limits:MaxCheckItemsPerStory", 2_000);
        var tasks = configuration.GetValue("Limits:MaxTasksPerCheckItem", 50);
        if (items <= 0 || tasks <= 0) throw new InvalidOperationException("Limits:MaxCheckItemsPerStory and Limits:MaxTasksPerCheckItem must be positive numbers.");
        return services
            .AddSingleton(new CheckListLimits(items, tasks))
            .AddSingleton<CheckListStore>()
            .AddSingleton<CheckListService>();
    }
}
