using System.Net;
using System.Net.Sockets;

namespace CoverageCompare.Web.Importing;

/// <summary>Where an address leads, as far as fetching a page on someone's behalf is concerned.</summary>
public enum AddressKind
{
    Public,
    Loopback,
    Private,
    SharedCarrierNat,
    LinkLocal,
    Multicast,
    Unspecified,
    Metadata,

    /// <summary>Documentation, benchmarking, broadcast, unallocated and other ranges no article is served from.</summary>
    Reserved,
}

public static class AddressClassifier
{
    // Cloud instance metadata endpoints hand out credentials; AWS, GCP, Azure, Oracle and Alibaba use these.
    private static readonly IPAddress[] MetadataAddresses =
    [
        IPAddress.Parse("169.254.169.254"),
        IPAddress.Parse("169.254.170.2"),
        IPAddress.Parse("168.63.129.16"),
        IPAddress.Parse("192.0.0.192"),
        IPAddress.Parse("100.100.100.200"),
        IPAddress.Parse("fd00:ec2::254"),
    ];

    public static AddressKind Classify(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (MetadataAddresses.Contains(WithoutScope(address))) return AddressKind.Metadata;
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ClassifyV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => ClassifyV6(address.GetAddressBytes()),
            _ => AddressKind.Reserved,
        };
    }

    public static bool IsMetadata(IPAddress address) => Classify(address) == AddressKind.Metadata;

    private static AddressKind ClassifyV4(ReadOnlySpan<byte> b) => b switch
    {
        [0, ..] => AddressKind.Unspecified,
        [127, ..] => AddressKind.Loopback,
        [10, ..] => AddressKind.Private,
        [172, >= 16 and <= 31, ..] => AddressKind.Private,
        [192, 168, ..] => AddressKind.Private,
        [100, >= 64 and <= 127, ..] => AddressKind.SharedCarrierNat,
        [169, 254, ..] => AddressKind.LinkLocal,
        [>= 224 and <= 239, ..] => AddressKind.Multicast,
        [>= 240, ..] => AddressKind.Reserved,
        [192, 0, 0, _] or [192, 0, 2, _] or [198, 51, 100, _] or [203, 0, 113, _] => AddressKind.Reserved,
        [198, 18 or 19, ..] => AddressKind.Reserved,
        _ => AddressKind.Public,
    };

    private static AddressKind ClassifyV6(byte[] b)
    {
        if (b.AsSpan(0, 15).IndexOfAnyExcept((byte)0) < 0)
        {
            return b[15] switch { 0 => AddressKind.Unspecified, 1 => AddressKind.Loopback, _ => AddressKind.Reserved };
        }
        // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address that is where the packets end up.
        if (b is [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, ..]) return ClassifyV4(b.AsSpan(12, 4));
        if (b is [0x20, 0x02, ..]) return ClassifyV4(b.AsSpan(2, 4));
        return b switch
        {
            [0xff, ..] => AddressKind.Multicast,
            [0xfe, >= 0x80 and <= 0xbf, ..] => AddressKind.LinkLocal,
            [0xfe, >= 0xc0, ..] => AddressKind.Private,
            [>= 0xfc and <= 0xfd, ..] => AddressKind.Private,
            [0x00, 0x64, 0xff, 0x9b, 0x00, 0x01, ..] => AddressKind.Private,
            [0x20, 0x01, 0x0d, 0xb8, ..] => AddressKind.Reserved,
            [0x20, 0x01, 0x00, 0x00, ..] => AddressKind.Reserved,
            [>= 0x20 and <= 0x3f, ..] => AddressKind.Public,
            _ => AddressKind.Reserved,
        };
    }

    private static IPAddress WithoutScope(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0 ? new IPAddress(address.GetAddressBytes()) : address;
}
