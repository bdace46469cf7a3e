namespace Carnet.Accounts;

/// <summary>The kind of person behind an account.</summary>
public enum AccountKind
{
    Holder,
    Professional,
    Operator,
}
