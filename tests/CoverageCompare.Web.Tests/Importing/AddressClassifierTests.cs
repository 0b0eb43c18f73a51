using System.Net;
using CoverageCompare.Web.Importing;

namespace CoverageCompare.Web.Tests.Importing;

public sealed class AddressClassifierTests
{
    [Theory]
    [InlineData("93.184.215.14", AddressKind.Public)]
    [InlineData("8.8.8.8", AddressKind.Public)]
    [InlineData("172.32.0.1", AddressKind.Public)]
    [InlineData("100.128.0.1", AddressKind.Public)]
    [InlineData("0.0.0.0", AddressKind.Unspecified)]
    [InlineData("0.1.2.3", AddressKind.Unspecified)]
    [InlineData("127.0.0.1", AddressKind.Loopback)]
    [InlineData("127.255.10.3", AddressKind.Loopback)]
    [InlineData("10.0.0.1", AddressKind.Private)]
    [InlineData("172.16.0.1", AddressKind.Private)]
    [InlineData("172.31.255.254", AddressKind.Private)]
    [InlineData("192.168.1.20", AddressKind.Private)]
    [InlineData("100.64.0.1", AddressKind.SharedCarrierNat)]
    [InlineData("100.127.255.254", AddressKind.SharedCarrierNat)]
    [InlineData("169.254.1.1", AddressKind.LinkLocal)]
    [InlineData("169.254.169.254", AddressKind.Metadata)]
    [InlineData("168.63.129.16", AddressKind.Metadata)]
    [InlineData("224.0.0.251", AddressKind.Multicast)]
    [InlineData("239.255.255.250", AddressKind.Multicast)]
    [InlineData("255.255.255.255", AddressKind.Reserved)]
    [InlineData("240.0.0.1", AddressKind.Reserved)]
    [InlineData("192.0.2.10", AddressKind.Reserved)]
    [InlineData("198.18.0.1", AddressKind.Reserved)]
    public void IPv4(string address, AddressKind kind) => Assert.Equal(kind, AddressClassifier.Classify(IPAddress.Parse(address)));

    [Theory]
    [InlineData("2606:4700::6810:84e5", AddressKind.Public)]
    [InlineData("2a00:1450:4001:80b::200e", AddressKind.Public)]
    [InlineData("::", AddressKind.Unspecified)]
    [InlineData("::1", AddressKind.Loopback)]
    [InlineData("fc00::1", AddressKind.Private)]
    [InlineData("fd12:3456:789a::1", AddressKind.Private)]
    [InlineData("fd00:ec2::254", AddressKind.Metadata)]
    [InlineData("fe80::1", AddressKind.LinkLocal)]
    [InlineData("fe80::1%2", AddressKind.LinkLocal)]
    [InlineData("febf::1", AddressKind.LinkLocal)]
    [InlineData("ff02::1", AddressKind.Multicast)]
    [InlineData("2001:db8::1", AddressKind.Reserved)]
    [InlineData("100::1", AddressKind.Reserved)]
    [InlineData("::7f00:1", AddressKind.Reserved)]
    public void IPv6(string address, AddressKind kind) => Assert.Equal(kind, AddressClassifier.Classify(IPAddress.Parse(address)));

    [Theory]
    [InlineData("::ffff:127.0.0.1", AddressKind.Loopback)]
    [InlineData("::ffff:10.1.2.3", AddressKind.Private)]
    [InlineData("::ffff:169.254.169.254", AddressKind.Metadata)]
    [InlineData("::ffff:100.64.3.4", AddressKind.SharedCarrierNat)]
    [InlineData("::ffff:93.184.215.14", AddressKind.Public)]
    [InlineData("64:ff9b::10.0.0.1", AddressKind.Private)]
    [InlineData("64:ff9b::8.8.8.8", AddressKind.Public)]
    [InlineData("2002:c0a8:0101::1", AddressKind.Private)]
    [InlineData("2002:7f00:0001::1", AddressKind.Loopback)]
    public void IPv4InsideIPv6IsJudgedByItsIPv4Address(string address, AddressKind kind) =>
        Assert.Equal(kind, AddressClassifier.Classify(IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1", true)]
    [InlineData("127.0.0.1", "::ffff:127.0.0.1", true)]
    [InlineData("127.0.0.1", "127.0.0.2", false)]
    [InlineData("10.20.0.0/16", "10.20.7.7", true)]
    [InlineData("10.20.0.0/16", "10.21.0.1", false)]
    [InlineData("fd00::/8", "fd12::5", true)]
    [InlineData("169.254.0.0/16", "169.254.3.4", true)]
    [InlineData("169.254.0.0/16", "169.254.169.254", false)]
    [InlineData("169.254.169.254", "169.254.169.254", true)]
    [InlineData("intranet.example", "10.0.0.8", true)]
    [InlineData("intranet.example", "169.254.169.254", false)]
    public void TheAllowListAllowsWhatItNamesAndMetadataOnlyByItsExactAddress(string entry, string address, bool allowed)
    {
        var policy = new AddressPolicy([entry]);

        Assert.Equal(allowed, policy.Refuse("intranet.example", IPAddress.Parse(address)) is null);
    }

    [Fact]
    public void PublicAddressesNeedNoAllowList() =>
        Assert.Null(new AddressPolicy([]).Refuse("news.example", IPAddress.Parse("93.184.215.14")));

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("[::1]", true)]
    [InlineData("news.example", true)]
    [InlineData("10.0.0.0/33", false)]
    [InlineData("http://news.example/", false)]
    [InlineData("", false)]
    public void OnlyHostNamesAddressesAndRangesAreValidEntries(string entry, bool valid) =>
        Assert.Equal(valid, AddressPolicy.IsValidEntry(entry));
}
