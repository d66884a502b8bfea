using Platform.Domain.Reference;

namespace Platform.Tests.Domain;

public class ReferenceCatalogueTests
{
    [Fact]
    public void Rights_and_sdg_targets_come_from_the_reference_files()
    {
        var catalogue = ReferenceCatalogue.Default;

        Assert.Equal(21, catalogue.Rights.Count);
        Assert.Equal(["25"], catalogue.Rights["housing"].UdhrArticles);
        Assert.Contains("Affordability", catalogue.Rights["housing"].OhchrAttributes);
        Assert.True(catalogue.IsSdgTarget("11.2"));
        Assert.True(catalogue.IsSdgTarget("16.7"));
        Assert.True(catalogue.IsSdgTarget("11.a"));
        Assert.False(catalogue.IsSdgTarget("11.2.1"));
        Assert.False(catalogue.IsRight("Housing"));
    }

    [Fact]
    public void Quoted_fields_with_commas_and_quotes_are_read_whole()
    {
        var records = Csv.ReadRecords(new StringReader("code,name\n1,\"a, \"\"b\"\"\"\n2,c\n"));
        Assert.Equal("a, \"b\"", records[0]["name"]);
        Assert.Equal("c", records[1]["name"]);
    }
}
