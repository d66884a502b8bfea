using System.Collections.Concurrent;

namespace Platform.Api.Web;

/// <summary>
/// Keeps each looked-up word per UI culture in a lock-free dictionary. Pages look up hundreds of words each, and
/// every ResourceManager lookup takes a lock on the resource set's cache; under concurrent renders that lock is
/// contended. Words never change while the process runs, so they are read once per culture and key.
/// </summary>
public sealed class CachingStringLocalizerFactory(ResourceManagerStringLocalizerFactory resources) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<Type, IStringLocalizer> _byType = new();
    private readonly ConcurrentDictionary<(string, string), IStringLocalizer> _byName = new();

    public IStringLocalizer Create(Type resourceSource) =>
        _byType.GetOrAdd(resourceSource, type => new CachingStringLocalizer(resources.Create(type)));

    public IStringLocalizer Create(string baseName, string location) =>
        _byName.GetOrAdd((baseName, location), key => new CachingStringLocalizer(resources.Create(key.Item1, key.Item2)));
}

/// <summary>A localizer that remembers the words of another, per UI culture; formats arguments in the current culture, as ResourceManager's does.</summary>
public sealed class CachingStringLocalizer(IStringLocalizer words) : IStringLocalizer
{
    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _cache = new();

    public LocalizedString this[string name] =>
        _cache.GetOrAdd((CultureInfo.CurrentUICulture.Name, name), static (key, inner) => inner[key.Name], words);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => words.GetAllStrings(includeParentCultures);
}
