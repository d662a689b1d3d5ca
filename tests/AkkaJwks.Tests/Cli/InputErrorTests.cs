namespace AkkaJwks.Tests.Cli;

/// <summary>
/// Inputs that cannot be used (a binary or malformed HOCON file, a directory, a configuration the ActorSystem
/// refuses) are usage errors: exit 2 and one line on standard error naming the file and what was expected.
/// </summary>
public class InputErrorTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48];

    [Fact]
    public async Task Watch_BinaryConfig_SaysItIsNotHoconInOneLine()
    {
        using var config = TempFile.Write("logo.png", Png);

        var result = await CliProcess.RunAsync(["watch", "--config", config.Path, "--duration", "1s"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(
            $"watch: {config.Path} is not a HOCON file: it holds binary data (a NUL byte at offset 8); "
                + "expected a HOCON text file.",
            Assert.Single(result.ErrorLines));
        Assert.Empty(result.StdOut);
    }

    [Fact]
    public async Task Watch_ConfigThatIsNotUtf8_SaysItIsNotHoconInOneLine()
    {
        using var config = TempFile.Write("latin1.conf", [(byte)'a', (byte)' ', (byte)'=', (byte)' ', 0xE9, 0x0A]);

        var result = await CliProcess.RunAsync(["watch", "--config", config.Path, "--duration", "1s"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(
            $"watch: {config.Path} is not a HOCON file: it holds binary data (bytes at offset 4 are not UTF-8); "
                + "expected a HOCON text file.",
            Assert.Single(result.ErrorLines));
    }

    [Theory]
    [InlineData("akka.loglevel = INFO }\nakka.jwks.fetchers.a { url = \"http://127.0.0.1:1/\" }",
        "the '}' at line 1, column 22 closes nothing")]
    [InlineData("akka.jwks.fetchers.a {\n  url = \"http://127.0.0.1:1/\"\n",
        "the '{' opened at line 1, column 22 is never closed")]
    [InlineData("akka.jwks.fetchers.a { headers = [ \"x\" } }",
        "the '}' at line 1, column 40 does not close the '[' opened at line 1, column 34")]
    [InlineData("akka.jwks.fetchers.a { url = \"http://127.0.0.1:1/ }",
        "the string opened at line 1, column 30 is not closed on its line")]
    [InlineData("akka.jwks.fetchers.a = ${missing}", "Unresolved substitution: missing")]
    [InlineData("a = 1\nb = @\nakka.jwks.fetchers.a { url = \"http://127.0.0.1:1/\" }",
        "Unknown token at line 2, column 5")]
    public async Task Watch_HoconSyntaxError_NamesTheFileAndThePlace(string hocon, string why)
    {
        using var config = TempFile.Write("broken.conf", hocon);

        var result = await CliProcess.RunAsync(["watch", "--config", config.Path, "--duration", "1s"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(
            $"watch: {config.Path} is not valid HOCON: {why}; expected a HOCON file.",
            Assert.Single(result.ErrorLines));
        Assert.Empty(result.StdOut);
    }

    [Theory]
    [InlineData("inspect", "")]
    [InlineData("serve", "")]
    [InlineData("watch", "--config")]
    public async Task Command_DirectoryWhereAFileIsExpected_SaysSoAndExitsTwo(string command, string option)
    {
        var directory = Directory.CreateTempSubdirectory("akka-jwks-dir-");
        try
        {
            string[] args = option.Length == 0 ? [command, directory.FullName] : [command, option, directory.FullName];

            var result = await CliProcess.RunAsync(args);

            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Equal(
                $"{command}: {directory.FullName} is a directory, expected a file.", Assert.Single(result.ErrorLines));
        }
        finally
        {
            directory.Delete();
        }
    }

    [Fact]
    public async Task Watch_ConfigTheActorSystemRefuses_IsAUsageErrorInOneLine()
    {
        using var config = TempFile.Write("provider.conf", """
            akka.actor.provider = nonsense
            akka.jwks.fetchers.a { url = "http://127.0.0.1:1/jwks" }
            """);

        var result = await CliProcess.RunAsync(["watch", "--config", config.Path, "--duration", "1s"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        var error = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"watch: {config.Path}: the ActorSystem cannot start with this configuration: ", error);
        Assert.Contains("nonsense", error);
        Assert.Empty(result.StdOut);
    }
}
