Console.WriteLine("Design-time host for dotnet ef: see tools/migrations.sh");
