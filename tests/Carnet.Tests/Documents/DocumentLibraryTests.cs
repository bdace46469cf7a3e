using System.Security.Cryptography;
using Carnet.Audit;
using Carnet.Documents;
using Carnet.Documents.Encryption;
using Carnet.Documents.Storage;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.Terminology;
using Carnet.Tests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Tests.Documents;

/// <summary>The document library's rules (DOMAIN.md §4), through its use cases on a real database and blob store.</summary>
public class DocumentLibraryTests
{
    [Theory]
    [DatabaseProviders]
    public async Task A_deposit_is_stored_encrypted_and_retrieved_byte_for_byte(DatabaseProvider provider)
    {
        await using var library = await Library.OpenAsync(provider);
        var content = RandomNumberGenerator.GetBytes(200_000);

        var document = (await library.DepositAsync(library.Lab, Library.LabReport(), content)).Documents.Single().Document;

        document.Size.ShouldBe((long)content.Length);
        document.Sha256.ShouldBe(SHA256.HashData(content));
        (await library.RetrieveAsync(library.Lab, document.Id)).ShouldBe(content);
        (await library.RetrieveAsync(library.Holder, document.Id)).ShouldBe(content);
        var blob = await ReadBlobAsync(library, document.BlobKey);
        ((long)blob.Length).ShouldBe(BlobCipher.EncryptedLength(content.Length));
        blob.AsSpan().IndexOf(content.AsSpan(0, 64)).ShouldBe(-1);
    }

    [Theory]
    [DatabaseProviders]
    public async Task A_retried_deposit_with_the_same_masterIdentifier_returns_the_original_and_stores_nothing_twice(DatabaseProvider provider)
    {
        await using var library = await Library.OpenAsync(provider);
        var metadata = Library.LabReport();

        var first = await library.DepositAsync(library.Lab, metadata, Library.Pdf());
        var retry = await library.DepositAsync(library.Lab, metadata, Library.Pdf());

        retry.Replayed.ShouldBeTrue();
        retry.Documents.Single().Created.ShouldBeFalse();
        retry.Documents.Single().Document.Id.ShouldBe(first.Documents.Single().Document.Id);
        (await library.Host.QueryAsync(db => db.Documents.CountAsync())).ShouldBe(1);
        (await BlobsAsync(library)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_masterIdentifier_reused_for_different_content_is_refused()
    {
        await using var library = await Library.OpenAsync();
        var metadata = Library.LabReport();
        await library.DepositAsync(library.Lab, metadata, Library.Pdf("first"));

        var refused = await Should.ThrowAsync<DocumentException>(() => library.DepositAsync(library.Lab, metadata, Library.Pdf("second")));

        refused.Code.ShouldBe(DocumentException.DuplicateConflict);
        (await BlobsAsync(library)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_retry_with_the_same_Idempotency_Key_returns_the_original_submission()
    {
        await using var library = await Library.OpenAsync();

        var first = await library.DepositAsync(library.Lab, Library.LabReport(), Library.Pdf(), idempotencyKey: "order-42");
        var retry = await library.DepositAsync(library.Lab, Library.LabReport(), Library.Pdf(), idempotencyKey: "order-42");

        retry.Replayed.ShouldBeTrue();
        retry.SubmissionId.ShouldBe(first.SubmissionId);
        retry.Documents.Single().Document.Id.ShouldBe(first.Documents.Single().Document.Id);
        (await library.Host.QueryAsync(db => db.Documents.CountAsync())).ShouldBe(1);
    }

    [Theory]
    [DatabaseProviders]
    public async Task A_new_version_replaces_the_old_which_stays_retrievable_as_superseded(DatabaseProvider provider)
    {
        await using var library = await Library.OpenAsync(provider);
        var original = await library.DepositOneAsync(library.Lab, Library.LabReport(), Library.Pdf("v1"));

        var version = (await library.DepositAsync(library.Lab, Library.LabReport(), Library.Pdf("v2"), replaces: original.Id)).Documents.Single().Document;

        version.ReplacesId.ShouldBe(original.Id);
        var old = await library.Host.QueryAsync(db => db.Documents.SingleAsync(d => d.Id == original.Id));
        old.Status.ShouldBe(DocumentStatus.Superseded);
        old.ReplacedById.ShouldBe(version.Id);
        (await library.RetrieveAsync(library.Holder, original.Id)).ShouldBe(Library.Pdf("v1"));
        (await library.FindAsync(library.Holder, new FindDocuments.Query(RecordId: library.RecordId, Statuses: [DocumentStatus.Current]))).Items.Single().Id.ShouldBe(version.Id);
        (await library.TracesAsync(TraceActions.DocumentReplaced)).Single().Target.ShouldBe(original.Id.ToString());
    }

    [Fact]
    public async Task Only_the_author_can_replace_a_document_and_only_its_newest_version()
    {
        await using var library = await Library.OpenAsync();
        var original = await library.DepositOneAsync(library.Lab, Library.LabReport());

        (await Should.ThrowAsync<DocumentException>(() => library.DepositAsync(library.OtherProfessional, Library.LabReport(), Library.Pdf(), replaces: original.Id))).Code.ShouldBe(DocumentException.NotYours);
        await library.DepositAsync(library.Lab, Library.LabReport(), Library.Pdf("v2"), replaces: original.Id);
        (await Should.ThrowAsync<DocumentException>(() => library.DepositAsync(library.Lab, Library.LabReport(), Library.Pdf("v3"), replaces: original.Id))).Code.ShouldBe(DocumentException.NotCurrent);
    }

    [Fact]
    public async Task A_corrupted_blob_is_detected_reported_and_traced_and_never_served()
    {
        await using var library = await Library.OpenAsync();
        var document = await library.DepositOneAsync(library.Lab, Library.LabReport(), RandomNumberGenerator.GetBytes(100_000));
        var blob = await ReadBlobAsync(library, document.BlobKey);
        blob[^20] ^= 0x40;
        await library.Host.Services.GetRequiredService<IBlobStore>().PutAsync(document.BlobKey, new MemoryStream(blob), CancellationToken.None);

        await Should.ThrowAsync<ContentCorruptedException>(() => library.RetrieveAsync(library.Holder, document.Id));

        (await library.TracesAsync(TraceActions.DocumentCorrupted)).Count.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task A_missing_blob_is_reported_as_damaged_content_and_traced()
    {
        await using var library = await Library.OpenAsync();
        var document = await library.DepositOneAsync(library.Lab, Library.LabReport());
        await library.Host.Services.GetRequiredService<IBlobStore>().DeleteAsync(document.BlobKey, CancellationToken.None);

        await Should.ThrowAsync<ContentCorruptedException>(() => library.RetrieveAsync(library.Holder, document.Id));
        (await library.TracesAsync(TraceActions.DocumentCorrupted)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Holder_cannot_delete_a_professional_document()
    {
        await using var library = await Library.OpenAsync();
        var report = await library.DepositOneAsync(library.Lab, Library.LabReport());

        var refused = await Should.ThrowAsync<DocumentException>(() => library.Host.RunAsync<DeleteDocuments>(d => d.HandleAsync(library.Holder, [report.Id], CancellationToken.None)));

        refused.Code.ShouldBe(DocumentException.NotYours);
        (await library.RetrieveAsync(library.Holder, report.Id)).ShouldBe(Library.Pdf());
    }

    [Fact]
    public async Task Holder_deletes_own_documents_at_most_ten_at_once()
    {
        await using var library = await Library.OpenAsync();
        var mine = new List<Guid>();
        for (var i = 0; i < 11; i++)
        {
            mine.Add((await library.DepositOneAsync(library.Holder, Library.HolderNote($"Note {i}"), "note"u8.ToArray())).Id);
        }

        (await Should.ThrowAsync<DocumentException>(() => library.Host.RunAsync<DeleteDocuments>(d => d.HandleAsync(library.Holder, mine, CancellationToken.None)))).Code.ShouldBe(DocumentException.TooMany);
        await library.Host.RunAsync<DeleteDocuments>(d => d.HandleAsync(library.Holder, mine.Take(10).ToList(), CancellationToken.None));

        var left = await library.FindAsync(library.Holder);
        left.Items.Select(d => d.Id).ShouldBe([mine[10]]);
        (await BlobsAsync(library)).Count.ShouldBe(1);
        (await library.TracesAsync(TraceActions.DocumentDeleted)).Count.ShouldBe(10);
    }

    [Fact]
    public async Task Professional_deletes_own_deposit_and_the_holder_sees_it_was_deleted_by_its_author()
    {
        await using var library = await Library.OpenAsync();
        var report = await library.DepositOneAsync(library.Lab, Library.LabReport());
        (await Should.ThrowAsync<DocumentNotFoundException>(() => library.Host.RunAsync<DeleteDocuments>(d => d.HandleAsync(library.OtherProfessional, [report.Id], CancellationToken.None)))).ShouldNotBeNull();

        await library.Host.RunAsync<DeleteDocuments>(d => d.HandleAsync(library.Lab, [report.Id], CancellationToken.None));

        var seen = (await library.FindAsync(library.Holder)).Items.Single();
        seen.Status.ShouldBe(DocumentStatus.Deleted);
        DocumentView.Of(seen).DeletedByAuthor.ShouldBeTrue();
        await Should.ThrowAsync<DocumentNotFoundException>(() => library.RetrieveAsync(library.Holder, report.Id));
        (await library.FindAsync(library.Lab)).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Holder_cannot_rename_a_professional_document_but_files_pins_and_hides_it()
    {
        await using var library = await Library.OpenAsync();
        var report = await library.DepositOneAsync(library.Lab, Library.LabReport());
        var folder = await library.Host.RunAsync<ManageFolders, ManageFolders.Folder>(f => f.CreateAsync(library.Holder, library.RecordId, "Analyses 2026", CancellationToken.None));

        (await Should.ThrowAsync<DocumentException>(() => Change(library, report.Id, new ChangeDocument.Request(Title: "Autre titre")))).Code.ShouldBe(DocumentException.NotYours);
        var changed = await Change(library, report.Id, new ChangeDocument.Request(FolderId: folder.Id, Pinned: true, HiddenFromProfessionals: true));

        changed.FolderId.ShouldBe(folder.Id);
        changed.Pinned.ShouldBeTrue();
        changed.Confidentiality.Codes().ShouldBe([Confidentiality.HiddenFromProfessionalsCode]);
        var mine = await library.DepositOneAsync(library.Holder, Library.HolderNote("Brouillon"), "note"u8.ToArray());
        (await Change(library, mine.Id, new ChangeDocument.Request(Title: "  Mes allergies "))).Title.ShouldBe("Mes allergies");
    }

    [Fact]
    public async Task MASQUE_PS_and_INVISIBLE_PATIENT_cannot_be_combined()
    {
        var refused = Should.Throw<DocumentException>(() => Confidentiality.FromCodes([Confidentiality.HiddenFromProfessionalsCode, Confidentiality.InvisibleToHolderCode]));

        refused.Code.ShouldBe(DocumentException.InvalidMetadata);
        Confidentiality.FromCodes(["N", "INVISIBLE_REPRESENTANTS_LEGAUX"]).ShouldBe(new Confidentiality(false, false, true));
        Should.Throw<DocumentException>(() => Confidentiality.FromCodes(["SECRET"]));
    }

    [Theory]
    [DatabaseProviders]
    public async Task A_document_invisible_to_the_holder_becomes_visible_one_month_after_deposit(DatabaseProvider provider)
    {
        await using var library = await Library.OpenAsync(provider);
        var announced = await library.DepositOneAsync(library.Lab, Library.LabReport(confidentiality: new Confidentiality(false, true, false)));

        (await library.FindAsync(library.Holder)).Items.ShouldBeEmpty();
        await Should.ThrowAsync<DocumentNotFoundException>(() => library.RetrieveAsync(library.Holder, announced.Id));
        (await library.FindAsync(library.Lab)).Items.Single().Id.ShouldBe(announced.Id);

        library.Host.Clock.Advance(AccessGate30Days);
        (await library.FindAsync(library.Holder)).Items.Single().Id.ShouldBe(announced.Id);
    }

    [Fact]
    public async Task A_document_hidden_from_legal_representatives_is_not_shown_to_a_parent_but_others_are()
    {
        await using var library = await Library.OpenAsync();
        await library.Host.ImportAsync(People.ChildLine(People.Alice));
        await library.Host.DispatchOutboxAsync();
        library.Host.Clock.Advance(TimeSpan.FromDays(42));
        await library.Host.RunJobAsync<CreateRecordsAfterOppositionWindow>();
        var child = (await library.Host.RecordAsync(People.Child)).Id;

        async Task<HealthDocument> DepositForChildAsync(Confidentiality confidentiality) =>
            (await library.Host.RunAsync<DepositDocuments, DepositDocuments.Result>(d => d.HandleAsync(library.Lab, new DepositDocuments.Request(child, [new DepositDocuments.Item(Library.LabReport(confidentiality: confidentiality), new DocumentContent.Streamed(new MemoryStream(Library.Pdf())))]), CancellationToken.None)))
                .Documents.Single().Document;
        var secret = await DepositForChildAsync(new Confidentiality(false, false, true));
        var shared = await DepositForChildAsync(Confidentiality.None);

        var seenByParent = await library.FindAsync(library.Holder, new FindDocuments.Query(RecordId: child));
        seenByParent.Items.Select(d => d.Id).ShouldBe([shared.Id]);
        await Should.ThrowAsync<DocumentNotFoundException>(() => library.RetrieveAsync(library.Holder, secret.Id));
        (await library.FindAsync(library.Lab, new FindDocuments.Query(RecordId: child))).Total.ShouldBe(2);
    }

    [Theory]
    [DatabaseProviders]
    public async Task Search_filters_by_category_type_date_and_text_in_titles_and_folders_newest_first_in_pages(DatabaseProvider provider)
    {
        await using var library = await Library.OpenAsync(provider);
        var older = await library.DepositOneAsync(library.Lab, Library.LabReport(title: "Bilan lipidique"));
        library.Host.Clock.Advance(TimeSpan.FromDays(2));
        var newer = await library.DepositOneAsync(library.Lab, Library.LabReport(title: "Numération formule"));
        library.Host.Clock.Advance(TimeSpan.FromMinutes(1));
        var note = await library.DepositOneAsync(library.Holder, Library.HolderNote("Carnet de vaccination"), "note"u8.ToArray());
        var folder = await library.Host.RunAsync<ManageFolders, ManageFolders.Folder>(f => f.CreateAsync(library.Holder, library.RecordId, "Cardiologie", CancellationToken.None));
        await Change(library, older.Id, new ChangeDocument.Request(FolderId: folder.Id));

        var all = await library.FindAsync(library.Holder, new FindDocuments.Query(RecordId: library.RecordId, Count: 2));
        all.Total.ShouldBe(3);
        all.HasMore.ShouldBeTrue();
        all.Items.Select(d => d.Id).ShouldBe([note.Id, newer.Id]);
        (await library.FindAsync(library.Holder, new FindDocuments.Query(RecordId: library.RecordId, Category: "BIOLOGIE"))).Total.ShouldBe(2);
        (await library.FindAsync(library.Holder, new FindDocuments.Query(RecordId: library.RecordId, TypeCode: "11502-2", From: library.Host.Clock.GetUtcNow().AddHours(-1)))).Items.Single().Id.ShouldBe(newer.Id);
        (await library.FindAsync(library.Holder, new FindDocuments.Query(RecordId: library.RecordId, Text: "LIPIDIQUE"))).Items.Single().Id.ShouldBe(older.Id);
        (await library.FindAsync(library.Holder, new FindDocuments.Query(RecordId: library.RecordId, Text: "cardio"))).Items.Single().Id.ShouldBe(older.Id);
        (await library.FindAsync(library.Holder, new FindDocuments.Query(RecordId: library.RecordId, OldestFirst: true))).Items[0].Id.ShouldBe(older.Id);
    }

    [Theory]
    [DatabaseProviders]
    public async Task Every_page_of_a_search_tells_the_same_total_whether_it_is_full_partial_or_past_the_end(DatabaseProvider provider)
    {
        await using var library = await Library.OpenAsync(provider);
        for (var i = 0; i < 5; i++)
        {
            await library.DepositOneAsync(library.Lab, Library.LabReport(title: $"Bilan {i}"));
            library.Host.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        async Task<(int Total, int Items, bool HasMore)> PageAsync(int offset, int count)
        {
            var page = await library.FindAsync(library.Holder, new FindDocuments.Query(RecordId: library.RecordId, Offset: offset, Count: count));
            return (page.Total, page.Items.Count, page.HasMore);
        }

        (await PageAsync(0, 20)).ShouldBe((5, 5, false));
        (await PageAsync(0, 5)).ShouldBe((5, 5, false));
        (await PageAsync(0, 2)).ShouldBe((5, 2, true));
        (await PageAsync(4, 2)).ShouldBe((5, 1, false));
        (await PageAsync(5, 2)).ShouldBe((5, 0, false));
        (await PageAsync(9, 2)).ShouldBe((5, 0, false));
    }

    [Theory]
    [DatabaseProviders]
    public async Task Every_document_type_of_JDV_J66_is_stored_with_its_class_and_category_and_found(DatabaseProvider provider)
    {
        // The codes come from the reference data, so a column too narrow for one of them (the signature's class is
        // a 35-character OID) fails here on PostgreSQL, not at a laboratory's first signed deposit.
        await using var library = await Library.OpenAsync(provider);
        var types = CodeSets.DocumentTypes.Types.ToList();
        foreach (var type in types)
        {
            await library.DepositOneAsync(library.Lab, Library.OfType(type));
        }

        var stored = await library.Host.QueryAsync(db => db.Documents.Select(d => new { d.TypeCode, d.ClassCode, d.Category }).ToListAsync());
        stored.Select(d => (d.TypeCode, d.ClassCode, d.Category)).OrderBy(d => d.TypeCode, StringComparer.Ordinal)
            .ShouldBe(types.Select(t => (t.Code, t.ClassCode, t.Category)).OrderBy(d => d.Code, StringComparer.Ordinal));
        (await library.FindAsync(library.Holder, new FindDocuments.Query(RecordId: library.RecordId))).Total.ShouldBe(types.Count);
        CodeSets.DocumentTypes.TryGet("E1762", out var signature).ShouldBeTrue();
        (await library.FindAsync(library.Holder, new FindDocuments.Query(RecordId: library.RecordId, ClassCode: signature.ClassCode))).Items.Single().TypeCode.ShouldBe("E1762");
    }

    [Theory]
    [DatabaseProviders]
    public async Task Metadata_longer_than_Carnet_keeps_is_refused_by_name_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var library = await Library.OpenAsync(provider);
        var longAuthor = Library.LabReport() with { AuthorName = new string('É', 201) };

        var refused = await Should.ThrowAsync<DocumentException>(() => library.DepositAsync(library.Lab, longAuthor, Library.Pdf()));

        refused.Code.ShouldBe(DocumentException.InvalidMetadata);
        refused.Message.ShouldBe("The author's name has 201 characters; at most 200 are kept. Shorten it and send the deposit again.");
        (await library.Host.QueryAsync(db => db.Documents.CountAsync())).ShouldBe(0);
        (await BlobsAsync(library)).ShouldBeEmpty();
        (await library.DepositAsync(library.Lab, longAuthor with { AuthorName = new string('É', 200) }, Library.Pdf())).Documents.Single().Created.ShouldBeTrue();
    }

    [Fact]
    public async Task Every_read_and_write_of_a_document_is_traced_with_who_did_it()
    {
        await using var library = await Library.OpenAsync();
        var report = await library.DepositOneAsync(library.Lab, Library.LabReport());
        await library.FindAsync(library.Holder);
        await library.Host.RunAsync<ReadDocument, HealthDocument>(r => r.MetadataAsync(library.Holder, report.Id, CancellationToken.None));
        await library.RetrieveAsync(library.Holder, report.Id);

        var deposited = (await library.TracesAsync(TraceActions.DocumentDeposited)).Single();
        deposited.ActorKind.ShouldBe(ActorKind.Professional);
        deposited.ActorId.ShouldBe(Library.BiologistIdNatPs);
        deposited.Target.ShouldBe(report.Id.ToString());
        (await library.TracesAsync(TraceActions.DocumentsListed)).Single().ActorKind.ShouldBe(ActorKind.Holder);
        (await library.TracesAsync(TraceActions.DocumentViewed)).Count.ShouldBe(1);
        (await library.TracesAsync(TraceActions.DocumentRetrieved)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_deposit_into_a_record_that_is_not_open_is_refused_as_not_found()
    {
        await using var library = await Library.OpenAsync();
        await library.Host.QueryAsync(db => db.Records.Where(r => r.Id == library.RecordId).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RecordState.Closed)));

        await Should.ThrowAsync<RecordNotFoundException>(() => library.DepositAsync(library.Lab, Library.LabReport(), Library.Pdf()));
        (await BlobsAsync(library)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_purged_record_loses_its_data_key_and_its_content_becomes_unreadable()
    {
        await using var library = await Library.OpenAsync();
        var report = await library.DepositOneAsync(library.Lab, Library.LabReport());

        await library.Host.RunAsync<IServiceProvider>(async scope =>
        {
            var purger = scope.GetServices<IRecordContentPurger>().OfType<DocumentContentPurger>().Single();
            await purger.PurgeAsync(library.RecordId, CancellationToken.None);
            await scope.GetRequiredService<CarnetDbContext>().SaveChangesAsync();
        });

        (await library.Host.RunAsync<RecordKeys, byte[]?>(k => k.FindAsync(library.RecordId, CancellationToken.None))).ShouldBeNull();
        library.Host.Clock.Advance(TimeSpan.FromHours(2));
        (await library.Host.RunJobAsync<SweepOrphanBlobs>()).ShouldBe(1);
        (await BlobsAsync(library)).ShouldBeEmpty();
        (await library.FindAsync(library.Lab)).Items.ShouldNotContain(d => d.Id == report.Id);
    }

    [Fact]
    public async Task The_orphan_sweeper_removes_unnamed_blobs_but_never_a_deposit_in_flight()
    {
        await using var library = await Library.OpenAsync();
        var kept = await library.DepositOneAsync(library.Lab, Library.LabReport());
        var orphan = await library.Host.RunAsync<ContentVault, StoredContent>(v => v.StoreAsync(library.RecordId, new MemoryStream(Library.Pdf("crash")), 1000, CancellationToken.None));

        (await library.Host.RunJobAsync<SweepOrphanBlobs>()).ShouldBe(0);
        library.Host.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        (await library.Host.RunJobAsync<SweepOrphanBlobs>()).ShouldBe(1);

        (await BlobsAsync(library)).ShouldBe([kept.BlobKey]);
        (await library.RetrieveAsync(library.Holder, kept.Id)).ShouldBe(Library.Pdf());
        orphan.BlobKey.ShouldNotBe(kept.BlobKey);
    }

    [Fact]
    public async Task The_sweeper_removes_what_a_write_killed_midway_left_in_the_file_store()
    {
        await using var library = await Library.OpenAsync();
        var folder = Path.Combine(library.Host.Folder, "blobs", "records");
        Directory.CreateDirectory(folder);
        var leftover = Path.Combine(folder, ".tmp-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(leftover, [1, 2, 3]);
        File.SetLastWriteTimeUtc(leftover, library.Host.Clock.GetUtcNow().UtcDateTime.AddHours(-2));

        (await library.Host.RunJobAsync<SweepOrphanBlobs>()).ShouldBe(1);

        File.Exists(leftover).ShouldBeFalse();
    }

    [Fact]
    public async Task Rotating_the_master_key_rewraps_data_keys_and_content_still_reads()
    {
        await using var library = await Library.OpenAsync();
        var report = await library.DepositOneAsync(library.Lab, Library.LabReport());
        var oldKeyId = await library.Host.QueryAsync(db => db.RecordKeys.Select(k => k.MasterKeyId).SingleAsync());
        var oldKey = await File.ReadAllTextAsync(Path.Combine(library.Host.Folder, "keys", $"master-{oldKeyId}.key"));

        var options = new KeyOptions { ActiveMasterKeyId = "k2027", Directory = Path.Combine(library.Host.Folder, "no-key-files") };
        options.MasterKeys[oldKeyId] = oldKey;
        options.MasterKeys["k2027"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var rotatedRing = new MasterKeyRing(Microsoft.Extensions.Options.Options.Create(options), library.Host.Clock);
        var before = await library.Host.RunAsync<RecordKeys, byte[]?>(k => k.FindAsync(library.RecordId, CancellationToken.None));

        (await library.Host.RunAsync<CarnetDbContext, int>(db => new RecordKeys(db, rotatedRing, library.Host.Clock).RewrapAsync(100, CancellationToken.None))).ShouldBe(1);

        (await library.Host.QueryAsync(db => db.RecordKeys.Select(k => k.MasterKeyId).SingleAsync())).ShouldBe("k2027");
        options.MasterKeys.Remove(oldKeyId);
        var newOnly = new MasterKeyRing(Microsoft.Extensions.Options.Options.Create(options), library.Host.Clock);
        var bytes = await library.Host.RunAsync<CarnetDbContext, byte[]>(async db =>
        {
            var keys = new RecordKeys(db, newOnly, library.Host.Clock);
            (await keys.FindAsync(library.RecordId, CancellationToken.None)).ShouldBe(before);
            var vault = new ContentVault(library.Host.Services.GetRequiredService<IBlobStore>(), keys, library.Host.Clock);
            await using var content = await vault.OpenAsync(library.RecordId, report.BlobKey, report.Size, report.Sha256, null, CancellationToken.None);
            var copy = new MemoryStream();
            await content.CopyToAsync(copy);
            return copy.ToArray();
        });
        bytes.ShouldBe(Library.Pdf());
    }

    private static readonly TimeSpan AccessGate30Days = Carnet.Access.AccessGate.InvisibleToHolderAtMost;

    private static Task<HealthDocument> Change(Library library, Guid documentId, ChangeDocument.Request request) =>
        library.Host.RunAsync<ChangeDocument, HealthDocument>(c => c.HandleAsync(library.Holder, documentId, request, CancellationToken.None));

    private static async Task<List<string>> BlobsAsync(Library library)
    {
        var keys = new List<string>();
        await foreach (var key in library.Host.Services.GetRequiredService<IBlobStore>().ListAsync("", CancellationToken.None))
        {
            keys.Add(key);
        }

        return keys;
    }

    private static async Task<byte[]> ReadBlobAsync(Library library, string key)
    {
        await using var blob = await library.Host.Services.GetRequiredService<IBlobStore>().OpenReadAsync(key, 0, CancellationToken.None);
        var bytes = new MemoryStream();
        await blob.CopyToAsync(bytes);
        return bytes.ToArray();
    }
}
