namespace Carnet.Documents;

/// <summary>A byte range of the plaintext, <see cref="From"/> included, <see cref="Length"/> bytes long.</summary>
[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)]
public readonly record struct ByteRange(long From, long Length);
