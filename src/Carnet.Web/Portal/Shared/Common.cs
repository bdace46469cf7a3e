namespace Carnet.Web.Portal.Shared;

/// <summary>The texts every page shares (Common.texts → Common.resx, Common.en.resx).</summary>
public sealed class Common;
