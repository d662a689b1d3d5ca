namespace AkkaJwks.Benchmarks;

/// <summary>Reads a document of the shared JWKS corpus (../shared/jwks-corpus beside the clone) at run time.</summary>
internal static class CorpusDocument
{
    public static byte[] Read(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AkkaJwks.sln")))
            {
                // ../shared beside the clone; a git worktree kept one level deeper finds it further up.
                for (var up = dir.Parent; up is not null; up = up.Parent)
                {
                    var path = Path.Combine(up.FullName, "shared", "jwks-corpus", relativePath);
                    if (File.Exists(path))
                    {
                        return File.ReadAllBytes(path);
                    }
                }

                throw new FileNotFoundException(
                    $"the benchmark reads shared/jwks-corpus/{relativePath} beside the clone ({dir.FullName}), and "
                    + "it is not there; put the JWKS corpus at ../shared/jwks-corpus to run this benchmark");
            }
        }

        throw new DirectoryNotFoundException(
            $"no AkkaJwks.sln above {AppContext.BaseDirectory}; run the benchmarks from the repository");
    }
}
