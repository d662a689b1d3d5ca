using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using AkkaJwks.Http;
using AkkaJwks.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace AkkaJwks.Tests.Http;

public class HttpJwksClientTlsTests
{
    private const string Document = """{"keys":[]}""";

    [Fact]
    public async Task GetAsync_SelfSignedByDefault_FailsAsTlsNamingTheChain()
    {
        await using var server = await Serve(SelfSignedCertificate.ForLoopback);
        using var client = Fetches.Client(Options());

        var failure = await Assert.ThrowsAsync<JwksFetchException>(
            () => client.GetAsync(Fetches.For(server.Url()), CancellationToken.None));

        Assert.True(failure.Kind == FetchFailureKind.Tls, failure.ToString());
        Assert.Contains("the chain failed", failure.Message);
        Assert.Contains(server.Url().ToString(), failure.Message);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task GetAsync_CallbackTrustsTheCertificate_Succeeds()
    {
        var trusted = SelfSignedCertificate.ForLoopback;
        SslPolicyErrors? seen = null;
        await using var server = await Serve(trusted);
        using var client = Fetches.Client(Options() with
        {
            ServerCertificateValidation = (certificate, _, errors) =>
            {
                seen = errors;
                return certificate.RawDataMemory.Span.SequenceEqual(trusted.RawData);
            },
        });

        var response = await client.GetAsync(Fetches.For(server.Url()), CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(SslPolicyErrors.RemoteCertificateChainErrors, seen);
    }

    [Fact]
    public async Task GetAsync_CallbackRefuses_FailsAsTlsNamingTheCallback()
    {
        await using var server = await Serve(SelfSignedCertificate.ForLoopback);
        using var client = Fetches.Client(Options() with { ServerCertificateValidation = (_, _, _) => false });

        var failure = await Assert.ThrowsAsync<JwksFetchException>(
            () => client.GetAsync(Fetches.For(server.Url()), CancellationToken.None));

        Assert.Equal(FetchFailureKind.Tls, failure.Kind);
        Assert.Contains("custom certificate validation refused it", failure.Message);
    }

    [Fact]
    public async Task GetAsync_PinnedSelfSigned_Succeeds()
    {
        await using var server = await Serve(SelfSignedCertificate.ForLoopback);
        using var client = Fetches.Client(Options() with
        {
            PinnedSpkiSha256 =
                [Convert.ToBase64String(new byte[32]), JwksSpkiPin.Compute(SelfSignedCertificate.ForLoopback)],
        });

        var response = await client.GetAsync(Fetches.For(server.Url()), CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public async Task GetAsync_WrongPin_FailsAsTlsNamingThePin()
    {
        await using var server = await Serve(SelfSignedCertificate.ForLoopback);
        using var client = Fetches.Client(Options() with { PinnedSpkiSha256 = [Convert.ToBase64String(new byte[32])] });

        var failure = await Assert.ThrowsAsync<JwksFetchException>(
            () => client.GetAsync(Fetches.For(server.Url()), CancellationToken.None));

        Assert.Equal(FetchFailureKind.Tls, failure.Kind);
        Assert.Contains("the pin failed", failure.Message);
        Assert.Contains(JwksSpkiPin.Compute(SelfSignedCertificate.ForLoopback), failure.Message);
    }

    [Fact]
    public async Task GetAsync_PinnedButOtherHostName_FailsAsTlsNamingTheName()
    {
        await using var server = await Serve(SelfSignedCertificate.ForOtherName);
        using var client = Fetches.Client(Options() with
        {
            PinnedSpkiSha256 = [JwksSpkiPin.Compute(SelfSignedCertificate.ForOtherName)],
        });

        var failure = await Assert.ThrowsAsync<JwksFetchException>(
            () => client.GetAsync(Fetches.For(server.Url()), CancellationToken.None));

        Assert.Equal(FetchFailureKind.Tls, failure.Kind);
        Assert.Contains("the name failed", failure.Message);
    }

    [Fact]
    public async Task GetAsync_WrongPinWithTrustingCallback_RefusesBeforeAskingTheCallback()
    {
        var asked = false;
        await using var server = await Serve(SelfSignedCertificate.ForLoopback);
        using var client = Fetches.Client(Options() with
        {
            PinnedSpkiSha256 = [Convert.ToBase64String(new byte[32])],
            ServerCertificateValidation = (_, _, _) => asked = true,
        });

        var failure = await Assert.ThrowsAsync<JwksFetchException>(
            () => client.GetAsync(Fetches.For(server.Url()), CancellationToken.None));

        Assert.Equal(FetchFailureKind.Tls, failure.Kind);
        Assert.Contains("the pin failed", failure.Message);
        Assert.False(asked);
    }

    [Fact]
    public async Task GetAsync_SubjectWithControlCharacters_ShowsItEscaped()
    {
        using var certificate = SelfSignedCertificate.ForLoopbackNamed("evil\u001b[31m\nFORGED\u202e");
        await using var server = await Serve(certificate);
        using var client = Fetches.Client(Options());

        var failure = await Assert.ThrowsAsync<JwksFetchException>(
            () => client.GetAsync(Fetches.For(server.Url()), CancellationToken.None));

        Assert.True(failure.Kind == FetchFailureKind.Tls, failure.ToString());
        Assert.Contains("the chain failed", failure.Message);
        Assert.Contains("evil\\u001b[31m\\u000aFORGED\\u202e", failure.Message);
        Assert.DoesNotContain(failure.Message,
            c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format);
    }

    [Fact]
    public void Constructor_MalformedPin_ThrowsNamingIt()
    {
        var failure = Assert.Throws<ArgumentException>(
            () => new HttpJwksClient(Options() with { PinnedSpkiSha256 = ["sha256/abc"] }));

        Assert.Contains("'sha256/abc'", failure.Message);
    }

    [Fact]
    public void Compute_Certificate_IsBase64Sha256OfTheSubjectPublicKeyInfo()
    {
        var certificate = SelfSignedCertificate.ForLoopback;

        var pin = JwksSpkiPin.Compute(certificate);

        var expected = System.Security.Cryptography.SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo());
        Assert.Equal(expected, Convert.FromBase64String(pin));
        Assert.True(JwksSpkiPin.IsWellFormed(pin));
        Assert.False(JwksSpkiPin.IsWellFormed(Convert.ToBase64String(new byte[20])));
    }

    private static HttpJwksClientOptions Options() =>
        new() { MaxResponseHeadersBytes = 16 * 1024, TimeProvider = new SignallingClock() };

    private static Task<LoopbackServer> Serve(X509Certificate2 certificate) =>
        LoopbackServer.StartAsync(context => context.Response.WriteAsync(Document), certificate);
}
