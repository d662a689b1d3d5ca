using System.Reflection;
using AkkaJwks.Hosting;
using PublicApiGenerator;

namespace AkkaJwks.Tests.PublicApi;

/// <summary>
/// Pins the public API of each shipped assembly. A change to it fails here until the approved file is updated on
/// purpose: the test writes the new API beside it as <c>.received.txt</c> to compare and copy over.
/// </summary>
public class PublicApiTests
{
    public static TheoryData<string> Assemblies => ["AkkaJwks", "AkkaJwks.Hosting"];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void PublicApi_Assembly_MatchesTheApprovedFile(string assemblyName)
    {
        var assembly = assemblyName switch
        {
            "AkkaJwks" => typeof(JwksExtension).Assembly,
            _ => typeof(JwksRegistryKey).Assembly,
        };
        var approvedPath = Path.Combine(SourceFolder(), $"{assemblyName}.approved.txt");
        var approved = File.Exists(approvedPath) ? Normalise(File.ReadAllText(approvedPath)) : "";

        var api = Normalise(Generate(assembly));

        if (api != approved)
        {
            File.WriteAllText(Path.Combine(SourceFolder(), $"{assemblyName}.received.txt"), api);
        }

        Assert.Equal(approved, api);
    }

    private static string Generate(Assembly assembly) =>
        assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            IncludeAssemblyAttributes = false,
            ExcludeAttributes = ["System.Runtime.CompilerServices.NullableContextAttribute"],
        });

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() + "\n";

    private static string SourceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AkkaJwks.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "AkkaJwks.Tests", "PublicApi");
            }
        }

        throw new InvalidOperationException($"No AkkaJwks.sln above {AppContext.BaseDirectory}");
    }
}
