using System.Globalization;
using Platform.Api.Infrastructure;
using Platform.Api.Web;

namespace Platform.Tests.Web;

/// <summary>
/// A number a page's form posts (an indicator's value, baseline or target) is read as the page's language writes it, or
/// with a decimal point; what cannot be read, or would be read as another number, is refused at its field. An amount (a
/// commitment's budget) is read in the page's language first.
/// </summary>
public sealed class FormNumberTests
{
    [Theory]
    [InlineData("en", "12.5", 12.5)]
    [InlineData("en", " -3 ", -3.0)]
    [InlineData("fr", "12,5", 12.5)]
    [InlineData("fr", "12.5", 12.5)] // a decimal point, which French does not group thousands with
    [InlineData("nl", "12,5", 12.5)]
    [InlineData("nl", "0.25", 0.25)] // not a thousands group: a decimal point
    [InlineData("uk", "12,5", 12.5)]
    public void A_number_is_read_in_the_pages_language_or_with_a_decimal_point(string language, string posted, double expected)
    {
        var number = InCulture(language, () => FormValues.Number(posted, "target"));

        Assert.Equal((expected, null), (number.Value, number.Refusal));
    }

    [Theory]
    [InlineData("en", "1,234")] // English groups thousands with a comma: not read as one and a bit, nor as 1234
    [InlineData("nl", "1.234")] // Dutch groups thousands with a point: not read as one and a bit
    [InlineData("nl", "-12.500")]
    [InlineData("en", "NaN")]
    [InlineData("en", "Infinity")]
    [InlineData("fr", "douze")]
    [InlineData("en", "23,5%")]
    public void What_cannot_be_read_or_would_be_read_as_another_number_is_refused_at_its_field(string language, string posted)
    {
        var number = InCulture(language, () => FormValues.Number(posted, "target"));

        Assert.Null(number.Value);
        var error = Assert.Single(number.Refusal!.Errors);
        Assert.Equal(("target", FormValues.UnreadableNumber), (error.Field, error.Message));
    }

    [Fact]
    public void Left_empty_it_is_absent_and_refusals_of_several_fields_come_together()
    {
        Assert.Equal((null, null), (FormValues.Number("  ", "target").Value, FormValues.Number("  ", "target").Refusal));
        var together = Posted.All(FormValues.Number("x", "target"), FormValues.Number("  ", "baseline.value"), FormValues.WholeNumber("y", "targetYear")).Refusal;
        Assert.Equal(["target", "targetYear"], together!.Errors.Select(e => e.Field));
        Assert.Null(Posted.All(FormValues.Number("  ", "baseline.value"), FormValues.Number("4", "target")).Refusal);
    }

    [Fact]
    public async Task The_write_goes_on_only_when_every_value_was_read()
    {
        var refused = await Posted.All(FormValues.Number("4", "target"), FormValues.WholeNumber("y", "targetYear"))
            .Or(() => throw new InvalidOperationException("written although a value could not be read"));
        Assert.Equal("targetYear", Assert.Single(refused.Errors).Field);
        Assert.Same(Written.Nothing, await Posted.All(FormValues.Number("4", "target")).Or(() => Task.FromResult(Written.Nothing)));
    }

    [Theory]
    [InlineData("fr", "1,5", "1.5")] // one and a half, as a French page writes it (was read as fifteen)
    [InlineData("fr", "2500,50", "2500.50")]
    [InlineData("fr", "1.5", "1.5")]
    [InlineData("nl", "2.500,50", "2500.50")]
    [InlineData("en", "2,500.50", "2500.50")]
    [InlineData("uk", "12,75", "12.75")]
    [InlineData("en", "1,500", "1500")]
    [InlineData("nl", "1.500", "1500")]
    [InlineData("en", "-2,500", "-2500")] // read, then refused by the commitment's rules (an amount from 0)
    public void An_amount_is_read_in_the_pages_language_first(string language, string posted, string expected)
    {
        var read = InCulture(language, () => FormValues.Amount(posted, "budget", BudgetUnreadable));

        Assert.Equal((decimal.Parse(expected, CultureInfo.InvariantCulture), null), (read.Value, read.Refusal));
    }

    [Theory]
    [InlineData("fr", "beaucoup")]
    [InlineData("en", "12.5%")]
    [InlineData("en", "1,5")] // a comma that groups no thousands: .NET alone reads fifteen
    [InlineData("en", "1,5,5")]
    [InlineData("en", "2,50.5")]
    public void An_amount_that_cannot_be_read_is_not_read(string language, string posted)
    {
        var read = InCulture(language, () => FormValues.Amount(posted, "budget", BudgetUnreadable));

        Assert.Null(read.Value);
        var error = Assert.Single(read.Refusal!.Errors);
        Assert.Equal(("budget", BudgetUnreadable), (error.Field, error.Message));
    }

    private const string BudgetUnreadable = "The budget is an amount from 0 (or leave it out).";

    private static T InCulture<T>(string language, Func<T> read)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(language);
        try { return read(); }
        finally { CultureInfo.CurrentCulture = before; }
    }
}
