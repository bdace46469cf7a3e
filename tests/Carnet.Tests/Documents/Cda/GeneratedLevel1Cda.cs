using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Carnet.Tests.Documents.Cda;

/// <summary>
/// A level-1 CDA of any size, written as it is read and never held whole, not seekable (like an upload).
/// Its body is pseudo-random bytes in base64 lines of 76 characters; their SHA-256 is known once read.
/// </summary>
internal sealed class GeneratedLevel1Cda : Stream
{
    private const string Head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ClinicalDocument xmlns="urn:hl7-org:v3">
          <id root="1.2.250.1.213.1.1.9" extension="GENERATED"/>
          <code code="18748-4" codeSystem="2.16.840.1.113883.6.1" displayName="CR d'imagerie médicale"/>
          <recordTarget><patientRole><id root="1.2.250.1.213.1.4.8" extension="255081416802538"/></patientRole></recordTarget>
          <component><nonXMLBody><text mediaType="application/pdf" representation="B64">

        """;

    private const string Tail = """
        </text></nonXMLBody></component>
        </ClinicalDocument>

        """;

    private readonly long _payloadBytes;
    private readonly byte[] _tail = Encoding.UTF8.GetBytes(Tail);
    private readonly byte[] _payload = new byte[57];
    private readonly byte[] _line = new byte[77];
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[] _segment = Encoding.UTF8.GetBytes(Head);
    private int _segmentLength;
    private int _offset;
    private long _produced;
    private bool _tailStarted;
    private uint _random = 2463534242;

    public GeneratedLevel1Cda(long payloadBytes)
    {
        _payloadBytes = payloadBytes;
        _segmentLength = _segment.Length;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The SHA-256 of the embedded bytes, once the whole document has been read.</summary>
    public byte[] PayloadSha256() => _hash.GetCurrentHash();

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length && Refill())
        {
            var count = Math.Min(_segmentLength - _offset, buffer.Length - written);
            _segment.AsSpan(_offset, count).CopyTo(buffer[written..]);
            _offset += count;
            written += count;
        }

        return written;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    // Synchronous on purpose: no per-read task allocation blurs the reader's own allocations.
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private bool Refill()
    {
        if (_offset < _segmentLength)
        {
            return true;
        }

        if (_produced < _payloadBytes)
        {
            NextLine();
            return true;
        }

        if (_tailStarted)
        {
            return false;
        }

        _tailStarted = true;
        Start(_tail, _tail.Length);
        return true;
    }

    private void NextLine()
    {
        var payload = _payload.AsSpan(0, (int)Math.Min(_payload.Length, _payloadBytes - _produced));
        foreach (ref var b in payload)
        {
            // xorshift32: deterministic bytes that do not compress or repeat.
            _random ^= _random << 13;
            _random ^= _random >> 17;
            _random ^= _random << 5;
            b = (byte)_random;
        }

        _hash.AppendData(payload);
        _produced += payload.Length;
        Base64.EncodeToUtf8(payload, _line, out _, out var encoded);
        _line[encoded] = (byte)'\n';
        Start(_line, encoded + 1);
    }

    private void Start(byte[] segment, int length)
    {
        _segment = segment;
        _segmentLength = length;
        _offset = 0;
    }
}
