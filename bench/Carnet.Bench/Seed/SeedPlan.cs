using System.Globalization;
using Carnet.Identifiers;
using Carnet.Records;

namespace Carnet.Bench.Seed;

/// <summary>
/// What the seed holds, decided before anything is written and the same for the same seed: how many
/// documents and traces each record gets, each record's identity and lifecycle dates. Documents follow a
/// zero-inflated lognormal (many records never used, most with a few documents, a long tail with hundreds);
/// traces follow the documents (one per deposit, reads in proportion). Totals are exact.
/// </summary>
public sealed class SeedPlan
{
    /// <summary>Share of records nobody ever deposited into (many people never use their record).</summary>
    public const double ShareWithoutDocuments = 0.3;

    /// <summary>Spread of the lognormal of documents per used record: about 1 % of records get more than 100.</summary>
    public const double Sigma = 1.1;

    /// <summary>The years the seeded activity spans, up to now.</summary>
    public const int Years = 4;

    /// <summary>Departments of birth of the seeded NIRs: those of the demo's people (13, 2A, 69, 75) left out, so no NIR collides with theirs.</summary>
    private static readonly string[] Departments = [.. Enumerable.Range(1, 95).Where(d => d is not (13 or 20 or 69 or 75)).Select(d => d.ToString("00", CultureInfo.InvariantCulture))];

    private static readonly string[] FamilyNames = ["MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND", "DUBOIS", "MOREAU", "LAURENT", "SIMON", "MICHEL", "LEFEBVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL", "FOURNIER", "GIRARD", "BONNET", "DUPONT", "LAMBERT", "FONTAINE", "ROUSSEAU", "VINCENT", "MULLER", "LEFEVRE", "FAURE", "ANDRE", "MERCIER", "BLANC", "GUERIN", "BOYER", "GARNIER", "CHEVALIER"];

    private static readonly string[] MaleNames = ["Jean", "Pierre", "Michel", "Louis", "Gabriel", "Lucas", "Hugo", "Arthur", "Jules", "Adam", "Paul", "Nathan", "Thomas", "Nicolas", "Karim", "Yanis"];

    private static readonly string[] FemaleNames = ["Marie", "Jeanne", "Anne", "Louise", "Emma", "Jade", "Alice", "Chloé", "Léa", "Manon", "Sarah", "Inès", "Camille", "Nathalie", "Fatima", "Sophie"];

    private SeedPlan(int records, long documents, long traces, int seed, DateTimeOffset now, int[] documentsPerRecord)
    {
        Records = records;
        Documents = documents;
        Traces = traces;
        Seed = seed;
        Now = now;
        Start = now.AddYears(-Years);
        DocumentsPerRecord = documentsPerRecord;
        var baseTraces = Enumerable.Range(0, records).Sum(i => (long)BaseTraces(i));
        if (traces < baseTraces)
        {
            throw new ArgumentOutOfRangeException(nameof(traces), traces, $"At least {baseTraces:N0} traces are needed: one per record created or objected, per activation and per deposit.");
        }

        var extra = Allocate(traces - baseTraces, [.. documentsPerRecord.Select(d => d + 1.0)]);
        TracesPerRecord = [.. extra.Select((e, i) => e + BaseTraces(i))];
    }

    public int Records { get; }

    public long Documents { get; }

    public long Traces { get; }

    public int Seed { get; }

    public DateTimeOffset Now { get; }

    public DateTimeOffset Start { get; }

    public IReadOnlyList<int> DocumentsPerRecord { get; }

    public IReadOnlyList<int> TracesPerRecord { get; }

    public static SeedPlan Create(int records, long documents, long traces, int seed, DateTimeOffset now)
    {
        if (records < 1 || (long)records > (long)Departments.Length * 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(records), records, $"Between 1 and {Departments.Length * 1_000_000L:N0} records.");
        }

        var random = new Random(seed);
        var weights = new double[records];
        for (var i = 0; i < records; i++)
        {
            weights[i] = random.NextDouble() < ShareWithoutDocuments ? 0 : Math.Exp(Sigma * Gaussian(random));
        }

        return new SeedPlan(records, documents, traces, seed, now, Allocate(documents, weights));
    }

    /// <summary>Splits <paramref name="total"/> in proportion to the weights, by cumulative rounding: the parts add up exactly.</summary>
    public static int[] Allocate(long total, double[] weights)
    {
        var sum = weights.Sum();
        var parts = new int[weights.Length];
        if (total == 0 || sum <= 0)
        {
            return parts;
        }

        double cumulative = 0;
        long given = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            cumulative += weights[i];
            var upTo = i == weights.Length - 1 ? total : Math.Min(total, (long)Math.Floor(total * (cumulative / sum)));
            parts[i] = checked((int)(upTo - given));
            given = upTo;
        }

        return parts;
    }

    /// <summary>Never-used records only: one in ten objected to its creation.</summary>
    public bool IsObjected(int record) => DocumentsPerRecord[record] == 0 && SeedIds.Unit(Seed, record, 1) < 0.1;

    /// <summary>The holder signed in at least once: most who receive documents, few of the others.</summary>
    public bool IsActivated(int record) => !IsObjected(record) && SeedIds.Unit(Seed, record, 2) < (DocumentsPerRecord[record] > 0 ? 0.45 : 0.1);

    /// <summary>The traces every record has whatever happens: its creation (or objection), activation, one per deposit.</summary>
    public int BaseTraces(int record) => 1 + (IsActivated(record) ? 1 : 0) + DocumentsPerRecord[record];

    /// <summary>Records are imported in order over the first half of the period (so record ids grow with the index).</summary>
    public DateTimeOffset ImportedAt(int record) => Start + TimeSpan.FromTicks((long)((Now - Start).Ticks / 2.0 * record / Records));

    public DateTimeOffset NoticeSentAt(int record) => ImportedAt(record) + TimeSpan.FromDays(1);

    public DateTimeOffset CreatedAt(int record) => NoticeSentAt(record) + LifecycleRules.OppositionWindow + TimeSpan.FromHours(1);

    public DateTimeOffset ObjectedAt(int record) => NoticeSentAt(record) + TimeSpan.FromDays(1 + (SeedIds.Unit(Seed, record, 3) * 40));

    public DateTimeOffset ActivatedAt(int record) => CreatedAt(record) + ((Now - CreatedAt(record)) * (SeedIds.Unit(Seed, record, 4) * 0.5));

    /// <summary>A valid NIR (with its key), unique per index: the index picks department, commune and order number through a bijection.</summary>
    public Nir NirOf(int record)
    {
        const long Prime = 1_000_003;
        var space = (long)Departments.Length * 1_000_000;
        var slot = ((record * Prime) + (Seed & 0xFFFF)) % space;
        var (year, month, _, male) = Birth(record);
        var first13 = string.Create(CultureInfo.InvariantCulture, $"{(male ? 1 : 2)}{year % 100:00}{month:00}{Departments[slot / 1_000_000]}{slot % 1_000_000:000000}");
        return Nir.Parse(first13 + Nir.ComputeKey(first13).ToString("00", CultureInfo.InvariantCulture));
    }

    public InsuredPerson PersonOf(int record)
    {
        var (year, month, day, male) = Birth(record);
        var hash = SeedIds.Hash(Seed, record, 6);
        var given = male ? MaleNames[(int)(hash % (ulong)MaleNames.Length)] : FemaleNames[(int)(hash % (ulong)FemaleNames.Length)];
        var family = FamilyNames[(int)((hash >> 20) % (ulong)FamilyNames.Length)];
        var vitale = VitaleSerial.Parse(((hash >> 8) % 100_000_000_000UL).ToString("00000000000", CultureInfo.InvariantCulture));
        var email = (hash >> 40) % 2 == 0 ? string.Create(CultureInfo.InvariantCulture, $"seed{record}@example.invalid") : null;
        return new InsuredPerson(NirOf(record), InsAuthority.InsNir, family, given, new DateOnly(year, month, day), vitale, email, null, null, []);
    }

    /// <summary>Records by documents held, in bands: how the spread came out.</summary>
    public IReadOnlyList<(string Band, int Records)> Histogram()
    {
        (string Name, int Low, int High)[] bands = [("0", 0, 0), ("1-10", 1, 10), ("11-100", 11, 100), ("101-1000", 101, 1000), (">1000", 1001, int.MaxValue)];
        return [.. bands.Select(b => (b.Name, DocumentsPerRecord.Count(d => d >= b.Low && d <= b.High)))];
    }

    private (int Year, int Month, int Day, bool Male) Birth(int record)
    {
        var hash = SeedIds.Hash(Seed, record, 5);
        return (1930 + (int)(hash % 94), 1 + (int)((hash >> 8) % 12), 1 + (int)((hash >> 16) % 28), ((hash >> 24) & 1) == 0);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
