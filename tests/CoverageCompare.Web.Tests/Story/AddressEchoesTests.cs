using CoverageCompare.Web.Components.Pages.Story;

namespace CoverageCompare.Web.Tests.Story;

public sealed class AddressEchoesTests
{
    [Fact]
    public void EveryAddressStillOnItsWayIsAnEchoNotOnlyTheLast()
    {
        var echoes = new AddressEchoes();
        echoes.Wrote("/stories/1?claim=c2");
        echoes.Wrote("/stories/1?claim=c8");
        echoes.Wrote("/stories/1?claim=c2");

        Assert.True(echoes.IsEcho("/stories/1?claim=c2"));
        Assert.True(echoes.IsEcho("/stories/1?claim=c8"));
        Assert.True(echoes.IsEcho("/stories/1?claim=c2"));
    }

    [Fact]
    public void AnAddressThePageDidNotWriteIsNotAnEcho()
    {
        var echoes = new AddressEchoes();
        echoes.Wrote("/stories/1?claim=c2");

        Assert.False(echoes.IsEcho("/stories/1?claim=c5"));
    }

    [Fact]
    public void AnEchoStaysOneWhileThePageIsThereAndNotAfterItMovesOn()
    {
        var echoes = new AddressEchoes();
        echoes.Wrote("/stories/1?claim=c2");

        Assert.True(echoes.IsEcho("/stories/1?claim=c2"));
        Assert.True(echoes.IsEcho("/stories/1?claim=c2"));
        Assert.False(echoes.IsEcho("/stories/1/matrix"));
        Assert.False(echoes.IsEcho("/stories/1?claim=c2"));
    }

    [Fact]
    public void WhatWasWrittenBeforeAnArrivedEchoIsNoLongerAwaited()
    {
        var echoes = new AddressEchoes();
        echoes.Wrote("/stories/1?claim=c2");
        echoes.Wrote("/stories/1?claim=c8");

        Assert.True(echoes.IsEcho("/stories/1?claim=c8"));
        Assert.False(echoes.IsEcho("/stories/1?claim=c2"));
    }
}
