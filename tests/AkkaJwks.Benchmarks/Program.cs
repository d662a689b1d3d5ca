using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(AkkaJwks.Benchmarks.ParseBenchmarks).Assembly).Run(args);
