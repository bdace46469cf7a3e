using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Carnet.Mail;

/// <summary>
/// Development sink: writes each text message as a UTF-8 <c>.txt</c> file in
/// <see cref="MailOptions.SmsDirectory"/>, named by time so the newest sorts last.
/// </summary>
public sealed partial class FolderSmsTransport(IOptions<MailOptions> options, TimeProvider time) : ISmsTransport
{
    private readonly MailOptions _options = options.Value;

    public async Task SendAsync(SmsEnvelope message, CancellationToken ct)
    {
        // A gateway refuses a number that is not E.164 (ITU-T E.164: "+", then at most 15 digits);
        // the sink does too, so development catches what production would bounce.
        if (message.To is null || !E164().IsMatch(message.To))
        {
            throw new MailDeliveryException(
                "The recipient is not a mobile number in E.164 form (+ and up to 15 digits, e.g. +33…); correct the number on the account. Retrying cannot help.",
                isPermanent: true);
        }

        var now = time.GetUtcNow();
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"To: {message.To}\nDate: {now.ToUniversalTime():yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\n\n{message.Text}\n");
        var folder = new DropFolder(_options.SmsDirectory, "Carnet:Mail:SmsDirectory");
        await folder.WriteAsync(DropFolder.NewFileStem(now) + ".txt", Encoding.UTF8.GetBytes(text), ct);
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{1,14}\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex E164();
}
