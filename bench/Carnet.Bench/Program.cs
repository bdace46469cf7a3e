using Carnet.Bench;

// Benchmarks of Carnet (README "Benchmarks"). Targets live here, never in timed unit tests.
return await BenchCommands.RunAsync(args);
