using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AkkaJwks.Http;

/// <summary>Computes the pins that <see cref="HttpJwksClientOptions.PinnedSpkiSha256"/> compares against.</summary>
public static class JwksSpkiPin
{
    /// <summary>
    /// The base64 SHA-256 of <paramref name="certificate"/>'s DER SubjectPublicKeyInfo: the same value as
    /// <c>openssl x509 -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64</c>.
    /// The pin follows the key, so it survives a certificate renewed with the same key.
    /// </summary>
    public static string Compute(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToBase64String(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));
    }

    /// <summary>
    /// Whether <paramref name="pin"/> reads as a pin: base64 of exactly 32 bytes. Used to refuse a mistyped pin
    /// when options are made, instead of refusing every certificate later.
    /// </summary>
    public static bool IsWellFormed(string pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        Span<byte> hash = stackalloc byte[48];
        return Convert.TryFromBase64String(pin, hash, out var written) && written == SHA256.HashSizeInBytes;
    }
}
