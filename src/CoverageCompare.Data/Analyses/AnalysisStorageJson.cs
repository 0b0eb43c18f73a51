using System.Text.Json.Serialization;
using CoverageCompare.Analysis;

namespace CoverageCompare.Data.Analyses;

[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(AnalysisResult))]
internal sealed partial class AnalysisStorageJson : JsonSerializerContext;
