using Carnet.Web.Tests.SignIn.Establishments;

using Carnet.Web.Tests.Testing;

namespace Carnet.Web.Tests.Fhir;

/// <summary>
/// tools/fhir/validate.mjs, the check every resource of the FHIR façade goes through: it accepts what
/// a correct server returns and rejects the mistakes one makes, saying which validator (npm
/// <c>fhir</c> or the official R4 JSON schema) found each. The fixtures are read where they are
/// written, beside this file: the script itself lives in the repository too.
/// </summary>
public class FhirValidatorScriptTests
{
    private static readonly Lazy<Task<Validation>> Correct = new(() => ValidateAsync("DocumentReference.json", "Bundle-searchset.json", "Bundle-transaction-response.json", "OperationOutcome.json", "CapabilityStatement.json"));
    private static readonly Lazy<Task<Validation>> Broken = new(() => ValidateAsync("Broken", "--warnings"));

    [FhirToolsFact]
    public async Task The_script_exits_0_when_every_file_is_valid_and_1_when_one_is_not()
    {
        var correct = await Correct.Value;
        var broken = await Broken.Value;

        correct.Exit.ShouldBe(0, correct.Output);
        broken.Exit.ShouldBe(1, broken.Output);
        broken.Output.ShouldContain("6 of 6 file(s) invalid");
    }

    [FhirToolsFact]
    public async Task A_correct_DocumentReference_is_valid() => await ShouldBeValidAsync("DocumentReference.json");

    [FhirToolsFact]
    public async Task A_correct_searchset_Bundle_is_valid() => await ShouldBeValidAsync("Bundle-searchset.json");

    [FhirToolsFact]
    public async Task A_correct_transaction_response_Bundle_is_valid() => await ShouldBeValidAsync("Bundle-transaction-response.json");

    [FhirToolsFact]
    public async Task A_correct_OperationOutcome_is_valid() => await ShouldBeValidAsync("OperationOutcome.json");

    /// <summary>The schema's FHIRVersion enum stops at 4.0.0: its rejection of 4.0.1 is the one schema error filtered out.</summary>
    [FhirToolsFact]
    public async Task A_CapabilityStatement_stating_FHIR_4_0_1_is_valid() => await ShouldBeValidAsync("CapabilityStatement.json");

    [FhirToolsFact]
    public async Task An_invalid_DocumentReference_status_is_rejected_by_both_validators()
    {
        var errors = await ErrorsOfAsync("Broken/DocumentReference-invalid-status.json");

        errors.ShouldBe(
        [
            "error [fhir] DocumentReference.status: Code \"final\" not found in value set",
            "error [schema] DocumentReference.status: not one of \"current\", \"superseded\", \"entered-in-error\"",
        ]);
    }

    [FhirToolsFact]
    public async Task A_Bundle_of_a_wrong_type_is_rejected_by_both_validators()
    {
        var errors = await ErrorsOfAsync("Broken/Bundle-wrong-type.json");

        errors.Count.ShouldBe(2);
        errors[0].ShouldBe("error [fhir] Bundle.type: Code \"searchSet\" not found in value set");
        errors[1].ShouldStartWith("error [schema] Bundle.type: not one of \"document\", \"message\", \"transaction\"");
    }

    [FhirToolsFact]
    public async Task An_unknown_property_is_an_error_found_by_the_schema_only()
    {
        var errors = await ErrorsOfAsync("Broken/DocumentReference-unknown-property.json");
        var lines = (await Broken.Value).LinesOf("Broken/DocumentReference-unknown-property.json");

        errors.ShouldBe(["error [schema] DocumentReference.patient: unknown property (not in the R4 schema)"]);
        lines.ShouldContain("warning [fhir] DocumentReference.patient: Unexpected property", "npm fhir only warns about it");
    }

    [FhirToolsFact]
    public async Task A_date_without_time_zone_is_found_by_the_schema_only()
    {
        var errors = await ErrorsOfAsync("Broken/DocumentReference-date-without-time-zone.json");

        errors.ShouldBe(["error [schema] DocumentReference.date: not a valid instant (\"2025-06-02T08:15:42.318\")"]);
    }

    [FhirToolsFact]
    public async Task A_missing_required_status_is_found_by_npm_fhir_only()
    {
        var errors = await ErrorsOfAsync("Broken/DocumentReference-missing-status.json");

        errors.ShouldBe(["error [fhir] DocumentReference.status: Missing property"]);
    }

    [FhirToolsFact]
    public async Task An_error_inside_a_Bundle_entry_is_reported_once_by_each_validator_at_its_full_path()
    {
        var errors = await ErrorsOfAsync("Broken/Bundle-searchset-entry-invalid-status.json");

        errors.ShouldBe(
        [
            "error [fhir] Bundle.entry[0].resource.status: Code \"final\" not found in value set",
            "error [schema] Bundle.entry[0].resource.status: not one of \"current\", \"superseded\", \"entered-in-error\"",
        ]);
    }

    private static async Task ShouldBeValidAsync(string file)
    {
        var correct = await Correct.Value;
        correct.Verdicts.ShouldContainKeyAndValue(file, "ok", correct.Output);
        correct.LinesOf(file).ShouldBeEmpty(correct.Output);
    }

    private static async Task<List<string>> ErrorsOfAsync(string file)
    {
        var broken = await Broken.Value;
        broken.Verdicts.ShouldContainKeyAndValue(file, "FAIL", broken.Output);
        return broken.LinesOf(file).Where(line => line.StartsWith("error ", StringComparison.Ordinal)).ToList();
    }

    /// <summary>Runs validate.mjs once per set of fixtures, from the Fixtures folder so that it names files relative to it.</summary>
    private static async Task<Validation> ValidateAsync(params string[] arguments)
    {
        var root = Scripts.RepositoryRoot();
        var (installed, log) = await Scripts.RunAsync("bash", [Path.Combine(root, "tools", "fhir", "install.sh")], root, TimeSpan.FromMinutes(3));
        installed.ShouldBe(0, "tools/fhir/install.sh failed:\n" + log);
        var fixtures = Path.Combine(root, "tests", "Carnet.Web.Tests", "Fhir", "Fixtures");
        var (exit, output) = await Scripts.RunAsync(NodeFactAttribute.NodePath!, [Path.Combine(root, "tools", "fhir", "validate.mjs"), .. arguments], fixtures, TimeSpan.FromMinutes(1));
        return new Validation(exit, output);
    }

    /// <summary>validate.mjs's output: "ok  file" or "FAIL  file", then that file's indented error and warning lines.</summary>
    private sealed record Validation(int Exit, string Output)
    {
        public Dictionary<string, string> Verdicts { get; } = Output.Split('\n')
            .Select(line => line.Split("  ", 2))
            .Where(parts => parts.Length == 2 && parts[0] is "ok" or "FAIL")
            .ToDictionary(parts => parts[1].Trim(), parts => parts[0], StringComparer.Ordinal);

        public List<string> LinesOf(string file) => Output.Split('\n')
            .SkipWhile(line => !string.Equals(line.Split("  ", 2).ElementAtOrDefault(1)?.Trim(), file, StringComparison.Ordinal))
            .Skip(1)
            .TakeWhile(line => line.StartsWith("  ", StringComparison.Ordinal))
            .Select(line => line.Trim())
            .ToList();
    }
}

/// <summary>A fact that runs tools/fhir with Node.js: skipped, saying why, only when <c>node</c> is not on the PATH.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FhirToolsFactAttribute : FactAttribute
{
    public FhirToolsFactAttribute()
    {
        if (NodeFactAttribute.NodePath is null)
        {
            Skip = "node is not on the PATH: install Node.js 20 or later to run tools/fhir.";
        }
    }
}
