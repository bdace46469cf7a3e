using Carnet.Documents.Cda;

namespace Carnet.Tests.Documents.Cda;

/// <summary>
/// Runs alone: GC.GetTotalAllocatedBytes counts every thread, so no other test may allocate meanwhile.
/// </summary>
[CollectionDefinition(nameof(AllocationMeasuring), DisableParallelization = true)]
public sealed class AllocationMeasuring;

[Collection(nameof(AllocationMeasuring))]
public class CdaMemoryTests
{
    // 50 MB of body (about 68 MB of XML), not a multiple of 3 so that the last base64 group is padded.
    private const long PayloadBytes = 50_000_001;

    // Holding the body, or the base64 text as a string, would allocate 50 to 135 MB.
    private const long AllowedAllocation = 8L * 1024 * 1024;

    [Fact]
    public async Task A_large_embedded_pdf_is_extracted_in_constant_memory()
    {
        await WarmUpAsync();
        using var cda = new GeneratedLevel1Cda(PayloadBytes);
        using var target = new HashingSink();

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var header = await CdaReader.ReadAsync(cda, target, CancellationToken.None);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        header.EmbeddedBytes.ShouldBe(PayloadBytes);
        target.BytesWritten.ShouldBe(PayloadBytes);
        target.Sha256().ShouldBe(cda.PayloadSha256());
        allocated.ShouldBeLessThan(AllowedAllocation, $"extracting {PayloadBytes:N0} bytes allocated {allocated:N0} bytes");
    }

    [Fact]
    public async Task A_large_embedded_pdf_is_skipped_in_constant_memory()
    {
        await WarmUpAsync();
        using var cda = new GeneratedLevel1Cda(PayloadBytes);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var header = await CdaReader.ReadAsync(cda, embeddedContent: null, CancellationToken.None);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        header.Body.ShouldBe(CdaBody.Level1NonXml);
        header.EmbeddedBytes.ShouldBeNull();
        allocated.ShouldBeLessThan(AllowedAllocation, $"skipping {PayloadBytes:N0} bytes allocated {allocated:N0} bytes");
    }

    // First calls compile code and fill caches: a one-time cost, not one that grows with the document.
    private static async Task WarmUpAsync()
    {
        using var small = new GeneratedLevel1Cda(10_000);
        using var target = new HashingSink();
        await CdaReader.ReadAsync(small, target, CancellationToken.None);
    }
}
