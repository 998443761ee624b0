using System.Security.Cryptography;
using System.Text;

namespace Api.Migrations;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5): a seed record's key always gives the same id, in every
/// environment and after every re-import, so links and dashboards never break.
/// </summary>
public static class StableId
{
    // A namespace of our own, so our ids never collide with other v5 UUIDs made from the same names.
    private static readonly Guid Namespace = new("5b0c1f3e-8a52-4d3c-9a0e-6f1d2b7c4e90");

    public static Guid For(string kind, string key)
    {
        var name = Encoding.UTF8.GetBytes($"{kind}:{key}");
        var ns = Namespace.ToByteArray(bigEndian: true);
        var input = new byte[ns.Length + name.Length];
        ns.CopyTo(input, 0);
        name.CopyTo(input, ns.Length);

        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
        var bytes = hash[..16].ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50); // version 5
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes, bigEndian: true);
    }
}
