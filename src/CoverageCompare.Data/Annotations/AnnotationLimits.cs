namespace CoverageCompare.Data.Annotations;

public static class AnnotationLimits
{
    public const int NoteLength = 20_000;
    public const int MaxTags = 20;
    public const int TagLength = 50;
    public const int LabelLength = 50;
    public const int MaxLabels = 50;
    public const int AuthorLength = 100;
    public const int ImportedFromLength = 500;
    public const int ContextLength = 64;
    public const int MaxImportBytes = 5 * 1024 * 1024;
}
