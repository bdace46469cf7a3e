using System.Text;
using Carnet.Mail;
using Microsoft.Extensions.Options;

namespace Carnet.Tests.Mail;

public sealed class PickupFolderMailTransportTests : IDisposable
{
    private static readonly MailEnvelope Message = new(
        "jeanne.martin@example.fr",
        "Votre compte rendu d'hospitalisation est disponible — Hôpital Saint-Éloi",
        "Bonjour Jeanne,\n\nUn nouveau document a été déposé : « Compte rendu de séjour ».\nCœur, œil, ça coûte 12 € — à bientôt !");

    private readonly TemporaryDirectory _temp = new();
    private readonly FakeClock _clock = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Pickup_folder_writes_one_eml_file_per_message()
    {
        var transport = Transport();

        await transport.SendAsync(Message with { Subject = "Premier" }, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(1.5));
        await transport.SendAsync(Message with { Subject = "Second" }, CancellationToken.None);

        var files = Directory.GetFiles(PickupDirectory).Order(StringComparer.Ordinal).ToArray();
        files.Length.ShouldBe(2);
        Path.GetFileName(files[0]).ShouldMatch(@"^20260105T090000\.000Z-[0-9a-f]{8}\.eml$");
        Path.GetFileName(files[1]).ShouldMatch(@"^20260105T090001\.500Z-[0-9a-f]{8}\.eml$");
        ParsedMail.Parse(await File.ReadAllTextAsync(files[0])).Subject.ShouldBe("Premier");
        ParsedMail.Parse(await File.ReadAllTextAsync(files[1])).Subject.ShouldBe("Second");
    }

    [Fact]
    public async Task Pickup_eml_file_is_a_utf8_message_a_mail_client_can_read()
    {
        await Transport().SendAsync(Message, CancellationToken.None);

        var bytes = await File.ReadAllBytesAsync(Directory.GetFiles(PickupDirectory).ShouldHaveSingleItem());
        bytes.Take(3).ShouldNotBe(Encoding.UTF8.Preamble.ToArray(), "no byte order mark before the headers");
        var text = Encoding.UTF8.GetString(bytes);
        text.Replace("\r\n", "", StringComparison.Ordinal).ShouldNotContain('\n', "lines end with CRLF");
        var mail = ParsedMail.Parse(text);
        mail.Header("From").ShouldBe("Carnet <no-reply@carnet.localhost>");
        mail.Header("To").ShouldBe("jeanne.martin@example.fr");
        mail.Header("Subject").ShouldStartWith("=?utf-8?B?");
        mail.Subject.ShouldBe(Message.Subject);
        mail.Header("Date").ShouldBe("Mon, 05 Jan 2026 09:00:00 +0000");
        mail.Header("Message-ID").ShouldNotBeNull().ShouldMatch(@"^<20260105090000\.[0-9a-f]{16}@carnet\.localhost>$");
        mail.Header("MIME-Version").ShouldBe("1.0");
        mail.Header("Content-Type").ShouldBe("text/plain; charset=utf-8");
        mail.Header("Content-Transfer-Encoding").ShouldBe("8bit");
        mail.TextBody.ShouldBe(Message.TextBody.ReplaceLineEndings("\r\n") + "\r\n");
        text.Split("\r\n").ShouldAllBe(line => line.Length <= 78, "short test lines and folded headers");
    }

    [Fact]
    public async Task Ascii_text_is_written_as_7bit()
    {
        await Transport().SendAsync(new MailEnvelope("paul@example.org", "Rappel", "Bonjour Paul"), CancellationToken.None);

        var mail = ParsedMail.Parse(await File.ReadAllTextAsync(Directory.GetFiles(PickupDirectory).Single()));
        mail.Header("Subject").ShouldBe("Rappel");
        mail.Header("Content-Transfer-Encoding").ShouldBe("7bit");
        mail.TextBody.ShouldBe("Bonjour Paul\r\n");
    }

    [Fact]
    public async Task A_body_line_longer_than_998_octets_is_written_in_base64()
    {
        var body = "Résultats : " + string.Concat(Enumerable.Repeat("é", 600)) + "\nFin";

        await Transport().SendAsync(Message with { TextBody = body }, CancellationToken.None);

        var text = await File.ReadAllTextAsync(Directory.GetFiles(PickupDirectory).Single());
        text.Split("\r\n").ShouldAllBe(line => Encoding.UTF8.GetByteCount(line) <= 998);
        var mail = ParsedMail.Parse(text);
        mail.Header("Content-Transfer-Encoding").ShouldBe("base64");
        mail.TextBody.ShouldBe(body.ReplaceLineEndings("\r\n") + "\r\n");
    }

    [Fact]
    public async Task A_long_subject_is_folded_into_encoded_words()
    {
        var subject = string.Concat(Enumerable.Repeat("Prise en charge à l'hôpital, ", 8)).TrimEnd();

        await Transport().SendAsync(Message with { Subject = subject }, CancellationToken.None);

        var text = await File.ReadAllTextAsync(Directory.GetFiles(PickupDirectory).Single());
        text.Split("\r\n").ShouldAllBe(line => line.Length <= 76);
        ParsedMail.Parse(text).Subject.ShouldBe(subject);
    }

    [Fact]
    public async Task A_line_break_in_the_subject_cannot_add_a_header()
    {
        await Transport().SendAsync(Message with { Subject = "Rappel\r\nBcc: someone@example.org" }, CancellationToken.None);

        var mail = ParsedMail.Parse(await File.ReadAllTextAsync(Directory.GetFiles(PickupDirectory).Single()));
        mail.Header("Bcc").ShouldBeNull();
        mail.Subject.ShouldBe("Rappel Bcc: someone@example.org");
    }

    [Fact]
    public async Task An_invalid_recipient_is_a_permanent_failure_and_writes_nothing()
    {
        var error = await Should.ThrowAsync<MailDeliveryException>(
            () => Transport().SendAsync(Message with { To = "jeanne.martin" }, CancellationToken.None));

        error.IsPermanent.ShouldBeTrue();
        error.Message.ShouldNotContain("jeanne");
        Directory.Exists(PickupDirectory).ShouldBeFalse();
    }

    [Fact]
    public async Task An_unwritable_folder_is_a_transient_failure_naming_the_setting()
    {
        var blocker = Path.Combine(_temp.Path, "blocker");
        await File.WriteAllTextAsync(blocker, "a file where the folder should be");
        var options = new MailOptions { PickupDirectory = Path.Combine(blocker, "mail") };

        var error = await Should.ThrowAsync<MailDeliveryException>(
            () => new PickupFolderMailTransport(Options.Create(options), _clock).SendAsync(Message, CancellationToken.None));

        error.IsPermanent.ShouldBeFalse();
        error.Message.ShouldContain("Carnet:Mail:PickupDirectory");
        error.ToString().ShouldNotContain("jeanne");
    }

    [Fact]
    public async Task No_temporary_file_is_left_behind()
    {
        var transport = Transport();
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => transport.SendAsync(Message, CancellationToken.None)));

        Directory.GetFiles(PickupDirectory, "*.eml").Length.ShouldBe(20, "same millisecond, distinct names");
        Directory.GetFiles(PickupDirectory, "*.tmp").ShouldBeEmpty();
    }

    private string PickupDirectory => Path.Combine(_temp.Path, "data", "mail");

    private PickupFolderMailTransport Transport() =>
        new(Options.Create(new MailOptions { PickupDirectory = PickupDirectory }), _clock);
}
