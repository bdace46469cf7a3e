using System.Globalization;
using Carnet.Audit;
using Carnet.Terminology;

namespace Carnet.Bench.Seed;

/// <summary>
/// Who deposits the seeded documents: a pool of professionals (RPPS numbers starting 19, apart from the
/// demo's), each working in one of a pool of establishments whose software deposits for them most of the
/// time; and the document types they use, with the common ones (biology, consultation, imaging…) weighted up.
/// The demo laboratory's biologist, when given, deposits the documents that have real content, so the load
/// generator (which acts as that laboratory) may find and retrieve them.
/// </summary>
public sealed class SeedParties
{
    /// <summary>The types most deposited in practice: half of the professional documents are one of these.</summary>
    private static readonly string[] Common = ["11502-2", "11488-4", "18748-4", "57833-6", "34133-9", "11490-0", "60591-5", "11369-6"];

    private static readonly string[] FamilyNames = ["LEROUX", "GAUTHIER", "PERRIN", "MORIN", "CLEMENT", "NICOLAS", "HENRY", "ROUSSEL", "MATHIEU", "GARCIA", "CHEVALLIER", "FRANCOIS"];

    private static readonly string[] GivenNames = ["Claire", "Marc", "Isabelle", "Olivier", "Hélène", "Julien", "Cécile", "Antoine", "Élodie", "Rémi"];

    private readonly DocumentType[] _professionalTypes;
    private readonly DocumentType[] _commonTypes;
    private readonly DocumentType[] _holderTypes;

    public SeedParties(int records, int classCodeLength, Actor? laboratory, string? laboratoryClient, string? laboratoryFiness)
    {
        var professionals = Math.Clamp(records / 50, 20, 20_000);
        var establishments = Math.Clamp(professionals / 20, 5, 1_000);
        Establishments = [.. Enumerable.Range(0, establishments).Select(i => (Client: string.Create(CultureInfo.InvariantCulture, $"seed-software-{i}"), Finess: WithLuhn(string.Create(CultureInfo.InvariantCulture, $"91{i:000000}"))))];
        Professionals = [.. Enumerable.Range(0, professionals).Select(i => new Actor(
            ActorKind.Professional,
            "8" + WithLuhn(string.Create(CultureInfo.InvariantCulture, $"19{i:00000000}")),
            $"{GivenNames[i % GivenNames.Length]} {FamilyNames[(i / GivenNames.Length) % FamilyNames.Length]}"))];
        Laboratory = laboratory;
        LaboratoryClient = laboratoryClient;
        LaboratoryFiness = laboratoryFiness;
        // Only types whose class fits the Documents.ClassCode column: E1762 (digital signature) has the 35-character
        // class urn:oid:1.3.6.1.4.1.19376.1.2.1.1.1 of JDV_J57, longer than the column's 16.
        var types = CodeSets.DocumentTypes.Types.Where(t => t.ClassCode.Length <= classCodeLength).ToList();
        _holderTypes = [.. types.Where(IsHolderType).OrderBy(t => t.Code, StringComparer.Ordinal)];
        _professionalTypes = [.. types.Where(t => !IsHolderType(t)).OrderBy(t => t.Code, StringComparer.Ordinal)];
        _commonTypes = [.. _professionalTypes.Where(t => Common.Contains(t.Code, StringComparer.Ordinal))];
    }

    public IReadOnlyList<Actor> Professionals { get; }

    public IReadOnlyList<(string Client, string Finess)> Establishments { get; }

    public Actor? Laboratory { get; }

    public string? LaboratoryClient { get; }

    public string? LaboratoryFiness { get; }

    /// <summary>Where a professional works: their software deposits for them unless they deposit through the portal (40 %).</summary>
    public (string? Client, string? Finess) ThroughSoftware(int professional, double draw)
    {
        var (client, finess) = Establishments[professional % Establishments.Count];
        return draw < 0.6 ? (client, finess) : (null, null);
    }

    public DocumentType ProfessionalType(Random random) =>
        random.NextDouble() < 0.5 ? _commonTypes[random.Next(_commonTypes.Length)] : _professionalTypes[random.Next(_professionalTypes.Length)];

    public DocumentType HolderType(Random random) => _holderTypes[random.Next(_holderTypes.Length)];

    private static bool IsHolderType(DocumentType type) =>
        type.Code.StartsWith("DOCPAT", StringComparison.Ordinal) || type.Code.StartsWith("EXPPAT", StringComparison.Ordinal);

    /// <summary>Appends the Luhn (mod 10) check digit, as FINESS numbers carry (and RPPS numbers usually do).</summary>
    private static string WithLuhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }

            sum += d;
        }

        return digits + ((10 - (sum % 10)) % 10).ToString(CultureInfo.InvariantCulture);
    }
}
