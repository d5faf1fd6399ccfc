using Platform.Deploy;

// ./platform publish k8s: Aspire's manifest of the app model in, Kubernetes objects out (README, "Deploying to Kubernetes").
//   Platform.Deploy <aspire-manifest.json> <output folder> [--host NAME] [--registry PREFIX] [--tag TAG] [--gateway-replicas N]
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Platform.Deploy <aspire-manifest.json> <output folder> [--host NAME] [--registry PREFIX] [--tag TAG] [--gateway-replicas N]");
    return 2;
}

var settings = DeploySettings.From(args[2..]);
var manifest = AppManifest.Read(File.ReadAllText(args[0]));
var files = KubernetesFiles.From(manifest, settings);
Directory.CreateDirectory(args[1]);
foreach (var stale in Directory.GetFiles(args[1], "*.yaml")) File.Delete(stale);
foreach (var (name, objects) in files)
{
    File.WriteAllText(Path.Combine(args[1], name), Yaml.Documents(objects));
}

Console.WriteLine($"{files.Sum(f => f.Objects.Count)} objects in {files.Count} files: {args[1]}");
return 0;
