using Platform.Domain.GoodPractices;

namespace Platform.Projections.GoodPractices;

/// <summary>Inline projection of a good practice's stream into <see cref="GoodPracticeView"/>.</summary>
public partial class GoodPracticeViewProjection : SingleStreamProjection<GoodPracticeView, Guid>
{
    public static GoodPracticeView Create(IEvent<PracticePublished> e)
    {
        var view = new GoodPracticeView { Id = e.Data.PracticeId, City = e.Data.City, PublishedAt = e.Data.PublishedAt };
        Show(view, e, 1, e.Data.Content, e.Data.PublishedAt);
        return view;
    }

    public static void Apply(IEvent<PracticeRevised> e, GoodPracticeView view) => Show(view, e, e.Data.Version, e.Data.Content, e.Data.RevisedAt);

    public static void Apply(IEvent<PracticeWithdrawn> e, GoodPracticeView view)
    {
        view.Withdrawn = true;
        view.WithdrawnAt = e.Data.WithdrawnAt;
        view.WithdrawReason = e.Data.Reason;
        Touch(view, e, e.Data.WithdrawnAt);
    }

    private static void Show(GoodPracticeView view, IEvent e, int version, PracticeContent content, DateTimeOffset at)
    {
        view.Version = version;
        view.Title = content.Title;
        view.TitleKey = content.Title.ToLowerInvariant();
        view.Summary = content.Summary;
        view.WhatWasDone = content.WhatWasDone;
        view.Results = content.Results;
        view.Rights = content.Rights;
        view.IndicatorCodes = content.IndicatorCodes;
        view.CommitmentIds = content.CommitmentIds;
        view.Contact = content.Contact;
        view.Versions.Add(new PracticeVersion(version, content, at));
        Touch(view, e, at);
    }

    private static void Touch(GoodPracticeView view, IEvent e, DateTimeOffset at)
    {
        view.UpdatedAt = at;
        view.Sequence = e.Sequence;
    }
}

/// <summary>Inline projection of a city's adoption stream into <see cref="PracticeAdoptionView"/>.</summary>
public partial class PracticeAdoptionViewProjection : SingleStreamProjection<PracticeAdoptionView, Guid>
{
    public static PracticeAdoptionView Create(IEvent<PracticeAdopted> e) => new()
    {
        Id = e.Data.AdoptionId, PracticeId = e.Data.PracticeId, City = e.Data.City, Adopted = true, Note = e.Data.Note,
        AdoptedAt = e.Data.AdoptedAt, Sequence = e.Sequence,
    };

    public static void Apply(IEvent<PracticeReadopted> e, PracticeAdoptionView view)
    {
        view.Adopted = true;
        view.Note = e.Data.Note;
        view.AdoptedAt = e.Data.AdoptedAt;
        view.UndoneAt = null;
        view.Sequence = e.Sequence;
    }

    public static void Apply(IEvent<PracticeAdoptionUndone> e, PracticeAdoptionView view)
    {
        view.Adopted = false;
        view.UndoneAt = e.Data.UndoneAt;
        view.Sequence = e.Sequence;
    }
}
