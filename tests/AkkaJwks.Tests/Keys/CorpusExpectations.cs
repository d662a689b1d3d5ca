using AkkaJwks.Keys;
using static AkkaJwks.Tests.Keys.CorpusExpectation;

namespace AkkaJwks.Tests.Keys;

/// <summary>
/// The expected result of every file of ../shared/jwks-corpus (real and private), each checked by hand against the
/// file and SOURCES.md: 1024-bit RSA keys (Google 2014-2015, Yahoo, ForgeRock, MITREid) and private or symmetric
/// keys are refused; Gluu's EC keys carry the unregistered alg "EC"; openidconnect.info's key has no kty; PEM maps,
/// single JWKs and discovery documents are not key sets. Keycloak's RSA-OAEP key, PayPal's X25519 key and RFC
/// 7517's enc key are kept but not for signatures.
/// </summary>
internal static partial class CorpusExpectations
{
    private const string? NoKid = null;
    private const string Rsa1024 = "RSA modulus 'n' is 1024 bits; at least 2048 are required";
    private const string AlgEc = "alg 'EC' is not a registered JWS or JWE algorithm";
    private const string NoKty = "has no 'kty' member";
    private const string PrivateD = "carries private member 'd': a published private key is compromised";
    private const string Symmetric = "is a symmetric key (kty 'oct')";

    /// <summary>Expectations by corpus-relative path.</summary>
    public static IReadOnlyDictionary<string, CorpusExpectation> ByFile =>
        RealFirstHalf().Concat(RealSecondHalfAndPrivate()).ToDictionary(StringComparer.Ordinal);

    private static CorpusExpectation Discovery =>
        Document(JwksDocumentErrorKind.NoKeysArray, "it looks like an OpenID Connect discovery document");

    private static CorpusExpectation SingleJwk =>
        Document(JwksDocumentErrorKind.NoKeysArray, "it looks like a single JWK");

    private static CorpusExpectation PemMap => Document(JwksDocumentErrorKind.CertificateMap, "is a certificate map");

    private static Dictionary<string, CorpusExpectation> RealFirstHalf() => new()
    {
        ["real/apple-auth-keys.json"] = Accepts("FftONTxoEg", "T8tIJ1zSrO", "pggnQeNCOU"),
        ["real/apple-openid-configuration.json"] = Discovery,
        ["real/auth0-common-tenant-jwks.json"] = Accepts(
            "QjYxQ0U1QTVCMzk4RTJFNEIxMERGN0NBOUVBQTk1NDEzRTcwNTVBMg", "Lk-5NnjByFf99cg0nxMdi"),
        ["real/auth0-common-tenant-openid-configuration.json"] = Discovery,
        ["real/aws-cognito-user-pool-jwks.json"] = Accepts(
            "vyVQH7UMjwYboVvyFf+zd4KHZfgc+RtmU/A2vHhgITI=", "fUyIG0h6R5HFGfHDV8uebcRXldQ09dCZXbFKf6zy1rs="),
        ["real/aws-cognito-user-pool-openid-configuration.json"] = Discovery,
        ["real/azure-ad-tenant-v2-keys-2016-08.json"] = Accepts(
            "MnC_VZcATfM5pOYiJHMba9goEKY", "YbRAQRYcE_motWVJKHrwLBbd_9s"),
        ["real/azure-ad-v1-common-discovery-keys-2015-01.json"] = Accepts(
            "kriMPdmBvx68skT8-mPAB3BseeA", "MnC_VZcATfM5pOYiJHMba9goEKY"),
        ["real/azure-ad-v1-common-discovery-keys-2016-08.json"] = Accepts(
            "MnC_VZcATfM5pOYiJHMba9goEKY", "YbRAQRYcE_motWVJKHrwLBbd_9s"),
        ["real/battle-net-jwks.json"] = Accepts(
            "877671eb-3ba7-4c1a-ae44-cf592d4c5b97",
            "4ccec5815bc0779dc36e7a895fb42b3e4205a894ad85b023e81acc3fd1718fa4"),
        ["real/battle-net-openid-configuration.json"] = Discovery,
        ["real/connect-op-herokuapp-jwks-2015-01.json"] = Accepts(NoKid),
        ["real/discord-jwks.json"] = Accepts("yQ5JCk8zI3K1iz8pL4Ul6GyGzlNbP00rQZaR7VdoEtU"),
        ["real/discord-openid-configuration.json"] = Discovery,
        ["real/docker-jwks.json"] = Accepts("xXkpBt3rWs2G-ub9lpJgq", "xepHGxNL0ePafsMQW_5yb"),
        ["real/docker-openid-configuration.json"] = Discovery,
        ["real/dropbox-jwks.json"] = Accepts("Ha6_EN_p4q7MBpfiG98we69UeOIWPs2LWOhPSk-GlYI="),
        ["real/dropbox-openid-configuration.json"] = Discovery,
        ["real/entra-common-openid-configuration.json"] = Discovery,
        ["real/entra-common-v2-keys-2022-11.json"] = Accepts(
            "nOo3ZDrODXEK1jKWhXslHR_KXEg", "l3sQ-50cCH4xBVZLHTGwnSR7680", "Mr5-AUibfBii7Nd1jBebaxboXW0",
            "jS1Xo1OWDj_52vbwGNgvQO2VzMc", "2ZQpJ3UpbjAYXYGaXEJl8lV0TOI", "-KI3Q9nNR7bRofxmeZoXqbHZGew",
            "DqUu8gf-nAgcyjP3-SuplNAXAnc", "OzZ5Dbmcso9Qzt2ModGmihg30Bo", "1LTMzakihiRla_8z2BEJVXeWMqo",
            "bW8ZcMjBCnJZS-ibX5UQDNStvx4"),
        ["real/entra-common-v2-keys.json"] = Accepts(
            "Mc7l3Iz93g7uwgNeEmmw_WYGPko", "iw1BXXcybk07kmtIeeJeIYqas18", "3PaK4EfyBNQu3CtjYsa3YmhQ5E0",
            "k8kbXTgyy1QKJ54n61Qg3OldE_E", "8PXQDb4mOmolu_BtG3jDX4qR2xU", "d-Zi0Gbus4sEaOqXgU8pMvYc3KI",
            "8IIDH6M8c3cXoeojKme8Jvqsr2Y", "iE89_EVhreMiV2-8rKE2zWBUm3M", "JtFIBUJIB08c2tNR1DqBd0a_RjY"),
        ["real/entra-organizations-openid-configuration.json"] = Discovery,
        ["real/entra-organizations-v2-keys.json"] = Accepts(
            "Mc7l3Iz93g7uwgNeEmmw_WYGPko", "iw1BXXcybk07kmtIeeJeIYqas18", "3PaK4EfyBNQu3CtjYsa3YmhQ5E0",
            "k8kbXTgyy1QKJ54n61Qg3OldE_E", "d-Zi0Gbus4sEaOqXgU8pMvYc3KI", "Fdkuxg4kKVKOWUdliHLR1HArDmg"),
        ["real/facebook-openid-configuration.json"] = Discovery,
        ["real/facebook-openid-jwks.json"] = Accepts(
            "dcd214c095176e06454dfe832254b0cde52b6052", "10714f4cb458b1996ea3fc525a99a4e778c39b51"),
        ["real/firebase-securetoken-x509-pem-NOT-JWKS.json"] = PemMap,
        ["real/forgerock-openam-jwk-uri-2015-01.json"] = Accepts()
            .Refusing(0, "fb301b61-9b8a-4c34-9212-5d6fb9df1a57", Rsa1024),
        ["real/github-actions-oidc-jwks.json"] = Accepts(
            "78167F727DEC5D801DD1C8784C704A1C880EC0E1", "52F197C481DE70112C441B4A9B37B53C7FCF0DB5"),
        ["real/gitlab-oauth-discovery-keys.json"] = Accepts(
            "kewiQq9jiC84CvSsJYOB-N6A8WFLSV20Mb-y7IlWDSQ", "4i3sFE7sxqNPOT7FdvcGA1ZVGGI_r-tsDXnEuYT4ZqE"),
        ["real/gitlab-openid-configuration.json"] = Discovery,
        ["real/gluu-oxauth-jwks-2015-01.json"] = Accepts("1", "2", "3")
            .Refusing(3, "4", AlgEc)
            .Refusing(4, "5", AlgEc)
            .Refusing(5, "6", AlgEc),
        ["real/google-2022-11-openid-configuration.json"] = Discovery,
        ["real/google-oauth2-v1-certs-x509-pem-NOT-JWKS.json"] = PemMap,
        ["real/google-oauth2-v2-certs-2014-08-padded.json"] = Accepts()
            .Refusing(0, "ce808d4fb2eabff22a608e0c7a14300cc04f2606", Rsa1024)
            .Refusing(1, "ce3dde4df07fe0794fcff86642b4b11f8026f43f", Rsa1024),
        ["real/google-oauth2-v2-certs-2015-01.json"] = Accepts()
            .Refusing(0, "da522f3b66777ff6af63460d2b549ad43b6660d6", Rsa1024)
            .Refusing(1, "3b2b4413738f55cb2405ee30334082be07e0fcc0", Rsa1024),
        ["real/google-openid-configuration.json"] = Discovery,
        ["real/google-v3-certs-2015-05-1024bit.json"] = Accepts()
            .Refusing(0, "76fd32aec7e0f8c190dda8b9dd85e7cf5ad33c43", Rsa1024)
            .Refusing(1, "317b5931c783031d970c1a2552266215598a9814", Rsa1024),
        ["real/google-v3-certs-2015-07.json"] = Accepts(
            "e53139984bd36d2c230552441608cc0b5179487a", "bc8a31927af20860418f6b2231bbfd7ebcc04665"),
        ["real/google-v3-certs-2022-11.json"] = Accepts(
            "f451345fad08101bfb345cf642a2da9267b9ebeb", "713fd68c966e29380981edc0164a2f6c06c5702a"),
        ["real/google-v3-certs-rotation-1-of-3.json"] = Accepts(
            "a50f6e70ef4b548a5fd9142eecd1fb8f54dce9ee", "73e25f9789119c7875d58087a78ac23f5ef2eda3"),
    };
}
