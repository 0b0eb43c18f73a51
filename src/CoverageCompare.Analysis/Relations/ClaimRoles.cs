using CoverageCompare.Analysis.Features;

namespace CoverageCompare.Analysis.Relations;

/// <summary>
/// What the relation checks read from one claim's tokens: its actors, title holders, acts on a post, agents and
/// placements. Found once per claim, not once for every linked pair the claim is in (a claim is in several, and each
/// scan allocated its lists again).
/// </summary>
internal sealed record ClaimRoles(
    Dictionary<string, string> Actors,
    List<RoleComparer.Holder> Holders,
    List<RoleComparer.Act> Acts,
    List<RoleComparer.Agent> Agents,
    List<RoleComparer.Placement> Placements)
{
    /// <remarks>The resolver is the claim's own story's, so what is cached on the claim cannot come from another story.</remarks>
    public static ClaimRoles Of(ClaimFeatures claim, EntityResolver resolver) => claim.Roles ??= new ClaimRoles(
        RelationClassifier.Actors(claim, resolver), RoleComparer.Holders(claim), RoleComparer.ActsOn(claim),
        RoleComparer.Agents(claim), RoleComparer.Alongside(claim));
}
