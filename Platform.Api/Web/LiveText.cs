namespace Platform.Api.Web;

/// <summary>
/// The words of the live screens and the public accountability pages (town halls, scorecard, commitments,
/// network), kept apart from <see cref="Text"/> so these pages grow without touching the resident pages'
/// resources. Same rules as <see cref="Text"/>: the English text is the key; <c>LiveText.resx</c> lists
/// every key, <c>LiveText.fr/nl/uk.resx</c> translate them. Pages reach it as <c>L</c>.
/// </summary>
public sealed class LiveText;
