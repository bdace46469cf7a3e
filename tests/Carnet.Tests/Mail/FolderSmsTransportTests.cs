using System.Text;
using Carnet.Mail;
using Microsoft.Extensions.Options;

namespace Carnet.Tests.Mail;

public sealed class FolderSmsTransportTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();
    private readonly FakeClock _clock = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Sms_sink_writes_one_file_per_message()
    {
        var transport = Transport();

        await transport.SendAsync(new SmsEnvelope("+33612345678", "Carnet : votre code de vérification est 481 516."), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await transport.SendAsync(new SmsEnvelope("+262692123456", "Un document a été ajouté à votre Carnet."), CancellationToken.None);

        var files = Directory.GetFiles(SmsDirectory).Order(StringComparer.Ordinal).ToArray();
        files.Length.ShouldBe(2);
        Path.GetFileName(files[0]).ShouldMatch(@"^20260105T090000\.000Z-[0-9a-f]{8}\.txt$");
        Path.GetFileName(files[1]).ShouldMatch(@"^20260105T090100\.000Z-[0-9a-f]{8}\.txt$");
        (await File.ReadAllTextAsync(files[0], Encoding.UTF8)).ShouldBe(
            "To: +33612345678\nDate: 2026-01-05T09:00:00.000Z\n\nCarnet : votre code de vérification est 481 516.\n");
        (await File.ReadAllTextAsync(files[1], Encoding.UTF8)).ShouldContain("To: +262692123456\n");
        Directory.GetFiles(SmsDirectory, "*.tmp").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("0612345678")]
    [InlineData("+33 6 12 34 56 78")]
    [InlineData("+0612345678")]
    [InlineData("+3361234567890123")]
    [InlineData("+33612345678\n")]
    [InlineData("")]
    public async Task A_number_not_in_e164_form_is_a_permanent_failure_and_writes_nothing(string number)
    {
        var error = await Should.ThrowAsync<MailDeliveryException>(
            () => Transport().SendAsync(new SmsEnvelope(number, "Bonjour"), CancellationToken.None));

        error.IsPermanent.ShouldBeTrue();
        error.Message.ShouldNotContain("612345678");
        Directory.Exists(SmsDirectory).ShouldBeFalse();
    }

    private string SmsDirectory => Path.Combine(_temp.Path, "data", "sms");

    private FolderSmsTransport Transport() =>
        new(Options.Create(new MailOptions { SmsDirectory = SmsDirectory }), _clock);
}
