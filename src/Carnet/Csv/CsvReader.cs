using System.Text;

namespace Carnet.Csv;

/// <summary>
/// A streaming RFC 4180 reader: comma-separated, double-quoted fields with <c>""</c> escapes and line
/// breaks inside quotes. Reads through a fixed buffer, so memory stays flat however large the file.
/// </summary>
public sealed class CsvReader(TextReader reader)
{
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _field = new();
    private int _position;
    private int _length;
    private long _line = 1;

    /// <summary>The 1-based line on which the last record returned started.</summary>
    public long RecordLine { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/> (cleared first). False at the end of the input.</summary>
    /// <exception cref="CsvFormatException">A quoted field is not closed before the end of the input.</exception>
    public bool ReadRecord(ICollection<string> fields)
    {
        fields.Clear();
        _field.Clear();
        if (!Fill())
        {
            return false;
        }

        RecordLine = _line;
        var quoted = false;
        var fieldWasQuoted = false;
        while (Fill())
        {
            var c = _buffer[_position++];
            if (quoted)
            {
                if (c == '"')
                {
                    if (Fill() && _buffer[_position] == '"')
                    {
                        _field.Append('"');
                        _position++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        _line++;
                    }

                    _field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case ',':
                    fields.Add(_field.ToString());
                    _field.Clear();
                    fieldWasQuoted = false;
                    break;
                case '"' when _field.Length == 0 && !fieldWasQuoted:
                    quoted = true;
                    fieldWasQuoted = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    _line++;
                    fields.Add(_field.ToString());
                    return true;
                default:
                    _field.Append(c);
                    break;
            }
        }

        if (quoted)
        {
            throw new CsvFormatException(RecordLine, "a quoted field is not closed before the end of the file; add the missing double quote.");
        }

        fields.Add(_field.ToString());
        return true;
    }

    private bool Fill()
    {
        if (_position < _length)
        {
            return true;
        }

        _length = reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
