using Platform.Domain.Open311;

namespace Platform.Tests.Domain;

/// <summary>Given / when / then on the rules of Open311 client apps and keys, and the title an Open311 request gives its concern.</summary>
public class Open311ClientDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Client = Guid.CreateVersion7(), Official = Guid.NewGuid();
    private static readonly Open311KeyIssued Issued = new(Client, "Street Reporter", "hash", Official, Now.AddDays(-1));

    [Fact]
    public void Issuing_records_the_trimmed_app_and_the_hash_only() =>
        Scenario.Given<Open311Client>().When(s => Open311ClientDecider.Decide(new IssueOpen311Key(Client, Official, "  Street Reporter ", "hash"), s, Now))
            .Events(new Open311KeyIssued(Client, "Street Reporter", "hash", Official, Now));

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("an app whose name is far too long to be shown anywhere, longer than the hundred characters that a name may have")]
    public void An_app_must_be_named_within_the_limit(string? app) =>
        Scenario.Given<Open311Client>().When(s => Open311ClientDecider.Decide(new IssueOpen311Key(Client, Official, app, "hash"), s, Now)).Refused("invalid-app");

    [Fact]
    public void A_client_is_issued_once() =>
        Scenario.Given<Open311Client>(Issued).When(s => Open311ClientDecider.Decide(new IssueOpen311Key(Client, Official, "Again", "other"), s, Now))
            .Refused("open311-client-exists");

    [Fact]
    public void Revoking_records_it_once_and_a_repeat_changes_nothing()
    {
        Scenario.Given<Open311Client>(Issued).When(s => Open311ClientDecider.Decide(new RevokeOpen311Key(Client, Official), s, Now))
            .Events(new Open311KeyRevoked(Client, Official, Now));
        Scenario.Given<Open311Client>(Issued, new Open311KeyRevoked(Client, Official, Now)).When(s => Open311ClientDecider.Decide(new RevokeOpen311Key(Client, Official), s, Now))
            .Nothing();
        Assert.False(Evolution<Open311Client>.Fold([Issued, new Open311KeyRevoked(Client, Official, Now)])!.Active);
    }

    [Fact]
    public void An_unknown_client_cannot_be_revoked() =>
        Scenario.Given<Open311Client>().When(s => Open311ClientDecider.Decide(new RevokeOpen311Key(Client, Official), s, Now)).Refused("client-not-found");

    [Fact]
    public void A_request_title_is_the_descriptions_first_line_cut_at_a_word_within_the_concerns_limit()
    {
        Assert.Equal("Mould in the flats", Open311Rules.TitleFrom("  Mould in the flats \nThe landlord ignores it."));
        Assert.Null(Open311Rules.TitleFrom(" \n "));
        var title = Open311Rules.TitleFrom(string.Join(" ", Enumerable.Repeat("damp", 100)))!;
        Assert.True(title.Length <= Open311Rules.TitleLength, $"{title.Length} characters");
        Assert.EndsWith("damp…", title);
    }
}
