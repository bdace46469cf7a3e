using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Carnet.Tests.Mail;

/// <summary>
/// An in-process SMTP server on 127.0.0.1 speaking the part of RFC 5321 System.Net.Mail uses
/// (EHLO/HELO, AUTH LOGIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT). It records what it accepts and can
/// refuse a recipient, refuse temporarily, or hang. Every connection is bounded by a timeout so a
/// test never waits forever.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private static readonly TimeSpan ConnectionTimeout = TimeSpan.FromSeconds(15);

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceivedMessage> _messages = new();
    private readonly ConcurrentQueue<Exception> _errors = new();
    private readonly ConcurrentQueue<Task> _connections = new();
    private readonly Task _accepting;
    private int _connectionCount;

    public TestSmtpServer()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public string Host { get; } = "127.0.0.1";

    public int Port { get; }

    public IReadOnlyList<ReceivedMessage> Messages => [.. _messages];

    /// <summary>Faults of the server itself (not of clients); a test can assert there were none.</summary>
    public IReadOnlyList<Exception> Errors => [.. _errors];

    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    /// <summary>Answered <c>550 5.1.1</c> at RCPT, quoting the address as Postfix does.</summary>
    public string? RejectedRecipient { get; set; }

    /// <summary>
    /// 421: said instead of the greeting, then the connection is closed. 450, 451, 452 (or any 4xx):
    /// the answer to every RCPT, quoting the address (greylisting, local error, full mailbox).
    /// </summary>
    public int? TemporaryRefusal { get; set; }

    /// <summary>When set, the answer to every RCPT, with <c>{0}</c> replaced by the address (e.g. <c>554 5.7.1 &lt;{0}&gt;: Relay access denied</c>).</summary>
    public string? RecipientReply { get; set; }

    /// <summary>Accepts connections and never says a word: a server that hangs.</summary>
    public bool Silent { get; set; }

    /// <summary>When set, AUTH LOGIN is offered and MAIL is refused with 530 until these credentials are given.</summary>
    public NetworkCredential? RequiredLogin { get; set; }

    /// <summary>A port nothing listens on: bound, read, then released.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        await Task.WhenAll(_connections);
        _listener.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connectionCount);
            _connections.Enqueue(ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(ConnectionTimeout);
        try
        {
            using (client)
            {
                await using var stream = client.GetStream();
                await new Session(this, stream, timeout.Token).RunAsync();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The client went away, or the test is over.
        }
        catch (Exception e)
        {
            _errors.Enqueue(e);
        }
    }

    private sealed class Session(TestSmtpServer server, NetworkStream stream, CancellationToken ct)
    {
        private readonly StreamReader _reader = new(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        private readonly List<string> _recipients = [];
        private string? _reversePath;
        private bool _authenticated = server.RequiredLogin is null;

        public async Task RunAsync()
        {
            if (server.Silent)
            {
                await Task.Delay(Timeout.Infinite, ct);
                return;
            }

            if (server.TemporaryRefusal == 421)
            {
                await ReplyAsync("421 4.3.2 carnet-test Service not available, closing transmission channel");
                return;
            }

            await ReplyAsync("220 carnet-test ESMTP ready");
            while (await ReadLineAsync() is { } line)
            {
                var space = line.IndexOf(' ', StringComparison.Ordinal);
                var verb = (space < 0 ? line : line[..space]).ToUpperInvariant();
                var argument = space < 0 ? "" : line[(space + 1)..];
                switch (verb)
                {
                    case "EHLO":
                        await ReplyAsync(server.RequiredLogin is null
                            ? "250-carnet-test greets " + argument + "\r\n250-8BITMIME\r\n250 HELP"
                            : "250-carnet-test greets " + argument + "\r\n250-8BITMIME\r\n250-AUTH LOGIN\r\n250 HELP");
                        break;
                    case "HELO":
                        await ReplyAsync("250 carnet-test");
                        break;
                    case "AUTH":
                        await AuthenticateAsync(argument);
                        break;
                    case "MAIL":
                        await MailAsync(argument);
                        break;
                    case "RCPT":
                        await RecipientAsync(argument);
                        break;
                    case "DATA":
                        await DataAsync();
                        break;
                    case "RSET":
                        Reset();
                        await ReplyAsync("250 2.0.0 Ok");
                        break;
                    case "NOOP":
                        await ReplyAsync("250 2.0.0 Ok");
                        break;
                    case "QUIT":
                        await ReplyAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await ReplyAsync("502 5.5.2 Error: command not recognized");
                        break;
                }
            }
        }

        private async Task AuthenticateAsync(string argument)
        {
            var parts = argument.Split(' ', 2);
            if (server.RequiredLogin is null || !parts[0].Equals("LOGIN", StringComparison.OrdinalIgnoreCase))
            {
                await ReplyAsync("504 5.5.4 Unrecognized authentication type");
                return;
            }

            // RFC 4954 §4: the client may send the first answer (the user name) with the command.
            var userName = parts.Length > 1 ? parts[1] : await AskAsync("334 VXNlcm5hbWU6");
            var password = await AskAsync("334 UGFzc3dvcmQ6");
            _authenticated = Decode(userName) == server.RequiredLogin.UserName && Decode(password) == server.RequiredLogin.Password;
            await ReplyAsync(_authenticated ? "235 2.7.0 Authentication successful" : "535 5.7.8 Error: authentication failed");

            static string Decode(string? base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64 ?? ""));
        }

        private async Task MailAsync(string argument)
        {
            if (!_authenticated)
            {
                await ReplyAsync("530 5.7.0 Authentication required");
                return;
            }

            Reset();
            _reversePath = AddressOf(argument);
            await ReplyAsync("250 2.1.0 Ok");
        }

        private async Task RecipientAsync(string argument)
        {
            if (_reversePath is null)
            {
                await ReplyAsync("503 5.5.1 Error: need MAIL command");
                return;
            }

            var recipient = AddressOf(argument);
            if (string.Equals(recipient, server.RejectedRecipient, StringComparison.OrdinalIgnoreCase))
            {
                await ReplyAsync($"550 5.1.1 <{recipient}>: Recipient address rejected: User unknown in local recipient table");
            }
            else if (server.RecipientReply is { } reply)
            {
                await ReplyAsync(string.Format(CultureInfo.InvariantCulture, reply, recipient));
            }
            else if (server.TemporaryRefusal is { } code and >= 400 and < 500)
            {
                await ReplyAsync($"{code} 4.{(code == 452 ? 2 : 3)}.0 <{recipient}>: Recipient address rejected: try again later");
            }
            else
            {
                _recipients.Add(recipient);
                await ReplyAsync("250 2.1.5 Ok");
            }
        }

        private async Task DataAsync()
        {
            if (_reversePath is null || _recipients.Count == 0)
            {
                await ReplyAsync("554 5.5.1 Error: no valid recipients");
                return;
            }

            await ReplyAsync("354 End data with <CR><LF>.<CR><LF>");
            var data = new StringBuilder();
            while (true)
            {
                var line = await ReadLineAsync() ?? throw new IOException("The client closed the connection in the middle of DATA.");
                if (line == ".")
                {
                    break;
                }

                // RFC 5321 §4.5.2: the client doubled every leading dot.
                data.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n");
            }

            server._messages.Enqueue(new ReceivedMessage(_reversePath, [.. _recipients], data.ToString()));
            Reset();
            await ReplyAsync("250 2.0.0 Ok: queued");
        }

        private void Reset()
        {
            _reversePath = null;
            _recipients.Clear();
        }

        private async Task<string?> AskAsync(string challenge)
        {
            await ReplyAsync(challenge);
            return await ReadLineAsync();
        }

        private async Task<string?> ReadLineAsync() => await _reader.ReadLineAsync(ct);

        private async Task ReplyAsync(string reply) =>
            await stream.WriteAsync(Encoding.ASCII.GetBytes(reply + "\r\n"), ct);

        /// <summary>The address inside <c>FROM:&lt;…&gt;</c> or <c>TO:&lt;…&gt;</c>, parameters dropped.</summary>
        private static string AddressOf(string argument)
        {
            var start = argument.IndexOf('<', StringComparison.Ordinal);
            var end = argument.LastIndexOf('>');
            return start >= 0 && end > start ? argument[(start + 1)..end] : argument[(argument.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
    }
}
