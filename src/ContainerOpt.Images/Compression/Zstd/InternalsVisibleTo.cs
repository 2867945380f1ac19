// The zstd tests assert through ZstdStatistics which format paths a fixture exercises.
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("ContainerOpt.Images.Tests")]
