using System.Reflection;
using Platform.Domain.Concerns;

namespace Platform.Tests.Architecture;

public class DomainDependencyTests
{
    [Fact]
    public void The_domain_references_nothing_of_Marten_Wolverine_or_AspNetCore()
    {
        var forbidden = new[] { "Marten", "Wolverine", "JasperFx", "Weasel", "Npgsql", "Microsoft.AspNetCore" };
        var references = typeof(ConcernDecider).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("System.Runtime", references);
        Assert.DoesNotContain(references, name => forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal)));
    }
}
