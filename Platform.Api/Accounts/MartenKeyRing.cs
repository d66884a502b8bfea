using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Platform.Api.Accounts;

/// <summary>
/// Keeps the data-protection key ring in PostgreSQL, so every API node accepts the cookies and bearer
/// tokens any other node issued, and restarts do not sign everyone out. The interface is synchronous
/// and Marten 9 is async-only, so it blocks: the key ring is read at start-up and about once a day.
/// </summary>
public sealed class MartenKeyRing(IDocumentStore store, ILogger<MartenKeyRing> logger) : IXmlRepository
{
    /// <summary>
    /// The stored keys. A key stored before the ring was encrypted at rest (its master key in clear) is deleted, not
    /// used: whoever read the database may hold it. Cookies and tokens it protected stop working, and a new, encrypted
    /// key is made.
    /// </summary>
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var session = store.LightweightSession();
        var keys = session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult();
        var clear = keys.Where(k => InClear(XElement.Parse(k.Xml))).ToList();
        if (clear.Count > 0)
        {
            foreach (var key in clear) session.Delete(key);
            session.SaveChangesAsync().GetAwaiter().GetResult();
            logger.LogWarning("Deleted {Count} data-protection key(s) stored unencrypted; sign-ins they protected must sign in again", clear.Count);
        }
        return keys.Except(clear).Select(k => XElement.Parse(k.Xml)).ToList();
    }

    /// <summary>A key whose master key is stored as a plain value, not as encrypted data.</summary>
    private static bool InClear(XElement key) =>
        key.Descendants("masterKey").Any(master => master.Element("value") is not null);

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Store(new DataProtectionKey { Id = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }
}
