using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AkkaJwks.Tests.Http;

/// <summary>Server certificates made in the test, trusted by nothing on the machine.</summary>
internal static class SelfSignedCertificate
{
    private static readonly Lazy<X509Certificate2> ForLoopbackValue = new(() => Create(IPAddress.Loopback, null));
    private static readonly Lazy<X509Certificate2> ForOtherNameValue = new(() => Create(null, "other.example"));

    /// <summary>A certificate for 127.0.0.1 (SAN IP address), with its private key.</summary>
    public static X509Certificate2 ForLoopback => ForLoopbackValue.Value;

    /// <summary>A certificate for <c>other.example</c> only, so 127.0.0.1 does not match it.</summary>
    public static X509Certificate2 ForOtherName => ForOtherNameValue.Value;

    /// <summary>A certificate for 127.0.0.1 whose subject's common name is <paramref name="commonName"/>, as given.
    /// </summary>
    public static X509Certificate2 ForLoopbackNamed(string commonName)
    {
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(commonName);
        return Create(IPAddress.Loopback, null, subject.Build());
    }

    private static X509Certificate2 Create(IPAddress? address, string? dnsName, X500DistinguishedName? subject = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(
            subject ?? new X500DistinguishedName($"CN={address?.ToString() ?? dnsName}"), key,
            HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        if (address is not null)
        {
            names.AddIpAddress(address);
        }

        if (dnsName is not null)
        {
            names.AddDnsName(dnsName);
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));

        // Kestrel on Linux wants the key in a form it can load, which a PFX round trip gives.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
