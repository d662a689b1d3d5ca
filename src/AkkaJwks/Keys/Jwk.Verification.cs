using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace AkkaJwks.Keys;

/// <content>The .NET and BouncyCastle key objects, each created once on first use and then shared.</content>
public sealed partial class Jwk
{
    private RSA? _rsa;
    private ECDsa? _ecdsa;
    private AsymmetricKeyParameter? _edDsa;

    /// <summary>
    /// The key as a cached <see cref="RSA"/>, or <see langword="null"/> when it is not an RSA key. Created once;
    /// do not dispose it. Concurrent verification with it is safe on the platform implementations .NET ships.
    /// </summary>
    public RSA? GetRsa()
    {
        if (Kind != JwkKeyKind.Rsa)
        {
            return null;
        }

        var parameters = new RSAParameters { Modulus = N.ToArray(), Exponent = E.ToArray() };
        return _rsa ?? Publish(ref _rsa, RSA.Create(parameters));
    }

    /// <summary>
    /// The key as a cached <see cref="ECDsa"/>, or <see langword="null"/> when it is not an EC key. Created once;
    /// do not dispose it.
    /// </summary>
    public ECDsa? GetECDsa()
    {
        if (!JwkCurve.IsEc(Kind))
        {
            return null;
        }

        if (_ecdsa is not null)
        {
            return _ecdsa;
        }

        var parameters = new ECParameters
        {
            Curve = JwkCurve.ToNamedCurve(Kind),
            Q = new ECPoint { X = X.ToArray(), Y = Y.ToArray() },
        };
        return Publish(ref _ecdsa, ECDsa.Create(parameters));
    }

    /// <summary>
    /// The BouncyCastle public key of an Ed25519 or Ed448 key (<see cref="Ed25519PublicKeyParameters"/>,
    /// <see cref="Ed448PublicKeyParameters"/>), or <see langword="null"/> for other keys. Created once.
    /// </summary>
    public AsymmetricKeyParameter? GetEdDsaPublicKey()
    {
        if (Kind is not (JwkKeyKind.Ed25519 or JwkKeyKind.Ed448))
        {
            return null;
        }

        if (_edDsa is not null)
        {
            return _edDsa;
        }

        AsymmetricKeyParameter created = Kind == JwkKeyKind.Ed25519
            ? new Ed25519PublicKeyParameters(X.Span)
            : new Ed448PublicKeyParameters(X.Span);
        return Interlocked.CompareExchange(ref _edDsa, created, null) ?? created;
    }

    /// <summary>
    /// Verifies a JWS signature made with <paramref name="alg"/> over <paramref name="data"/> (the ASCII of
    /// <c>header.payload</c>). RSA: RS256/384/512, PS256/384/512; EC: ES256/384/512 with the JWS raw r||s form;
    /// OKP: EdDSA (Ed25519, Ed448). False, never an exception, when <see cref="CanVerify"/> says no or the
    /// signature is wrong.
    /// </summary>
    public bool VerifySignature(string alg, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (alg is null || !CanVerify(alg))
        {
            return false;
        }

        var algorithm = JwaAlgorithm.Find(alg);
        try
        {
            return algorithm.Kind switch
            {
                JwaKind.RsaSignature => signature.Length == N.Length && GetRsa()!.VerifyData(
                    data, signature, algorithm.Hash, Padding(algorithm)),
                JwaKind.EcSignature => signature.Length == 2 * X.Length && GetECDsa()!.VerifyData(
                    data, signature, algorithm.Hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
                _ => VerifyEdDsa(data, signature),
            };
        }
        catch (CryptographicException)
        {
            // A key the platform cannot load (an exponent it does not support, say) verifies nothing.
            return false;
        }
    }

    private static RSASignaturePadding Padding(in JwaAlgorithm algorithm) =>
        algorithm.Pss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;

    private bool VerifyEdDsa(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) => GetEdDsaPublicKey() switch
    {
        Ed25519PublicKeyParameters ed25519 => signature.Length == Ed25519.SignatureSize
            && ed25519.Verify(Ed25519.Algorithm.Ed25519, null, data, signature),
        Ed448PublicKeyParameters ed448 => signature.Length == Ed448.SignatureSize
            && ed448.Verify(Ed448.Algorithm.Ed448, [], data, signature),
        _ => false,
    };

    private static T Publish<T>(ref T? field, T created)
        where T : class, IDisposable
    {
        var earlier = Interlocked.CompareExchange(ref field, created, null);
        if (earlier is null)
        {
            return created;
        }

        // Another thread won the race; its instance is the shared one.
        created.Dispose();
        return earlier;
    }
}
