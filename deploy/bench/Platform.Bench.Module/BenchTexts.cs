namespace Platform.Bench.Module;

/// <summary>
/// Believable concern titles and descriptions for the search benchmark, in the four languages of the platform (a
/// quarter each): a problem, a place and a consequence, picked at random, so words repeat as they do in real concerns.
/// </summary>
public static class BenchTexts
{
    public static readonly string[] Rights = ["housing", "health", "education", "mobility", "environment", "food-water", "participation"];

    private sealed record Language(string[] Problems, string[] Places, string[] Consequences, string Title, string Description);

    private static readonly Language[] Languages =
    [
        new(["Broken streetlights", "Damp and mould", "No step-free access", "Overflowing bins", "Long waiting lists", "Unsafe crossings",
                "Closed public toilets", "Noise at night", "Potholes", "Rent increases", "Cold classrooms", "Missing bus shelters"],
            ["the station", "the primary school", "the health centre", "the market square", "the council flats", "the riverside park",
                "the library", "the tram stop", "the youth club", "the retirement home"],
            ["older residents stay at home", "children walk in the road", "families cannot afford heating", "wheelchair users are cut off",
                "people wait months for an appointment", "nobody feels safe after dark"],
            "{0} near {1}", "Since last winter there are {0} near {1}, and {2}. We reported it twice without an answer."),
        new(["Lampadaires en panne", "Humidité et moisissures", "Aucun accès de plain-pied", "Poubelles qui débordent", "Listes d’attente interminables",
                "Passages piétons dangereux", "Toilettes publiques fermées", "Bruit la nuit", "Nids-de-poule", "Hausses de loyer", "Classes froides", "Abribus manquants"],
            ["la gare", "l’école primaire", "le centre de santé", "la place du marché", "les logements sociaux", "le parc au bord de la rivière",
                "la bibliothèque", "l’arrêt de tram", "la maison des jeunes", "la maison de retraite"],
            ["les personnes âgées restent chez elles", "les enfants marchent sur la chaussée", "les familles ne peuvent plus se chauffer",
                "les personnes en fauteuil roulant sont isolées", "on attend des mois pour un rendez-vous", "personne ne se sent en sécurité le soir"],
            "{0} près de {1}", "Depuis l’hiver dernier : {0} près de {1}, et {2}. Nous l’avons signalé deux fois sans réponse."),
        new(["Kapotte straatverlichting", "Vocht en schimmel", "Geen drempelvrije toegang", "Overvolle afvalbakken", "Lange wachtlijsten",
                "Onveilige oversteekplaatsen", "Gesloten openbare toiletten", "Lawaai in de nacht", "Gaten in de weg", "Huurverhogingen", "Koude klaslokalen", "Ontbrekende bushokjes"],
            ["het station", "de basisschool", "het gezondheidscentrum", "het marktplein", "de sociale huurwoningen", "het park aan de rivier",
                "de bibliotheek", "de tramhalte", "het jongerencentrum", "het verzorgingshuis"],
            ["ouderen blijven thuis", "kinderen lopen op de rijbaan", "gezinnen kunnen de verwarming niet betalen", "rolstoelgebruikers zijn afgesloten",
                "mensen wachten maanden op een afspraak", "niemand voelt zich 's avonds veilig"],
            "{0} bij {1}", "Sinds vorige winter: {0} bij {1}, en {2}. We hebben het twee keer gemeld zonder antwoord."),
        new(["Несправні ліхтарі", "Вологість і цвіль", "Немає безбар’єрного доступу", "Переповнені смітники", "Довгі черги",
                "Небезпечні переходи", "Закриті громадські вбиральні", "Шум уночі", "Ями на дорозі", "Підвищення орендної плати", "Холодні класи", "Немає зупинкових павільйонів"],
            ["вокзалу", "початкової школи", "поліклініки", "ринкової площі", "соціального житла", "парку біля річки",
                "бібліотеки", "трамвайної зупинки", "молодіжного клубу", "будинку для літніх людей"],
            ["літні люди не виходять з дому", "діти йдуть проїжджою частиною", "родини не можуть оплатити опалення", "люди на візках відрізані",
                "люди місяцями чекають на прийом", "ніхто не почувається безпечно ввечері"],
            "{0} біля {1}", "Від минулої зими: {0} біля {1}, і {2}. Ми двічі повідомляли без відповіді."),
    ];

    /// <summary>A title and a description in one of the four languages.</summary>
    public static (string Title, string Description) Concern(Random random)
    {
        var language = Languages[random.Next(Languages.Length)];
        var problem = language.Problems[random.Next(language.Problems.Length)];
        var place = language.Places[random.Next(language.Places.Length)];
        var consequence = language.Consequences[random.Next(language.Consequences.Length)];
        return (string.Format(language.Title, problem, place), string.Format(language.Description, problem.ToLowerInvariant(), place, consequence));
    }
}
