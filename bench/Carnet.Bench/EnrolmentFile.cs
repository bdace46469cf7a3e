using System.Globalization;
using System.Text;
using Carnet.Identifiers;

namespace Carnet.Bench;

/// <summary>A synthetic enrolment file: valid, unique NIRs with matching birth dates, one e-mail each.</summary>
public static class EnrolmentFile
{
    public static void Write(string path, long count)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        for (long i = 0; i < count; i++)
        {
            var sex = 1 + (i % 2);
            var year = 1940 + (int)(i % 60);
            var month = 1 + (int)(i / 7 % 12);
            var department = 10 + (i / 1_000_000 % 80);
            var commune = i % 1000;
            var order = i / 1000 % 1000;
            var first13 = string.Create(CultureInfo.InvariantCulture, $"{sex}{year % 100:D2}{month:D2}{department:D2}{commune:D3}{order:D3}");
            var nir = first13 + Nir.ComputeKey(first13).ToString("00", CultureInfo.InvariantCulture);
            writer.Write(string.Create(CultureInfo.InvariantCulture, $$"""{"nir":"{{nir}}","family_name":"NOM{{i}}","given_names":"Prénom","birth_date":"{{year}}-{{month:D2}}-15","vitale_serial":"{{80000000000 + i}}","email":"p{{i}}@example.org","mobile":"06{{i % 100_000_000:D8}}"}"""));
            writer.Write('\n');
        }
    }
}
