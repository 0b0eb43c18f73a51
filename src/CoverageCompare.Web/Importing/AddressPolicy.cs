using System.Net;
using System.Net.Sockets;

namespace CoverageCompare.Web.Importing;

/// <summary>
/// Which addresses a page may be fetched from: public ones, and whatever the allow-list names by host name, address
/// or CIDR range. A cloud metadata address is only ever allowed when listed on its own, never through a wider range
/// or a host name, because it hands out credentials.
/// </summary>
public sealed class AddressPolicy
{
    private readonly HashSet<string> hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IPNetwork> networks = [];

    public AddressPolicy(IEnumerable<string> allowList)
    {
        foreach (var entry in allowList)
        {
            if (ParseEntry(entry) is { } network) networks.Add(network);
            else hosts.Add(entry.Trim().TrimEnd('.'));
        }
    }

    /// <summary>Null when the address may be fetched from; otherwise what kind of address it is.</summary>
    public AddressKind? Refuse(string host, IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var kind = AddressClassifier.Classify(address);
        if (kind == AddressKind.Public) return null;
        if (kind == AddressKind.Metadata)
        {
            return networks.Any(n => n.PrefixLength == FullLength(address) && n.Contains(address)) ? null : kind;
        }
        return hosts.Contains(host.TrimEnd('.')) || networks.Any(n => n.Contains(address)) ? null : kind;
    }

    /// <summary>True when the entry is a host name, an address or a CIDR range; what configuration may list.</summary>
    public static bool IsValidEntry(string? entry) =>
        !string.IsNullOrWhiteSpace(entry) && (ParseEntry(entry) is not null || Uri.CheckHostName(entry.Trim().TrimEnd('.')) == UriHostNameType.Dns);

    private static IPNetwork? ParseEntry(string entry)
    {
        var text = entry.Trim();
        if (IPAddress.TryParse(text.Trim('[', ']'), out var address) && !text.Contains('/'))
        {
            if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
            return new IPNetwork(address, FullLength(address));
        }
        return IPNetwork.TryParse(text, out var network) ? network : null;
    }

    private static int FullLength(IPAddress address) => address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
}
