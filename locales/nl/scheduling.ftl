## Polls inplannen volgens de afspraken over tussenruimte: botsingen, weigeringen, de pagina's
## Inplannen en Kalender, de agendalink en `flits poll schedule`. Voor medewerkers: nl en en.

## Botsingen: wat de afspraak vraagt, wat er gevraagd werd, en één zin met allebei.

sched-conflict-overlap-required = geen andere peiling voor een overlappende doelgroep tegelijk open
sched-conflict-overlap-requested = open van { $opens } tot { $closes }, terwijl '{ $other }' open is van { $other_opens } tot { $other_closes }
sched-conflict-overlap-message = Peiling '{ $other }' is open van { $other_opens } tot { $other_closes }, tegelijk met deze, en bereikt ook { $audience }.
sched-conflict-gap-required =
    { $min_gap ->
        [one] 1 dag
       *[other] { $min_gap } dagen
    } tussen peilingen
sched-conflict-gap-after-requested =
    opent { $days ->
        [one] 1 dag
       *[other] { $days } dagen
    } nadat '{ $other }' sluit
sched-conflict-gap-after-message =
    Voor { $audience } moet er minstens { $min_gap ->
        [one] 1 dag
       *[other] { $min_gap } dagen
    } zitten tussen het sluiten van '{ $other }' ({ $other_closes }) en het openen van de volgende peiling. Deze peiling zou { $days ->
        [one] 1 dag
       *[other] { $days } dagen
    } later openen, op { $opens }.
sched-conflict-gap-before-requested =
    sluit { $days ->
        [one] 1 dag
       *[other] { $days } dagen
    } voordat '{ $other }' opent
sched-conflict-gap-before-message =
    Voor { $audience } moet er minstens { $min_gap ->
        [one] 1 dag
       *[other] { $min_gap } dagen
    } zitten tussen het sluiten van deze peiling en het openen van '{ $other }' ({ $other_opens }). Deze peiling zou { $days ->
        [one] 1 dag
       *[other] { $days } dagen
    } eerder sluiten, op { $closes }.
sched-conflict-window-required =
    hoogstens { $max_polls ->
        [one] 1 peiling die opent
       *[other] { $max_polls } peilingen die openen
    } binnen { $window_days } dagen
sched-conflict-window-requested = zou peiling { $count } zijn die opent binnen { $window_days } dagen vanaf { $from }, met { $polls }
sched-conflict-window-message =
    { $audience } mag binnen { $window_days } dagen hoogstens { $max_polls ->
        [one] 1 peiling
       *[other] { $max_polls } peilingen
    } krijgen. Met { $polls } zou dit peiling { $count } zijn.
sched-conflict-quiet-required = geen peiling open van { $from } tot en met { $to } ({ $reason })
sched-conflict-quiet-requested = open van { $opens } tot { $closes }
sched-conflict-quiet-message = Van { $from } tot en met { $to } mag er geen peiling voor { $audience } open zijn: { $reason }.
sched-conflict-channel-required =
    { $max_posts ->
        [0] geen peilingberichten
        [one] hoogstens 1 peilingbericht binnen 7 dagen
       *[other] hoogstens { $max_posts } peilingberichten binnen 7 dagen
    }
sched-conflict-channel-requested = zou bericht { $count } zijn binnen 7 dagen, met berichten op { $posts }
sched-conflict-channel-message =
    Kanaal { $channel } mag binnen 7 dagen hoogstens { $max_posts ->
        [one] 1 peilingbericht
       *[other] { $max_posts } peilingberichten
    } krijgen. Met de berichten op { $posts } is een bericht op { $at } er één te veel.
sched-conflict-channel-closed-requested = een bericht op { $at }
sched-conflict-channel-closed-message = Kanaal { $channel } plaatst geen peilingberichten.

## Waarom een peiling niet is ingepland.

sched-failure-not-found = Er is geen peiling met adres { $slug }.
sched-failure-not-schedulable =
    Peiling { $slug } is { $state ->
        [open] al open
        [closed] al gesloten
        [results_published] al gesloten en de uitkomsten zijn gepubliceerd
        [archived] gearchiveerd
       *[other] niet in te plannen
    }. Alleen een concept of een ingeplande peiling kunt u inplannen.
sched-failure-invalid-poll =
    Peiling { $slug } kan nog niet worden ingepland: er { $count ->
        [one] staat 1 fout
       *[other] staan { $count } fouten
    } in de beschrijving.
sched-failure-opens-in-past = De begintijd { $opens } is al voorbij.
sched-failure-closes-before-opens = De peiling moet later sluiten dan ze opent (opent { $opens }, sluit { $closes }).
sched-failure-invalid-channel = '{ $channel }' is geen kanaal-id. Gebruik a-z, 0-9, - en _, hoogstens 64 tekens.
sched-failure-override-reason-missing = Geef een reden om de afspraken over tussenruimte te negeren.
sched-failure-override-forbidden = Alleen een beheerder mag de afspraken over tussenruimte negeren.
sched-failure-spacing-conflict =
    Dit botst met { $count ->
        [one] een afspraak
       *[other] { $count } afspraken
    } over tussenruimte.
sched-failure-audience-not-allowed =
    U mag geen peiling inplannen voor { $count ->
        [one] de doelgroep
       *[other] de doelgroepen
    } { $audiences }. U kunt alleen de doelgroepen van uw eigen organisatie kiezen. Een doelgroep van de hele regio of van een andere organisatie kan een beheerder voor u inplannen, of voor uw organisatie openzetten.
sched-failure-open-too-long = Een peiling mag hoogstens { $max } dagen open zijn. Deze zou { $days } dagen open zijn.
sched-failure-too-far-ahead = Een peiling mag hoogstens { $months } maanden vooruit worden ingepland: uiterlijk op { $latest } openen. Deze zou op { $opens } openen.
sched-failure-spacing-configuration = De afspraken over tussenruimte in de instellingen kloppen niet. Vraag het een beheerder.
sched-failure-internal = Er ging bij ons iets mis. Probeer het later opnieuw.

## Waarom er geen herinnering is geplaatst.

sched-reminder-not-found = Er is geen peiling met adres { $slug }.
sched-reminder-not-open = Peiling { $slug } is niet open. Een herinnering kan alleen bij een open peiling.
sched-reminder-unknown-channel = Peiling { $slug } staat niet op kanaal { $channel }. Kies een van de kanalen van de peiling.
sched-reminder-already = Peiling { $slug } had al een herinnering op kanaal { $channel }. Eén herinnering per kanaal is genoeg voor volgers.
sched-reminder-weekly-limit = Kanaal { $channel } had deze week al { $max } berichten over peilingen.
sched-reminder-next-free = Vanaf { $next } kan er weer een bij.
sched-reminder-no-free = Er kan geen bericht meer bij voordat de peiling sluit.
sched-reminder-queued = De herinnering op { $channel } wordt geplaatst.

## De pagina Inplannen.

sched-page-title = Inplannen: { $title }
sched-page-opens-label = Opent op (Nederlandse tijd)
sched-page-closes-label = Sluit op (Nederlandse tijd)
sched-page-channels-label = Kanalen waarop de peiling verschijnt
sched-page-channels-help = Als de peiling opent, plaatst Flits haar op elk kanaal dat u aanvinkt, met een link die het kanaal onthoudt.
sched-page-channel-not-configured = niet ingesteld
sched-page-no-channels = Er zijn geen kanalen ingesteld. Vraag een beheerder om ze toe te voegen onder [[channels]] in de configuratie.
sched-page-previews-heading = Wat de kanalen gaan plaatsen
sched-page-previews-intro = De aankondiging die elk ingesteld kanaal plaatst als de peiling opent, ingekort tot de lengte die het platform toestaat. Controleer de tekst voordat u inplant; pas hem aan in de peiling zelf.
sched-page-preview-caption = { $channel } ({ $kind })
sched-page-override-label = Reden om de afspraken over tussenruimte te negeren (alleen beheerders; komt in het logboek)
sched-page-conflicts-heading = Waarom dit niet kan
sched-page-submit = Inplannen
sched-page-use-suggestion = Gebruik de eerste vrije periode
sched-page-not-found-heading = Niet gevonden
sched-page-not-found-text = Er is geen concept of ingeplande peiling met dit adres die u mag inplannen.
sched-page-bad-times = Vul een geldige begin- en eindtijd in (Nederlandse tijd). Let op: bij de overgang naar zomertijd bestaat 02:00–03:00 niet.
sched-page-conflict-next-free = Dit botst met de afspraken over tussenruimte. De eerste vrije periode begint { $next }.
sched-page-conflict-no-free = Dit botst met de afspraken over tussenruimte. Binnen vijf jaar is er geen vrije periode.

## De pagina Kalender.

sched-calendar-title = Kalender
sched-calendar-heading = Kalender van de regio
sched-calendar-intro = Alle peilingen in de regio met hun doelgroepen, en de stille perioden. Zo ziet u wat andere gemeenten plannen.
sched-calendar-view-list = Lijst
sched-calendar-view-month = Maand
sched-calendar-prev = Vorige maand
sched-calendar-next = Volgende maand
sched-calendar-col-poll = Peiling
sched-calendar-col-org = Organisatie
sched-calendar-col-audiences = Doelgroepen
sched-calendar-col-state = Status
sched-calendar-col-opens = Opent
sched-calendar-col-closes = Sluit
sched-calendar-quiet-heading = Stille perioden
sched-calendar-quiet-mark = stil
sched-calendar-feed-heading = In uw eigen agenda
sched-calendar-feed-intro = Maak een persoonlijke link voor Outlook of een andere agenda. De link geeft alleen leesrechten; een nieuwe link maakt de oude ongeldig.
sched-calendar-feed-button = Maak een agendalink
sched-calendar-feed-new = Uw agendalink (wordt niet nog eens getoond):
sched-calendar-state =
    { $state ->
        [scheduled] Ingepland
        [open] Open
        [closed] Gesloten
        [results_published] Uitkomsten gepubliceerd
        [archived] Gearchiveerd
       *[draft] Concept
    }
sched-calendar-weekday =
    { $day ->
        [mon] ma
        [tue] di
        [wed] wo
        [thu] do
        [fri] vr
        [sat] za
       *[sun] zo
    }

## De agendalink (iCalendar) voor Outlook en andere agenda's.

sched-feed-name = Flits – peilingen in de regio
sched-feed-poll = Peiling: { $title }
sched-feed-organisation = Organisatie: { $organisation }
sched-feed-audiences = Doelgroepen: { $audiences }
sched-feed-state = Status: { $state }
sched-feed-quiet = Stille periode: { $reason }
sched-feed-quiet-audiences = Geen peilingen voor: { $audiences }
sched-feed-invalid = Deze agendalink werkt niet (meer). Maak een nieuwe op de kalenderpagina.

## flits poll schedule

sched-cli-scheduled = Ingepland: { $slug }
sched-cli-rescheduled = Verplaatst: { $slug }
sched-cli-opens = opent
sched-cli-closes = sluit
sched-cli-audiences = doelgroepen
sched-cli-channels = kanalen
sched-cli-no-channels = (geen)
sched-cli-override = negeren
sched-cli-overridden =
    { $count ->
        [one] 1 botsing
       *[other] { $count } botsingen
    } met de afspraken over tussenruimte genegeerd en in het logboek gezet
sched-cli-refused =
    { $slug } kan niet worden ingepland: { $count ->
        [one] 1 botsing
       *[other] { $count } botsingen
    } met de afspraken over tussenruimte.
sched-cli-rule = regel
sched-cli-other-poll = andere peiling
sched-cli-channel = kanaal
sched-cli-audience = doelgroep
sched-cli-reason = reden
sched-cli-required = vereist
sched-cli-requested = gevraagd
sched-cli-next-free = Eerste vrije moment: { $at }
sched-cli-no-free = Eerste vrije moment: geen binnen vijf jaar
sched-cli-not-scheduled = { $slug } is niet ingepland.
sched-cli-bad-time = '{ $value }' is geen RFC 3339-tijd met tijdzone. Schrijf bijvoorbeeld 2027-04-01T09:00:00+02:00 (zomertijd in Amsterdam) of 2027-01-12T09:00:00+01:00 (wintertijd).

## The scheduling page's explanations (issue 13)
sched-page-rules-heading = Regels voor deze peiling
sched-page-rules-no-audience = Deze peiling heeft nog geen doelgroep. Kies er een in de peiling zelf; dan ziet u hier welke regels gelden.
sched-page-rule-gap = { $audience }: minstens { $days } dagen tussen peilingen voor dezelfde inwoners.
sched-page-rule-window = { $audience }: hoogstens { $max } peilingen binnen { $days } dagen.
sched-page-rule-quiet = Van { $from } tot en met { $to } is er geen peiling: { $reason }.
sched-page-rule-limits = Een peiling is hoogstens { $days } dagen open en opent hoogstens { $months } maanden vooruit.
sched-page-rule-label = Regel
sched-page-other-poll = Peiling die in de weg zit
sched-page-rule-name-overlap = niet tegelijk open met een andere peiling voor dezelfde inwoners
sched-page-rule-name-gap = { $days } dagen tussen peilingen voor dezelfde inwoners
sched-page-rule-name-window = hoogstens { $max } peilingen binnen { $days } dagen
sched-page-rule-name-quiet = geen peiling in een stille periode ({ $reason })
sched-page-rule-name-channel = een kanaal plaatst niet te veel peilingberichten per week
sched-page-calendar-caption = De weken rond de gekozen dagen: vrij, bezet door een andere peiling voor dezelfde inwoners, of stil
sched-page-weekday = { $day ->
    [1] ma
    [2] di
    [3] wo
    [4] do
    [5] vr
    [6] za
   *[7] zo
  }
sched-page-day = { $day }-{ $month }
sched-page-day-taken = { $date }: bezet door { $polls }
sched-page-day-quiet = { $date }: stil ({ $reason })
sched-page-day-free = { $date }: vrij
sched-page-day-chosen = gekozen
sched-page-legend-free = vrij
sched-page-legend-taken = bezet
sched-page-legend-quiet = stil
sched-page-legend-chosen = gekozen
sched-page-suggestion-help = Dit is de eerste vrije periode, op hetzelfde tijdstip van de dag als u koos en even lang.
sched-page-scheduled = Ingepland: open van { $opens } tot { $closes }.
sched-page-scheduled-next = Wat er nu gebeurt: op { $opens } gaat de peiling vanzelf open en plaatsen deze kanalen een bericht: { $channels }. Tot dan kunt u de tijden hier nog veranderen.
sched-page-scheduled-next-no-channels = Wat er nu gebeurt: op { $opens } gaat de peiling vanzelf open. U hebt geen kanalen gekozen; deel de link zelf. Tot dan kunt u de tijden hier nog veranderen.
sched-page-scheduled-dashboard = Naar het overzicht
