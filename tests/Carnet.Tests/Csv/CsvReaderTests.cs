using Carnet.Csv;

namespace Carnet.Tests.Csv;

public class CsvReaderTests
{
    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks_and_lines_are_counted()
    {
        var reader = new CsvReader(new StringReader("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,row"));
        var row = new List<string>();

        reader.ReadRecord(row).ShouldBeTrue();
        row.ShouldBe(["a", "b"]);
        reader.ReadRecord(row).ShouldBeTrue();
        row.ShouldBe(["x, y", "say \"hi\""]);
        reader.RecordLine.ShouldBe(2);
        reader.ReadRecord(row).ShouldBeTrue();
        row.ShouldBe(["two\nlines", "z"]);
        reader.RecordLine.ShouldBe(3);
        reader.ReadRecord(row).ShouldBeTrue();
        row.ShouldBe(["last", "row"]);
        reader.RecordLine.ShouldBe(5);
        reader.ReadRecord(row).ShouldBeFalse();
    }

    [Fact]
    public void An_unclosed_quote_names_the_line_where_its_record_starts()
    {
        var reader = new CsvReader(new StringReader("a\n\"open\nnever closed"));
        var row = new List<string>();
        reader.ReadRecord(row);

        Should.Throw<CsvFormatException>(() => reader.ReadRecord(row)).Line.ShouldBe(2);
    }

    [Fact]
    public void Records_longer_than_the_buffer_are_read_whole()
    {
        var big = new string('x', 200_000);
        var reader = new CsvReader(new StringReader($"\"{big}\",{big}\n"));
        var row = new List<string>();

        reader.ReadRecord(row).ShouldBeTrue();

        row[0].Length.ShouldBe(200_000);
        row[1].Length.ShouldBe(200_000);
    }

    [Fact]
    public void Writer_quotes_only_what_needs_it()
    {
        CsvWriter.Quote("plain").ShouldBe("plain");
        CsvWriter.Quote("a,b").ShouldBe("\"a,b\"");
        CsvWriter.Quote("say \"hi\"").ShouldBe("\"say \"\"hi\"\"\"");
        CsvWriter.Quote(null).ShouldBe("");
    }
}
