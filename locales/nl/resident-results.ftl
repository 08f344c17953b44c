## Texts residents read on the results page and the overview of polls, in plain Dutch (B1).
## Every message exists in nl, en, tr, pl and ar. Arguments: $title (a poll's title), $date and
## $time (already written in the page's language), $count (a number, or "<10" as a text), $k (the
## smallest number shown), $value, $mean and $median (numbers as text), $label, $question,
## $values, $answer, $share (texts), $org, $region and $audiences (names), $platform (mastodon,
## x or another kind of channel).

## The results page
results-page-title = Uitkomsten: { $title }
results-published = Gepubliceerd op { $date }.
results-summary-heading = Wat u zei, wat we doen
results-updates-heading = Wat er daarna gebeurde
results-figures-heading = De cijfers
results-responses = Zoveel mensen deden mee: { $count }.
results-withheld = Er deden minder dan { $k } mensen mee. Daarom laten we geen cijfers zien. Met zo weinig antwoorden kan iemand misschien raden wie wat antwoordde.
results-answered = Zoveel mensen gaven antwoord op deze vraag: { $count }.
results-count-below = <{ $k }
results-percent = { $value }%
results-share-hidden = niet getoond
results-below-note = <{ $k } betekent: minder dan { $k } mensen. Het precieze aantal laten we niet zien. Zo kan niemand raden wie wat antwoordde.
results-multi-note = Bij deze vraag mocht u meer dan één antwoord kiezen. Daarom zijn de procenten samen meer dan 100.
results-scale-end = { $value } ({ $label })
results-scale-summary = Gemiddeld: { $mean }. Het middelste antwoord: { $median }.
results-chart-alt = Grafiek met staven. { $question } { $values }.
results-chart-value = { $label }: { $value }
results-list-separator = {"; "}
results-table-answer = Antwoord
results-table-count = Aantal
results-table-share = Procent
results-quotes-heading = Wat mensen schreven
results-native-heading = Stemmen op sociale media: niet van deze peiling
results-native-intro = Op Mastodon of X konden mensen ook stemmen over de eerste vraag. Die stemmen telt het platform zelf. Iedereen kan daar stemmen, ook mensen van buiten de gemeente. Ze tellen dus niet mee bij de antwoorden van deze peiling.
results-native-caption =
    { $platform ->
        [mastodon] Stemmen op Mastodon
        [x] Stemmen op X
       *[other] Stemmen op sociale media
    }: { $question } Dit telt niet mee bij de antwoorden van deze peiling.
results-native-final = Dit is de eindstand.
results-native-interim = Dit is de stand op { $date } om { $time }.
results-native-hidden = nog niet bekend
results-native-votes = Stemmen
results-native-voters =
    { $count ->
        [one] 1 account stemde.
       *[other] { $count } accounts stemden.
    }
results-not-yet-heading = De uitkomsten zijn er nog niet
results-not-yet-text = Zodra de uitkomsten van deze peiling klaar zijn, staan ze hier.
results-to-poll = Naar de peiling
results-more-polls = Bekijk andere peilingen
results-preview-kicker = Uitkomsten · { $org }
results-preview-top = Meest gekozen: { $answer } ({ $share })

## The overview of polls (/) and its feed
overview-title-all = Peilingen
overview-title-region = Peilingen in { $region }
overview-title-org = Peilingen voor { $org }
overview-intro = Hier ziet u aan welke peilingen u nu mee kunt doen. En wat er met de antwoorden van eerdere peilingen gebeurt.
overview-filter-label = Kies een gemeente
overview-filter-all = Alle gemeenten
overview-open-heading = Doe nu mee
overview-open-none = Er is nu geen peiling waar u aan mee kunt doen.
overview-open-until = Open tot { $date } om { $time }.
overview-by = Van: { $org }
overview-for = Voor: { $audiences }
overview-results-heading = Uitkomsten
overview-results-none = Er zijn nog geen uitkomsten.
overview-published = Gepubliceerd op { $date }
overview-feed = Volg nieuwe peilingen en uitkomsten in uw feedlezer (Atom)
overview-unknown-org-heading = Deze gemeente kennen we niet
overview-unknown-org-text = Misschien is de link niet helemaal goed. Bekijk de peilingen van alle gemeenten.
feed-subtitle = Peilingen waar u aan mee kunt doen, en wat er met de antwoorden gebeurt.
feed-open-title = Doe mee: { $title }
feed-results-title = Uitkomsten: { $title }
