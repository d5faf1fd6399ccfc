using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Data;

/// <summary>
/// A PostgreSQL advisory lock's 64-bit key for a name: the same in every process and release (string.GetHashCode is
/// not). Each kind of lock names its keys with a prefix of its own, so kinds never share a key.
/// </summary>
internal static class AdvisoryLockKey
{
    public static long Of(string name) => BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
}
