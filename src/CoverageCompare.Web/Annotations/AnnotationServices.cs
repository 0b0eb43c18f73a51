using CoverageCompare.Data.Annotations;

namespace CoverageCompare.Web.Annotations;

public static class AnnotationServices
{
    public static IServiceCollection AddAnnotations(this IServiceCollection services) => services
        .AddSingleton<AnnotationStore>()
        .AddSingleton<VerdictLabelStore>()
        .AddSingleton<AgreementReader>()
        .AddSingleton(services => ClaimReviewSettings.From(services.GetRequiredService<IConfiguration>()))
        .AddSingleton<NoteRenderer>();
}
