using System.Net;
using System.Net.Sockets;

namespace CoverageCompare.Web.Importing;

/// <summary>
/// Opens the connections for page fetches: resolves the host itself, refuses when any of its addresses is forbidden,
/// connects to the vetted address and checks again what the socket is actually connected to. The handler never
/// resolves names on its own, so a DNS answer that changes between the check and the connection changes nothing.
/// </summary>
internal sealed class GuardedConnector(AddressPolicy policy)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = await ResolveAsync(host, cancellationToken);
        foreach (var address in addresses) Check(host, address);

        SocketException? lastError = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                Check(host, ((IPEndPoint)socket.RemoteEndPoint!).Address);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException error)
            {
                socket.Dispose();
                lastError = error;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw new FetchRefusedException(FetchRefusal.Unreachable, $"The server at {host} could not be reached.", lastError);
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal)) return [literal];
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            return addresses.Length > 0 ? addresses : throw new FetchRefusedException(FetchRefusal.NameNotFound, $"No server could be found for {host}.");
        }
        catch (SocketException error)
        {
            throw new FetchRefusedException(FetchRefusal.NameNotFound, $"No server could be found for {host}.", error);
        }
    }

    private void Check(string host, IPAddress address)
    {
        if (policy.Refuse(host, address) is { } kind) throw FetchRefusedException.Forbidden(kind);
    }
}
