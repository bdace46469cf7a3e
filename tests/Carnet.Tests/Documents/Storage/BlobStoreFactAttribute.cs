using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Carnet.Tests.Documents.Storage;

/// <summary>
/// A fact of the blob-store contract. Written once in <see cref="BlobStoreContract"/> and run for each store,
/// it is skipped for a class marked <see cref="RequiresS3Attribute"/> while S3 is not configured (a plain
/// fact's skip reason cannot depend on the class that inherits it).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Carnet.Tests.Documents.Storage.BlobStoreFactDiscoverer", "Carnet.Tests")]
public sealed class BlobStoreFactAttribute : FactAttribute;

/// <summary>Marks a test class whose store is S3: its blob-store facts follow <see cref="TestS3.SkipReason"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresS3Attribute : Attribute;

public sealed class BlobStoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        yield return new BlobStoreTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
    }
}

public sealed class BlobStoreTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public BlobStoreTestCase()
    {
    }

    public BlobStoreTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        TestMethod.TestClass.Class.ToRuntimeType().IsDefined(typeof(RequiresS3Attribute)) && TestS3.SkipReason is { } reason
            ? reason
            : base.GetSkipReason(factAttribute);
}
