using Carnet.Terminology;

namespace Carnet.Tests.Terminology;

public class ReferenceDataTests
{
    [Fact]
    public void Professions_come_from_tre_g15_with_their_status()
    {
        CodeSets.Professions.Oid.ShouldBe("1.2.250.1.71.1.2.7");
        CodeSets.Professions.TryGet("10", out var physician).ShouldBeTrue();
        physician.Display.ShouldBe("Médecin");
        CodeSets.Professions.TryGet("93", out var psychologist).ShouldBeTrue();
        psychologist.Active.ShouldBeFalse();
        CodeSets.Specialties.TryGet("SM54", out var gp).ShouldBeTrue();
        gp.Display.ShouldBe("Médecine générale (SM)");
    }

    [Fact]
    public void Every_document_type_has_a_category_of_the_holders_library_and_the_signature_is_among_other_documents()
    {
        CodeSets.DocumentTypes.Types.Where(t => !CodeSets.DocumentTypes.TryGetCategory(t.Category, out _)).ShouldBeEmpty();
        CodeSets.DocumentTypes.TryGet("E1762", out var signature).ShouldBeTrue();
        signature.Category.ShouldBe("AUTR_DOC");
        signature.ClassCode.ShouldBe("urn:oid:1.3.6.1.4.1.19376.1.2.1.1.1");
    }

    [Fact]
    public void Shipped_code_sets_are_byte_for_byte_the_shared_reference_data()
    {
        var shipped = Path.Combine(RepositoryRoot(), "src", "Carnet", "Terminology", "Data", "dmp");
        var reference = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "data", "dmp"));
        if (!Directory.Exists(reference))
        {
            // Outside the project's workspace there is no reference copy to compare with.
            return;
        }

        foreach (var file in Directory.GetFiles(shipped))
        {
            var name = Path.GetFileName(file);
            File.ReadAllBytes(file).ShouldBe(File.ReadAllBytes(Path.Combine(reference, name)), $"{name} differs from ../shared/data/dmp: copy it again, never edit it by hand.");
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Carnet.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Carnet.slnx not found above the test binaries.");
    }
}
