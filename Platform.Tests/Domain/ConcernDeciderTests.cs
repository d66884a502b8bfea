using Platform.Domain;
using Platform.Domain.Concerns;
using Platform.Domain.Reference;

namespace Platform.Tests.Domain;

/// <summary>Given / when / then on the concern rules, with no database.</summary>
public class ConcernDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly ReferenceCatalogue Catalogue = ReferenceCatalogue.Default;
    private static readonly Guid ConcernId = Guid.CreateVersion7();
    private static readonly Guid Author = Guid.NewGuid();

    private static RaiseConcern Valid => new("  Step-free bus stops  ", "Route 6 has none.", ["mobility", "disability-inclusion", "mobility"], ["11.2"], " Tang Hall ");

    [Fact]
    public void Raising_a_valid_concern_records_it_trimmed_and_without_duplicate_tags()
    {
        var decision = ConcernDecider.Decide(Valid, ConcernId, Author, Now, Catalogue);

        var raised = Assert.IsType<ConcernRaised>(Assert.Single(decision.Events));
        Assert.Equal(ConcernId, raised.ConcernId);
        Assert.Equal("Step-free bus stops", raised.Title);
        Assert.Equal(["mobility", "disability-inclusion"], raised.Rights);
        Assert.Equal(["11.2"], raised.SdgTargets);
        Assert.Equal("Tang Hall", raised.District);
        Assert.Equal(Author, raised.AuthorId);
        Assert.Equal(Now, raised.RaisedAt);
    }

    public static TheoryData<RaiseConcern, string> InvalidConcerns => new()
    {
        { Valid with { Title = null }, "title" },
        { Valid with { Title = "   " }, "title" },
        { Valid with { Title = new string('x', ConcernRules.TitleMaxLength + 1) }, "title" },
        { Valid with { Description = new string('x', ConcernRules.DescriptionMaxLength + 1) }, "description" },
        { Valid with { Rights = [] }, "rights" },
        { Valid with { Rights = null }, "rights" },
        { Valid with { Rights = ["housing", "flying"] }, "rights[1]" },
        { Valid with { SdgTargets = ["11.99"] }, "sdgTargets[0]" },
        { Valid with { SdgTargets = ["11.2.1"] }, "sdgTargets[0]" },
        { Valid with { District = new string('d', ConcernRules.DistrictMaxLength + 1) }, "district" },
    };

    [Theory, MemberData(nameof(InvalidConcerns))]
    public void An_invalid_concern_is_refused_naming_the_field(RaiseConcern command, string field)
    {
        var decision = ConcernDecider.Decide(command, ConcernId, Author, Now, Catalogue);

        Assert.Empty(decision.Events);
        var error = Assert.Single(decision.Errors);
        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Several_faults_are_reported_together()
    {
        var decision = ConcernDecider.Decide(new RaiseConcern("", null, ["nope"], null, null), ConcernId, Author, Now, Catalogue);
        Assert.Equal(["title", "rights[0]"], decision.Errors.Select(e => e.Field));
    }

    private static readonly Concern OpenConcern = Concern.Create(new ConcernRaised(ConcernId, "t", "", ["housing"], [], null, Author, false, Now));

    [Fact]
    public void A_first_support_is_recorded()
    {
        var resident = Guid.NewGuid();
        var decision = ConcernDecider.Decide(new SupportConcern(ConcernId, resident), new(OpenConcern, null), Now);
        Assert.Equal(new ConcernSupported(ConcernId, resident, Now), Assert.Single(decision.Events));
    }

    [Fact]
    public void Supporting_again_changes_nothing()
    {
        var resident = Guid.NewGuid();
        var active = new ResidentSupport(Guid.NewGuid(), ConcernId, resident, Active: true);
        var decision = ConcernDecider.Decide(new SupportConcern(ConcernId, resident), new(OpenConcern, active), Now);
        Assert.Same(Decision.NoChange, decision);
    }

    [Fact]
    public void A_withdrawn_support_can_be_given_again()
    {
        var resident = Guid.NewGuid();
        var withdrawn = new ResidentSupport(Guid.NewGuid(), ConcernId, resident, Active: false);
        var decision = ConcernDecider.Decide(new SupportConcern(ConcernId, resident), new(OpenConcern, withdrawn), Now);
        Assert.IsType<ConcernSupported>(Assert.Single(decision.Events));
    }

    [Fact]
    public void Withdrawing_without_support_changes_nothing_and_with_support_records_it()
    {
        var resident = Guid.NewGuid();
        Assert.Same(Decision.NoChange, ConcernDecider.Decide(new WithdrawConcernSupport(ConcernId, resident), new(OpenConcern, null), Now));
        var active = new ResidentSupport(Guid.NewGuid(), ConcernId, resident, Active: true);
        Assert.IsType<ConcernSupportWithdrawn>(Assert.Single(ConcernDecider.Decide(new WithdrawConcernSupport(ConcernId, resident), new(OpenConcern, active), Now).Events));
    }

    [Fact]
    public void An_unknown_concern_cannot_be_supported()
    {
        var decision = ConcernDecider.Decide(new SupportConcern(ConcernId, Guid.NewGuid()), new(null, null), Now);
        Assert.Equal(ErrorKind.NotFound, Assert.Single(decision.Errors).Kind);
    }

    [Theory]
    [InlineData(ConcernStatus.Hidden)]
    [InlineData(ConcernStatus.Resolved)]
    [InlineData(ConcernStatus.Declined)]
    public void A_closed_or_hidden_concern_cannot_be_supported(ConcernStatus status)
    {
        var decision = ConcernDecider.Decide(new SupportConcern(ConcernId, Guid.NewGuid()), new(OpenConcern with { Status = status }, null), Now);
        Assert.Equal(ErrorKind.RuleViolated, Assert.Single(decision.Errors).Kind);
    }

    [Fact]
    public void Support_streams_are_one_per_item_and_resident()
    {
        var item = Guid.NewGuid();
        var resident = Guid.NewGuid();
        Assert.Equal(PersonalStream.Id(item, resident), PersonalStream.Id(item, resident));
        Assert.NotEqual(PersonalStream.Id(item, resident), PersonalStream.Id(item, Guid.NewGuid()));
        Assert.NotEqual(PersonalStream.Id(item, resident), PersonalStream.Id(resident, item));
        Assert.Equal(8, PersonalStream.Id(item, resident).Version);
    }
}
