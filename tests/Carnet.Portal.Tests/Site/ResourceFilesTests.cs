using System.Xml.Linq;

namespace Carnet.Portal.Tests.Site;

/// <summary>Every text of the portal exists in French and in English (tools/portal/resx.py writes both from one .texts file).</summary>
public sealed class ResourceFilesTests
{
    public static TheoryData<string> Components()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(PortalFolder(), "*.resx", SearchOption.AllDirectories).Where(f => !f.EndsWith(".en.resx", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(PortalFolder(), file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Components))]
    public void Every_french_text_has_its_english_text(string component)
    {
        var french = Texts(Path.Combine(PortalFolder(), component));
        var english = Texts(Path.Combine(PortalFolder(), component[..^".resx".Length] + ".en.resx"));

        french.Keys.Except(english.Keys).ShouldBeEmpty("texts missing in English");
        english.Keys.Except(french.Keys).ShouldBeEmpty("texts missing in French");
        french.Where(t => string.IsNullOrWhiteSpace(t.Value)).ShouldBeEmpty("empty French texts");
        english.Where(t => string.IsNullOrWhiteSpace(t.Value)).ShouldBeEmpty("empty English texts");
    }

    [Fact]
    public void The_portal_has_its_texts_in_resource_files()
    {
        Components().Count.ShouldBeGreaterThan(5);
    }

    private static Dictionary<string, string> Texts(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static string PortalFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var portal = Path.Combine(folder.FullName, "src", "Carnet.Web", "Portal");
            if (Directory.Exists(portal))
            {
                return portal;
            }
        }

        throw new DirectoryNotFoundException("src/Carnet.Web/Portal not found above the test folder");
    }
}
