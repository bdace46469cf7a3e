using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Carnet.Mail;
using Microsoft.Extensions.Options;

namespace Carnet.Tests.Mail;

public sealed class SmtpMailTransportTests : IAsyncLifetime
{
    private const string Recipient = "jeanne.martin@example.fr";

    private static readonly MailEnvelope Message = new(
        Recipient,
        "Votre compte rendu d'hospitalisation est disponible — Hôpital Saint-Éloi",
        "Bonjour Jeanne,\n\nUn nouveau document a été déposé dans votre Carnet : « Compte rendu de séjour ».\n.Cette ligne commence par un point.\nCœur, œil, ça coûte 12 € — à bientôt !\n");

    private readonly FakeClock _clock = new();
    private readonly TestSmtpServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Smtp_transport_delivers_a_utf8_message()
    {
        await Transport().SendAsync(Message, CancellationToken.None);

        var received = _server.Messages.ShouldHaveSingleItem();
        received.ReversePath.ShouldBe("no-reply@carnet.localhost");
        received.Recipients.ShouldBe([Recipient]);
        var mail = received.Parse();
        mail.Subject.ShouldBe(Message.Subject);
        // System.Net.Mail ends the data with an empty line of its own: compare up to the last line break.
        mail.TextBody.TrimEnd('\r', '\n').ShouldBe(Message.TextBody.ReplaceLineEndings("\r\n").TrimEnd('\r', '\n'));
        mail.Header("Content-Type").ShouldBe("text/plain; charset=utf-8");
        mail.Header("Content-Transfer-Encoding").ShouldBe("quoted-printable");
        mail.Header("Message-ID").ShouldNotBeNull().ShouldMatch(@"^<20260105090000\.[0-9a-f]{16}@carnet\.localhost>$");
        mail.Header("From").ShouldBe("\"Carnet\" <no-reply@carnet.localhost>");
        mail.Header("To").ShouldBe(Recipient);
        _server.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Nothing_but_ascii_goes_on_the_wire()
    {
        await Transport().SendAsync(Message, CancellationToken.None);

        var data = _server.Messages.ShouldHaveSingleItem().Data;
        data.ShouldAllBe(c => c < 128, "the subject is RFC 2047 encoded and the body quoted-printable, whatever the server supports");
        data.Split("\r\n").ShouldAllBe(line => line.Length <= 78);
    }

    [Fact]
    public async Task Consecutive_messages_each_arrive()
    {
        var transport = Transport();
        foreach (var n in new[] { 1, 2, 3 })
        {
            await transport.SendAsync(Message with { Subject = $"Message {n}" }, CancellationToken.None);
        }

        _server.Messages.Select(m => m.Parse().Subject).ShouldBe(["Message 1", "Message 2", "Message 3"]);
        _server.ConnectionCount.ShouldBe(3);
    }

    [Fact]
    public async Task A_line_break_in_the_subject_cannot_add_a_header()
    {
        await Transport().SendAsync(Message with { Subject = "Rappel\r\nBcc: someone@example.org" }, CancellationToken.None);

        var received = _server.Messages.ShouldHaveSingleItem();
        received.Recipients.ShouldBe([Recipient]);
        received.Parse().Header("Bcc").ShouldBeNull();
        received.Parse().Subject.ShouldBe("Rappel Bcc: someone@example.org");
    }

    [Fact]
    public async Task Smtp_transport_logs_in_when_a_user_name_is_set()
    {
        _server.RequiredLogin = new NetworkCredential("carnet", "s3cret-Passw0rd");

        await Transport(smtp => (smtp.UserName, smtp.Password) = ("carnet", "s3cret-Passw0rd")).SendAsync(Message, CancellationToken.None);

        _server.Messages.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Unknown_recipient_is_a_permanent_failure()
    {
        _server.RejectedRecipient = Recipient;

        var error = await Should.ThrowAsync<MailDeliveryException>(() => Transport().SendAsync(Message, CancellationToken.None));

        error.IsPermanent.ShouldBeTrue();
        error.Message.ShouldContain($"127.0.0.1:{_server.Port}");
        error.Message.ShouldContain("550 MailboxUnavailable, 5.1.1");
        _server.Messages.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("550 5.1.1 <{0}>: Recipient address rejected: User unknown", true)]
    [InlineData("553 5.1.3 <{0}>: Bad recipient address syntax", true)]
    [InlineData("554 5.1.1 <{0}>: Recipient address rejected", true)]
    [InlineData("550 Requested action not taken: mailbox unavailable", true)]
    [InlineData("550 5.7.1 <{0}>: Relay access denied", false)]
    [InlineData("554 5.7.1 <{0}>: Relay access denied", false)]
    [InlineData("552 5.2.2 <{0}>: Mailbox full", false)]
    [InlineData("451 4.3.0 <{0}>: Temporary lookup failure", false)]
    public async Task Recipient_refusals_are_permanent_only_when_they_blame_the_address(string reply, bool permanent)
    {
        _server.RecipientReply = reply;

        var error = await Should.ThrowAsync<MailDeliveryException>(() => Transport().SendAsync(Message, CancellationToken.None));

        error.IsPermanent.ShouldBe(permanent, error.Message);
        error.Message.ShouldContain(reply[..3]);
        error.ToString().ShouldNotContain(Recipient);
    }

    [Theory]
    [InlineData("")]
    [InlineData("jeanne.martin")]
    [InlineData("jeanne.martin@")]
    [InlineData("jeanne martin@example.fr")]
    [InlineData("jeanne@example.fr, paul@example.fr")]
    [InlineData("élodie@example.fr")]
    public async Task An_invalid_recipient_address_is_a_permanent_failure(string to)
    {
        var error = await Should.ThrowAsync<MailDeliveryException>(() => Transport().SendAsync(Message with { To = to }, CancellationToken.None));

        error.IsPermanent.ShouldBeTrue();
        _server.ConnectionCount.ShouldBe(0);
    }

    [Theory]
    [InlineData(421)]
    [InlineData(450)]
    [InlineData(451)]
    [InlineData(452)]
    public async Task Temporary_refusal_is_a_transient_failure(int code)
    {
        _server.TemporaryRefusal = code;

        var error = await Should.ThrowAsync<MailDeliveryException>(() => Transport().SendAsync(Message, CancellationToken.None));

        error.IsPermanent.ShouldBeFalse();
        error.Message.ShouldContain($"({code} ");
        error.Message.ShouldContain("temporarily refused");
    }

    [Fact]
    public async Task Smtp_server_down_is_a_transient_failure()
    {
        var port = TestSmtpServer.FreePort();

        var error = await Should.ThrowAsync<MailDeliveryException>(
            () => Transport(smtp => smtp.Port = port).SendAsync(Message, CancellationToken.None));

        error.IsPermanent.ShouldBeFalse();
        error.Message.ShouldStartWith($"SMTP server 127.0.0.1:{port} refused the connection; check Carnet:Mail:Smtp:Host/Port");
        error.InnerException.ShouldBeOfType<SocketException>().SocketErrorCode.ShouldBe(SocketError.ConnectionRefused);
    }

    [Fact]
    public async Task A_rejected_login_is_a_transient_configuration_failure()
    {
        _server.RequiredLogin = new NetworkCredential("carnet", "s3cret-Passw0rd");

        var error = await Should.ThrowAsync<MailDeliveryException>(
            () => Transport(smtp => (smtp.UserName, smtp.Password) = ("carnet", "wrong-Passw0rd")).SendAsync(Message, CancellationToken.None));

        error.IsPermanent.ShouldBeFalse();
        error.Message.ShouldContain("Carnet:Mail:Smtp:UserName/Password");
        error.ToString().ShouldNotContain("Passw0rd");
    }

    [Fact]
    public async Task A_server_that_hangs_is_a_transient_failure_after_the_timeout()
    {
        _server.Silent = true;
        var watch = Stopwatch.StartNew();

        var error = await Should.ThrowAsync<MailDeliveryException>(
            () => Transport(smtp => smtp.TimeoutSeconds = 1).SendAsync(Message, CancellationToken.None));

        error.IsPermanent.ShouldBeFalse();
        error.Message.ShouldContain("within 1 s");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Cancelling_a_send_is_not_a_delivery_failure()
    {
        _server.Silent = true;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Should.ThrowAsync<OperationCanceledException>(() => Transport().SendAsync(Message, cancel.Token));
    }

    [Theory]
    [InlineData("unknown recipient")]
    [InlineData("greylisted")]
    [InlineData("server busy")]
    [InlineData("server down")]
    [InlineData("bad login")]
    [InlineData("hangs")]
    public async Task Delivery_errors_never_contain_the_recipient_or_body(string scenario)
    {
        var port = _server.Port;
        switch (scenario)
        {
            case "unknown recipient":
                _server.RejectedRecipient = Recipient;
                break;
            case "greylisted":
                _server.TemporaryRefusal = 450;
                break;
            case "server busy":
                _server.TemporaryRefusal = 421;
                break;
            case "server down":
                port = TestSmtpServer.FreePort();
                break;
            case "bad login":
                _server.RequiredLogin = new NetworkCredential("carnet", "right");
                break;
            case "hangs":
                _server.Silent = true;
                break;
        }

        var error = await Should.ThrowAsync<MailDeliveryException>(() => Transport(smtp =>
        {
            smtp.Port = port;
            smtp.TimeoutSeconds = 1;
            (smtp.UserName, smtp.Password) = ("carnet", "wrong");
        }).SendAsync(Message, CancellationToken.None));

        // ToString() holds the inner exceptions too: what a logger writes.
        var logged = error.ToString();
        logged.ShouldNotContain("jeanne", Case.Insensitive);
        logged.ShouldNotContain("example.fr", Case.Insensitive);
        logged.ShouldNotContain("hospitalisation");
        logged.ShouldNotContain("Compte rendu");
        logged.ShouldNotContain("wrong");
    }

    private SmtpMailTransport Transport(Action<SmtpOptions>? configure = null)
    {
        var options = new MailOptions
        {
            Mode = MailMode.Smtp,
            Smtp = { Host = _server.Host, Port = _server.Port, Security = SmtpSecurity.None, TimeoutSeconds = 10 },
        };
        configure?.Invoke(options.Smtp);
        return new SmtpMailTransport(Options.Create(options), _clock);
    }
}
