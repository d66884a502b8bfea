namespace Platform.Api.Web;

/// <summary>
/// The pages' words. Keys are the English text itself (so English needs no translation and a missing
/// translation shows English); translations live in <c>Text.fr.resx</c>, <c>Text.nl.resx</c>, <c>Text.uk.resx</c>
/// beside this file. <c>Text.resx</c> lists every key: a test checks French has them all.
/// Domain error messages are keys too, so refusals read in the page's language.
/// </summary>
public sealed class Text;
