using System.Runtime.Loader;

namespace Platform.Api.Infrastructure;

/// <summary>
/// A part of the application that only development and benchmarking need (the benchmarks' password-less residents,
/// their baseline broadcast) and that is therefore not in the API's build: it is a separate assembly, loaded when
/// <c>Platform:DevelopmentModules</c> names it, and in the Development environment only.
/// </summary>
public interface IDevelopmentModule
{
    /// <summary>Registers the module's services (before the application is built).</summary>
    void AddServices(WebApplicationBuilder builder);

    /// <summary>Maps the module's endpoints (after the application's own).</summary>
    void Map(WebApplication app);
}

public static class DevelopmentModules
{
    public const string Section = "Platform:DevelopmentModules";

    /// <summary>
    /// Loads the modules <see cref="Section"/> lists (paths of their assemblies) and lets each add its services. None
    /// by default; naming one outside Development stops the start-up, as a setting that cannot hold.
    /// </summary>
    public static IReadOnlyList<IDevelopmentModule> AddDevelopmentModules(this WebApplicationBuilder builder)
    {
        var paths = builder.Configuration.GetSection(Section).Get<string[]>() ?? [];
        if (paths.Length == 0) return [];
        if (!builder.Environment.IsDevelopment())
            throw new InvalidOperationException($"{Section} names modules, but they load in the Development environment only.");
        var modules = paths
            .Select(path => AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(path)))
            .SelectMany(assembly => assembly.GetExportedTypes())
            .Where(type => typeof(IDevelopmentModule).IsAssignableFrom(type) && type is { IsAbstract: false, IsInterface: false })
            .Select(type => (IDevelopmentModule)Activator.CreateInstance(type)!)
            .ToList();
        foreach (var module in modules) module.AddServices(builder);
        return modules;
    }

    public static void MapDevelopmentModules(this WebApplication app, IReadOnlyList<IDevelopmentModule> modules)
    {
        foreach (var module in modules) module.Map(app);
    }
}
