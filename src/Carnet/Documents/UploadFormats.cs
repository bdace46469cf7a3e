namespace Carnet.Documents;

/// <summary>
/// The formats a holder may upload (DOMAIN.md §4: pdf, txt, rtf, jpg/jpeg, png, tif/tiff), recognised
/// by their content — the file name's extension is not trusted. Plain text is checked as it streams:
/// no NUL and no control characters other than tab, line feed, form feed and carriage return.
/// </summary>
public static class UploadFormats
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs.</summary>
    public const int HeadLength = 512;

    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Tiff = "image/tiff";
    public const string Rtf = "application/rtf";
    public const string Text = "text/plain";

    /// <summary>The MIME type of content starting with <paramref name="head"/>, or null when it is none of the accepted formats.</summary>
    public static string? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8))
        {
            return Tiff;
        }

        if (head.StartsWith(@"{\rtf"u8))
        {
            return Rtf;
        }

        return head.Length > 0 && IsText(head) ? Text : null;
    }

    internal static bool IsText(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\f' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reads the head of an upload and gives its format and a stream of the whole content (head
    /// included); plain text is checked to its end while it is read.
    /// </summary>
    public static async Task<(string ContentType, Stream Content)> RecogniseAsync(Stream upload, CancellationToken ct)
    {
        var head = new byte[HeadLength];
        var length = await upload.ReadAtLeastAsync(head, HeadLength, throwOnEndOfStream: false, ct);
        var contentType = Detect(head.AsSpan(0, length))
            ?? throw new DocumentException(DocumentException.UnsupportedFormat, "This file is not one of the accepted formats: PDF, JPEG, PNG, TIFF, RTF or plain text. Convert it (for example print it to PDF) and send it again.");
        Stream content = new HeadedStream(head.AsMemory(0, length), upload);
        return (contentType, contentType == Text ? new TextCheckStream(content) : content);
    }

    /// <summary>The bytes already read, then the rest of the source.</summary>
    private sealed class HeadedStream(ReadOnlyMemory<byte> head, Stream rest) : ReadOnlyStream
    {
        private ReadOnlyMemory<byte> _head = head;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_head.IsEmpty)
            {
                return await rest.ReadAsync(buffer, cancellationToken);
            }

            var n = Math.Min(buffer.Length, _head.Length);
            _head[..n].CopyTo(buffer);
            _head = _head[n..];
            return n;
        }
    }

    private sealed class TextCheckStream(Stream source) : ReadOnlyStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await source.ReadAsync(buffer, cancellationToken);
            return IsText(buffer.Span[..n])
                ? n
                : throw new DocumentException(DocumentException.UnsupportedFormat, "This file starts like plain text but holds binary data: it is not one of the accepted formats (PDF, JPEG, PNG, TIFF, RTF, plain text).");
        }
    }
}
