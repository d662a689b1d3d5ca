using static AkkaJwks.Tests.Keys.CorpusExpectation;

namespace AkkaJwks.Tests.Keys;

/// <content>The second half of the real files, and the private ones.</content>
internal static partial class CorpusExpectations
{
    private static Dictionary<string, CorpusExpectation> RealSecondHalfAndPrivate() => new()
    {
        ["real/google-v3-certs-rotation-2-of-3.json"] = Accepts(
            "a50f6e70ef4b548a5fd9142eecd1fb8f54dce9ee", "73e25f9789119c7875d58087a78ac23f5ef2eda3",
            "c88d809f4db943df53da7accfd47764d05ba391f"),
        ["real/google-v3-certs-rotation-3-of-3.json"] = Accepts(
            "73e25f9789119c7875d58087a78ac23f5ef2eda3", "c88d809f4db943df53da7accfd47764d05ba391f"),
        ["real/google-v3-certs.json"] = Accepts(
            "73e25f9789119c7875d58087a78ac23f5ef2eda3", "c88d809f4db943df53da7accfd47764d05ba391f"),
        ["real/hashicorp-vault-oidc-provider-jwks.json"] = Accepts(
            "cfdb8380-cbe8-a9f6-fcd4-51abcec905ce", "5e18c268-79c7-b761-16fd-3b241fa33336"),
        ["real/hashicorp-vault-oidc-provider-openid-configuration.json"] = Discovery,
        ["real/keycloak-realm-master-jwks.json"] = Accepts(
            "nB0vgzwAcgJmjXwQZSzBMNkhoCaH4fvSwx5GC8Jq93c", "Q2O_f0Z7hVL1WUxKQbChyWK_FzQK-qRZh4Kg9mxxt_I")
            .NotForSignatures("Q2O_f0Z7hVL1WUxKQbChyWK_FzQK-qRZh4Kg9mxxt_I"),
        ["real/keycloak-realm-master-openid-configuration.json"] = Discovery,
        ["real/klarna-jwks.json"] = Accepts(
            "public:6e1a40f9-bfd0-49b6-8a1e-a030720faee0", "private:6e1a40f9-bfd0-49b6-8a1e-a030720faee0",
            "public:f16cd8f9-837f-4247-b83b-85f081f49a03", "private:f16cd8f9-837f-4247-b83b-85f081f49a03"),
        ["real/klarna-openid-configuration.json"] = Discovery,
        ["real/kubernetes-sa-issuer-jwks.json"] = Accepts("XBRQklg6V4uMi9zGXrC1d_gqrT4tKWKyM6iZzXKiYhQ"),
        ["real/kubernetes-sa-issuer-openid-configuration.json"] = Discovery,
        ["real/lego-jwks.json"] = Accepts(
            "335D17AE50BC1D9A475EABD9BC81CF24", "5A922F0E0DD5D9B3CE1F8934A073E6FB",
            "60EC871F9A61201D57A8FAB29ADD752B", "813178116189FAD3CC0F2CF629574FF6",
            "BB0078E103E4753A9D0F778C85D03D34"),
        ["real/lego-openid-configuration.json"] = Discovery,
        ["real/linkedin-oauth-openid-jwks.json"] = Accepts("d929668a-bab1-4c69-9598-4373149723ff"),
        ["real/mitreid-connect-jwk-2015-01.json"] = Accepts()
            .Refusing(0, "rsa1", Rsa1024),
        ["real/mojeid-jwks.json"] = Accepts("Pt7HjUz1rqdn1ae1ezT-nO5Fwp6CwuJU5OVaXQJ3uPg"),
        ["real/mojeid-openid-configuration.json"] = Discovery,
        ["real/okta-common-org-jwks.json"] = Accepts(
            "sljES1Bh0VMGwUpPfFunCVAzvLRdea7WluQfeV6zWTQ", "TgT2Cxt-D-sVMlgTm3On7DLee8ljXgYhdzkrPkTc4sY"),
        ["real/okta-common-org-openid-configuration.json"] = Discovery,
        ["real/onelogin-common-jwks.json"] = Accepts("JRcO4nxs5jgc8YdN7I2hLO4V_ql1bdoiMXmcYgHm4Hs"),
        ["real/onelogin-common-openid-configuration.json"] = Discovery,
        ["real/openid4us-connect4us-jwk-2015-01.json"] = Accepts("ABOP-00"),
        ["real/openidconnect-info-jwk-2015-01-broken.json"] = Accepts()
            .Refusing(0, null, NoKty),
        ["real/paypal-jwks.json"] = Accepts(
            "16e6c7334cf754186f877ff1f4a0bc128e1c97ca", "53ef2b2d6d6f79b1a15aa95fd2f083307ca01809",
            "7239c69c8d054c1f8cfbb11f287e8702", "f16b4522a7c8ad2358df9a57a500851114d2e7d2",
            "8bc45f1b83c642bca8de0d943a348a80", "3cec3e5e7f129111f1aa509f7cb69d6daf816c6c",
            "b8609fda7e964c9eaf9ca054facd5558", "753778214125442a472d4b6150645367",
            "10aba280c5c211ec9d640242ac120002", "0p8fuebzyxcoikyfytc3rkp5zzsefd6nceplqjfe",
            "zd5v2oifghewbxgpfsxavzl4jqxyxtc2wyi8qu0x", "qbo9erwnz9aytisgmlyvwznt74xnpk5mfpc3vjlu",
            "b9cf476b8eee47fb8f476b8eee67fba0", "4e17cf9dd7c0498985a9b26620e5924c",
            "2225541d274045a6b174bafe62e9eafd")
            .NotForSignatures("753778214125442a472d4b6150645367"),
        ["real/paypal-openid-configuration.json"] = Discovery,
        ["real/pingfederate-idtoken-jwks-2015-01.json"] = Accepts(
            "8a00r", "8a00q", "8a00p", "8a00o", "8a00n", "8a00m", "8a00l", "8a00k"),
        ["real/pingfederate-jwks-2015-01.json"] = Accepts(
            "zq2ym", "zq2yl", "zq2yk", "zq2yj", "zq2yi", "zq2yh", "zq2yg", "zq2yf", "zq2ye", "zq2yd", "zq2yc",
            "zq2yb"),
        ["real/rfc7517-a1-example-public-keys.json"] = Accepts("1", "2011-04-29")
            .NotForSignatures("1"),
        ["real/rfc7517-b-x5c-example-key.json"] = SingleJwk,
        ["real/rfc7638-3.1-thumbprint-example-key.json"] = SingleJwk,
        ["real/rfc8037-a2-ed25519-public-key.json"] = SingleJwk,
        ["real/salesforce-id-keys-2014-08-leading-zero-modulus.json"] = Accepts("188", "190", "192"),
        ["real/salesforce-id-keys-2015-01.json"] = Accepts("188", "194", "190", "192"),
        ["real/slack-openid-configuration.json"] = Discovery,
        ["real/slack-openid-connect-keys.json"] = Accepts("mB2MAyKSn555isd0EbdhKx6nkyAi9xLq8rvCEb_nOyY"),
        ["real/spotify-jwks.json"] = Accepts("sig-1729494102", "sig-1728889339", "sig-1728284541"),
        ["real/spotify-openid-configuration.json"] = Discovery,
        ["real/thinktecture-identityserver-jwks-2015-01.json"] = Accepts("a3rMUgMFv9tPclLa6yF3zAkfquE"),
        ["real/twitch-oauth2-keys.json"] = Accepts("1"),
        ["real/twitch-openid-configuration.json"] = Discovery,
        ["real/verimi-jwks.json"] = Accepts(
            "public:aa547775-4759-40f9-9c31-bd2340191323", "public:0bc31f7d-9ffc-4d67-82bd-2eb70dc6c854"),
        ["real/verimi-openid-configuration.json"] = Discovery,
        ["real/yahoo-openid-configuration.json"] = Discovery,
        ["real/yahoo-openid-v1-certs.json"] = Accepts("3466d51f7dd0c780565688c183921816c45889ad")
            .Refusing(0, "6ff94cdad11e7c3ac08dc9ec3c44844b87e364f7", Rsa1024)
            .Refusing(2, "0", Rsa1024)
            .Refusing(3, "4", Rsa1024),
        ["private/ory-hydra-cli-import-jwks-snapshot.json"] = Accepts()
            .Refusing(0, null, PrivateD),
        ["private/ory-oathkeeper-stub-jwks-ecdsa.json"] = Accepts("21d9eefe-34b6-42b3-b643-2b30e0ab59e0")
            .Refusing(1, "76a19c1b-5dbe-46cb-b3f3-a8c38c8bb8eb", PrivateD),
        ["private/ory-oathkeeper-stub-jwks-hs.json"] = Accepts()
            .Refusing(0, "64f48a05-7ea5-4aaf-80cf-f06b0033b477", Symmetric),
        ["private/ory-oathkeeper-stub-jwks-rsa-multiple.json"] = Accepts("3e0edde4-12ad-425d-a783-135f46eac57e")
            .Refusing(1, "f4190122-ae96-4c29-8b79-56024e459d80", PrivateD),
        ["private/rfc7517-a2-example-private-keys.json"] = Accepts()
            .Refusing(0, "1", PrivateD)
            .Refusing(1, "2011-04-29", PrivateD),
        ["private/rfc7517-a3-example-symmetric-keys.json"] = Accepts()
            .Refusing(0, null, Symmetric)
            .Refusing(1, "HMAC key used in JWS spec Appendix A.1 example", Symmetric),
        ["private/rfc8037-a1-ed25519-private-key.json"] = SingleJwk,
    };
}
