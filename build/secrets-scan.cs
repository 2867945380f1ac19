#:project ../src/ContainerOpt.Images/ContainerOpt.Images.csproj
// The harness behind build/secrets-scan.sh: reads one tar stream from standard input with LayerScanner (the scanner
// image layers go through) and prints each confirmed credential file's exemption, kind, detail and path, then counts.
using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Layers.Secrets;

LayerScan scan = LayerScanner.Scan(Console.OpenStandardInput(), measureCompressedSize: false);
foreach (CredentialFile file in scan.Credentials)
{
    string exemption = file.Exemption == CredentialExemption.None ? (file.IsMachineKey ? "MachineKey" : "Reported") : file.Exemption.ToString();
    Console.WriteLine($"{exemption,-15} {file.Kind,-22} {file.Detail,-20} /{file.Path}");
}
Console.WriteLine($"{scan.FileCount:N0} files, {scan.Size:N0} bytes: {scan.Credentials.Count} credential files; "
    + string.Join(", ", scan.Credentials.GroupBy(c => c.Exemption == CredentialExemption.None ? (c.IsMachineKey ? "MachineKey" : "Reported") : c.Exemption.ToString())
        .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}")));
