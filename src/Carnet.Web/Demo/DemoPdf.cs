using System.Globalization;
using System.Text;

namespace Carnet.Web.Demo;

/// <summary>
/// A one-page PDF with a title and a few lines of text, small and valid (catalogue, page, Helvetica,
/// cross-reference table), so that the demo's documents open in any PDF viewer. Latin-1 text only.
/// </summary>
public static class DemoPdf
{
    public static byte[] Create(string title, IEnumerable<string> lines)
    {
        var content = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"BT /F1 20 Tf 56 770 Td ({Escape(title)}) Tj /F1 12 Tf");
        foreach (var line in lines)
        {
            content.Append(CultureInfo.InvariantCulture, $" 0 -22 Td ({Escape(line)}) Tj");
        }

        var stream = Encoding.Latin1.GetBytes(content.Append(" ET").ToString());
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "", // the content stream, written below
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        ];

        using var pdf = new MemoryStream();
        var offsets = new List<long>();
        Write(pdf, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Position);
            if (i == 3)
            {
                Write(pdf, $"4 0 obj\n<< /Length {stream.Length} >>\nstream\n");
                pdf.Write(stream);
                Write(pdf, "\nendstream\nendobj\n");
            }
            else
            {
                Write(pdf, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
            }
        }

        var xref = pdf.Position;
        Write(pdf, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write(pdf, $"{offset:0000000000} 00000 n \n");
        }

        Write(pdf, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);

    private static void Write(Stream pdf, string text) => pdf.Write(Encoding.Latin1.GetBytes(text));
}
