namespace Carnet.Records.Import;

/// <summary>Why one line was rejected: the line number, the field and what is wrong. Never the value itself.</summary>
public sealed record ImportLineError(long Line, string Field, string Problem)
{
    public override string ToString() => $"line {Line}: {Field}: {Problem}";
}
