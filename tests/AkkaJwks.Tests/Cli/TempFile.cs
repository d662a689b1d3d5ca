namespace AkkaJwks.Tests.Cli;

/// <summary>A file in the temp folder that deletes itself.</summary>
internal sealed class TempFile : IDisposable
{
    private TempFile(string path) => Path = path;

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>Writes <paramref name="content"/> to a new file named after <paramref name="name"/>.</summary>
    public static TempFile Write(string name, string content)
    {
        var folder = Directory.CreateTempSubdirectory("akka-jwks-cli-");
        var path = System.IO.Path.Combine(folder.FullName, name);
        File.WriteAllText(path, content);
        return new TempFile(path);
    }

    /// <summary>Writes <paramref name="content"/> to a new file named after <paramref name="name"/>.</summary>
    public static TempFile Write(string name, byte[] content)
    {
        var file = Write(name, "");
        File.WriteAllBytes(file.Path, content);
        return file;
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
}
