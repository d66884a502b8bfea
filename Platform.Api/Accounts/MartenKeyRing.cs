using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Platform.Api.Accounts;

/// <summary>
/// Keeps the data-protection key ring in PostgreSQL, so every API node accepts the cookies and bearer
/// tokens any other node issued, and restarts do not sign everyone out. The interface is synchronous
/// and Marten 9 is async-only, so it blocks: the key ring is read at start-up and about once a day.
/// </summary>
public sealed class MartenKeyRing(IDocumentStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var session = store.QuerySession();
        var keys = session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult();
        return keys.Select(k => XElement.Parse(k.Xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Store(new DataProtectionKey { Id = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }
}
