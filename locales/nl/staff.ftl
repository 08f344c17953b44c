## The staff tools: pages and the staff API. Every message exists in nl and en.

## The frame of every page
staff-app = Flits – medewerkers
staff-skip = Naar de inhoud
staff-nav-dashboard = Peilingen
staff-nav-new-poll = Nieuwe peiling
staff-nav-calendar = Kalender
staff-nav-tokens = API-sleutels
staff-nav-users = Gebruikers
staff-nav-audit = Logboek
staff-logged-in-as = Ingelogd als
staff-logout = Uitloggen

## Short notices
staff-csrf-heading = Formulier verlopen
staff-csrf-text = Er is niets veranderd. Ga terug, laad de pagina opnieuw en probeer het nog eens.
staff-login-first-heading = Log eerst in
staff-login-first-text = U moet ingelogd zijn om deze pagina te zien.
staff-no-access-heading = Geen toegang
staff-no-access-text = Uw rol geeft geen toegang tot deze pagina.
staff-to-login = Naar de inlogpagina
staff-not-found-heading = Niet gevonden
staff-not-found-text = Deze pagina bestaat niet. Kijk het adres na, of ga naar het overzicht.

## Logging in
staff-login-title = Inloggen
staff-email = E-mailadres
staff-password = Wachtwoord
staff-login-button = Inloggen
staff-login-wrong = Het e-mailadres of het wachtwoord klopt niet.
staff-login-too-many = Te veel pogingen vanaf deze verbinding. { staff-try-again }
staff-login-wait = Te veel mislukte pogingen met dit e-mailadres. { staff-try-again }
staff-login-wrong-wait = Het e-mailadres of het wachtwoord klopt niet. Na een paar mislukte pogingen moet u steeds iets langer wachten. { staff-try-again }
staff-try-again = Probeer het over { $unit ->
    [seconds] { $seconds ->
        [one] 1 seconde
       *[other] { $seconds } seconden
    }
   *[minutes] { $minutes ->
        [one] 1 minuut
       *[other] { $minutes } minuten
    }
  } opnieuw.

## Polls and their states
staff-dashboard-title = Peilingen
staff-no-polls = Er zijn nog geen peilingen.
staff-col-poll = Peiling
staff-col-org = Organisatie
staff-col-opens = Opent
staff-col-closes = Sluit
staff-edit = Bewerken
staff-schedule = Inplannen
staff-state = { $state ->
    [draft] Concept
    [scheduled] Ingepland
    [open] Open
    [closed] Gesloten
    [results_published] Uitkomsten gepubliceerd
    [archived] Gearchiveerd
   *[other] { $state }
  }

## The poll builder
staff-builder-new-title = Nieuwe peiling
staff-builder-edit-title = Peiling bewerken: { $slug }
staff-builder-valid = De peiling is in orde.
staff-builder-invalid = Er zijn nog fouten.
staff-builder-counts = ({ $errors ->
    [one] 1 fout
   *[other] { $errors } fouten
  }, { $hints ->
    [one] 1 punt om naar te kijken
   *[other] { $hints } punten om naar te kijken
  })
staff-builder-saved = Opgeslagen als concept.
staff-builder-saved-next = Volgende stap: kies wanneer de peiling open is en via welke kanalen u hem deelt.
staff-builder-saved-schedule = Inplannen
staff-builder-look-at = Geen fouten, maar kijk nog naar deze punten.
staff-builder-organisation = Organisatie
staff-builder-library = Beginnen met een kant-en-klare vraag
staff-builder-library-help = Vragen over groen, verkeer, afval, veiligheid, jeugd en zorg, in eenvoudige taal (B1) en in het Nederlands en Engels. Daaronder de vragen van eerdere peilingen in de regio. U kunt de vraag daarna aanpassen.
staff-builder-library-choose = Vraag uit de vragenbank
staff-builder-library-add = Deze vraag toevoegen
staff-builder-library-topic = { $topic ->
    [groen] Groen
    [verkeer] Verkeer
    [afval] Afval
    [veiligheid] Veiligheid
    [jeugd] Jeugd
    [zorg] Zorg
   *[other] { $topic }
  }
staff-builder-library-past = Eerdere peilingen in de regio
staff-builder-questions = Vragen
staff-builder-kind-help = Kiest u een andere soort? Klik dan op "Voorbeeld en tips bekijken": dan ziet u de velden die bij die soort horen.
staff-builder-more = Meer instellingen
staff-builder-up = Vraag { $number } omhoog
staff-builder-down = Vraag { $number } omlaag
staff-builder-duplicate = Vraag { $number } kopiëren
staff-builder-remove = Vraag { $number } verwijderen
staff-builder-add = Vraag toevoegen
staff-builder-preview-help = Zo ziet de inwoner de peiling, in elke taal van de peiling. Klik op "Voorbeeld en tips bekijken" om het bij te werken.
staff-builder-poll = De peiling
staff-builder-slug = Adres (kleine letters, cijfers en -)
staff-builder-title = Titel
staff-builder-intro = Inleiding
staff-builder-brief = Doel, doelgroep en terugkoppeling
staff-builder-purpose = Wat wilt u weten, en waarom?
staff-builder-audiences = Voor wie is de peiling?
staff-builder-promise = Wat horen inwoners terug, en wanneer?
staff-builder-follow-up-on = Op welke dag leest u bewoners wat er met hun antwoorden is gedaan?
staff-builder-follow-up-on-help = Niet verplicht. Vanaf die dag waarschuwen het overzicht en een e-mail aan de eigenaar tot er een update staat.
staff-builder-options-help = Eén antwoord per regel. Vul in een andere taal de antwoorden in dezelfde volgorde in. Wilt u zelf de code van een antwoord kiezen? Schrijf dan code | tekst.
staff-builder-languages = Talen van de peiling
staff-builder-languages-help = Nederlands staat altijd aan. Kies de andere talen en klik op de knop hieronder: dan krijgt elke tekst een veld per taal.
staff-builder-languages-apply = Velden voor deze talen tonen
staff-builder-language-name = { $language ->
    [en] Engels
    [tr] Turks
    [pl] Pools
    [ar] Arabisch
   *[nl] Nederlands
  }
staff-builder-help = Uitleg bij de vraag
staff-builder-question = Vraag { $number }
staff-builder-qid = Id van de vraag
staff-builder-kind = Soort vraag
staff-builder-kind-none = (niet gebruikt)
staff-builder-kind-name = { $kind ->
    [single_choice] Eén antwoord kiezen
    [multi_choice] Meer antwoorden kiezen
    [scale] Schaal
    [open_text] Open vraag
   *[other] { $kind }
  }
staff-builder-qtext = Vraag
staff-builder-required = Verplicht
staff-builder-profile = Vraag over de inwoner (leeftijd, wijk…)
staff-builder-options = Antwoordmogelijkheden (keuzevragen)
staff-builder-max-choices = Hoogstens zoveel keuzes (meerkeuze)
staff-builder-scale-min = Schaal van
staff-builder-scale-max = Schaal tot
staff-builder-label-min = Woord bij het laagste punt
staff-builder-label-max = Woord bij het hoogste punt
staff-builder-max-length = Hoogstens zoveel tekens (open vraag)
staff-builder-preview-button = Voorbeeld en tips bekijken
staff-builder-save = Opslaan als concept
staff-builder-preview = Zo ziet de inwoner het (telefoon)
staff-builder-link-preview = Zo ziet de link eruit op sociale media
staff-builder-slug-taken = Dit adres is al in gebruik. Kies een ander.
staff-builder-not-found = Er is geen peiling met dit adres die u mag bewerken.
staff-builder-not-editable-heading = Niet meer te bewerken
staff-builder-not-editable-text = Deze peiling is al ingepland. Maak een kopie om een nieuwe versie te maken.

## The audit log
staff-audit-title = Logboek
staff-audit-intro = Wie deed wat en wanneer. Dit logboek kan niemand aanpassen.
staff-col-when = Wanneer
staff-col-who = Wie
staff-col-action = Actie
staff-col-details = Details
staff-audit-system = (systeem)

## Population figures per audience
staff-nav-population = Bevolkingscijfers
staff-population-title = Bevolkingscijfers
staff-population-intro = Met deze cijfers ziet u wie een peiling bereikte, vergeleken met wie er woont, en worden de antwoorden gewogen. Per doelgroep staat waar de cijfers vandaan komen. Een peiling voor de hele regio gebruikt de optelsom van de gemeenten, als alle gemeenten cijfers hebben.
staff-population-none = Er zijn nog geen bevolkingscijfers.
staff-population-source = Bron
staff-population-reference-date = Peildatum
staff-population-imported = Geïmporteerd
staff-population-via-cli = via de opdrachtregel
staff-population-via-demo = door de demo
staff-population-illustrative = Illustratieve cijfers
staff-population-illustrative-text = Dit zijn geen officiële cijfers. Elke vergelijking en weging met deze cijfers is ook illustratief.
staff-population-margins = Aantallen inwoners van { $name }
staff-population-question = Vraag
staff-population-options = Antwoorden en aantallen
staff-population-total = Totaal
staff-population-sums-title = Optelsommen
staff-population-sums-intro = Deze doelgroepen hebben geen eigen cijfers. Hun peilingen gebruiken de optelsom van hun gemeenten.
staff-population-sum-of = optelsom van { $parts }
staff-population-sum-questions = vragen: { $questions }
staff-population-how-title = Cijfers importeren
staff-population-how = Importeer of vervang de cijfers van een doelgroep met de opdracht: flits population import BESTAND --audience ID. Het bestand noemt zijn bron en peildatum; cijfers die niet officieel zijn, krijgen de regel "# illustrative: true".

## API tokens
staff-tokens-title = API-sleutels
staff-tokens-intro = Met een API-sleutel kunnen scripts namens u werken. U ziet een nieuwe sleutel maar één keer: bewaar hem veilig.
staff-token-name = Naam van de sleutel
staff-token-create = Nieuwe sleutel maken
staff-token-new = Uw nieuwe sleutel (wordt niet nog eens getoond):
staff-token-revoke = Intrekken
staff-token-revoked = ingetrokken
staff-token-last-used = Laatst gebruikt
staff-never = nooit
staff-token-not-found = Deze sleutel bestaat niet.

## Staff accounts
staff-users-title = Gebruikers
staff-role = Rol
staff-organisation = Organisatie
staff-user-add = Gebruiker toevoegen
staff-password-optional = Wachtwoord (minstens { $min } tekens; leeg laten: een nieuw account werkt dan alleen met API-sleutels, een bestaand account houdt zijn wachtwoord)
staff-user-email-invalid = Vul een geldig e-mailadres in.
staff-user-role-invalid = Kies een rol: admin, comms of analyst.
staff-user-password-short = Het wachtwoord moet minstens { $min } tekens hebben.
staff-user-password-long = Het wachtwoord mag hoogstens { $max } tekens hebben.
staff-user-org-unknown = Kies een bestaande organisatie.


## Error messages of the staff API (JSON), in the language of Accept-Language
staff-api-unauthorized = Stuur een geldige API-sleutel mee als Authorization: Bearer SLEUTEL.
staff-api-forbidden = Uw rol staat dit niet toe.
staff-api-method-not-allowed = Dit adres neemt geen { $method } aan. Wel: { $allowed }.
staff-api-unavailable = De dienst kan nu niet nagaan wie u bent. Probeer het zo opnieuw.
staff-api-internal = Er ging bij ons iets mis.
staff-api-not-found = Niet gevonden.
staff-api-poll-not-found = Er is geen peiling met dit adres die u kunt zien.
staff-api-invalid-definition = De peiling bevat fouten.
staff-api-slug-taken = Er bestaat al een peiling met dit adres.
staff-api-not-editable = Alleen een concept kan veranderen; kopieer de peiling om een nieuwe versie te maken.
staff-api-delete-draft-only = Alleen een concept kan worden verwijderd.
staff-api-slug-mismatch = Het adres (slug) in de body moet het adres van de peiling zijn.
staff-api-post-not-found = Deze peiling heeft geen kanaalbericht met dit id.
staff-api-post-not-failed = Alleen een mislukt bericht kan opnieuw worden verstuurd. Dit bericht is niet mislukt, dus het gaat niet twee keer de deur uit.
staff-api-channel-not-configured = Er is geen kanaal { $channel } ingesteld.

## Kanaalberichten (de outbox), voor de API en de pagina
staff-posts-native-label = Stemmen in de eigen peiling van het platform op { $channel }: een aparte bron, geteld door het platform. Het zijn geen antwoorden en ze tellen niet mee in de uitkomsten.
staff-posts-link = Kanaalberichten
staff-posts-failed = { $count ->
    [one] 1 bericht mislukt
   *[other] { $count } berichten mislukt
  }
staff-posts-title = Kanaalberichten: { $title }
staff-posts-back = Terug naar de peilingen
staff-posts-heading = Berichten op de kanalen
staff-posts-intro = Flits plaatst de peiling op elk van haar kanalen zodra ze opent, en probeert het opnieuw als een platform even niet bereikbaar is. Een bericht dat echt mislukt is, blijft hier staan tot u het opnieuw probeert.
staff-posts-none = Er zijn nog geen berichten. De peiling wordt op haar kanalen geplaatst zodra ze opent.
staff-posts-col-channel = Kanaal
staff-posts-col-what = Wat
staff-posts-col-status = Status
staff-posts-col-when = Wanneer
staff-posts-col-message = Bericht van het platform
staff-posts-col-action = Actie
staff-post-purpose = { $purpose ->
    [announce] Aankondiging
    [reminder] Herinnering
    [results] Uitkomsten
    [update] Nieuws over de uitkomsten
    [closed] Melding: eerder gestopt
   *[other] { $purpose }
  }
staff-post-status = { $status ->
    [pending] Wacht
    [sending] Wordt verstuurd
    [posted] Geplaatst
    [failed] Mislukt
   *[other] { $status }
  }
staff-posts-attempts = { $count ->
    [one] 1 poging
   *[other] { $count } pogingen
  }
staff-posts-when = { $status ->
    [posted] Geplaatst op { $at }
    [pending] Volgende poging op { $at }
   *[other] In de wachtrij sinds { $at }
  }
staff-posts-retry = Opnieuw proberen
staff-posts-retried = Het bericht staat weer in de wachtrij. Flits verstuurt het binnen een minuut.
staff-posts-not-found-heading = Niet gevonden
staff-posts-not-found-text = Er is geen peiling met dit adres die u mag zien.
staff-posts-post-not-found = Deze peiling heeft zo'n bericht niet.
staff-posts-native-heading = Stemmen in de eigen peilingen van de platforms
staff-posts-native-intro = Sommige platforms tonen de eerste vraag als een eigen peiling. Die stemmen telt het platform: ze zijn een aparte bron, geen antwoorden, en tellen niet mee in de uitkomsten.
staff-posts-native-option = Keuze
staff-posts-native-votes = Stemmen
staff-posts-native-hidden = nog niet zichtbaar
staff-posts-native-counted = (geteld op { $at })
staff-posts-native-final = Definitief.
staff-posts-native-voters = { $count ->
    [one] 1 account heeft gestemd.
   *[other] { $count } accounts hebben gestemd.
  }
staff-posts-reminder-heading = Herinnering plaatsen
staff-posts-reminder-intro = Zolang de peiling open is, kunt u haar op elk van haar kanalen nog één keer plaatsen, bijvoorbeeld op het kanaal dat de minste antwoorden oplevert. Een herinnering telt mee voor het maximum per week van het kanaal.
staff-posts-reminder-button = Herinnering plaatsen op { $channel }

staff-publish-invalid = De uitkomsten kunnen nog niet worden gepubliceerd: { $count ->
        [one] 1 probleem
       *[other] { $count } problemen
    }.
staff-publish-not-closed = Alleen de uitkomsten van een gesloten peiling kunt u publiceren; deze peiling is { $state }.
staff-publish-not-published = De uitkomsten van deze peiling zijn nog niet gepubliceerd; publiceer ze eerst.

## De uitkomstenpagina van een peiling (medewerkers).
staff-results-link = Uitkomsten
staff-results-title = Uitkomsten: { $title }
staff-results-counts-heading = Antwoorden per kanaal
staff-results-counts-intro = { $count ->
        [one] Tot nu toe 1 antwoord.
       *[other] Tot nu toe { $count } antwoorden.
    } Alleen aantallen: de antwoorden zijn voor onderzoekers.
staff-results-col-responses = Antwoorden
staff-results-no-channel = Geen kanaal (directe link)
staff-results-published-heading = Gepubliceerd
staff-results-published-at = Gepubliceerd op { $at }.
staff-results-public-link = Bekijk de openbare uitkomstenpagina
staff-results-quotes-heading = Citaten
staff-results-updates-heading = Nieuws
staff-results-update-heading = Nieuws toevoegen: wat heeft u sindsdien gedaan?
staff-results-update-intro = Het staat op de uitkomstenpagina en wordt geplaatst op de kanalen van de peiling. Niemand krijgt een e-mail: de adressen zijn gewist toen de uitkomsten verstuurd zijn.
staff-results-text-nl = Nieuws in het Nederlands
staff-results-text-en = Nieuws in het Engels (niet verplicht)
staff-results-update-submit = Nieuws toevoegen
staff-results-publish-heading = De uitkomsten publiceren
staff-results-publish-intro = Vertel wat u met de antwoorden deed, kies een paar citaten, controleer, bekijk het voorbeeld van de pagina en publiceer. Dan komt de uitkomstenpagina online, krijgen bewoners die erom vroegen een e-mail en verschijnen de uitkomsten op de kanalen van de peiling.
staff-results-summary-nl = U zei, wij deden (Nederlands)
staff-results-summary-help = Schrijf voor iedereen: korte zinnen en gewone woorden (B1). "Controleren" geeft tips.
staff-results-summary-en = U zei, wij deden (Engels, niet verplicht)
staff-results-hints-heading = Tips voor duidelijke taal
staff-results-quotes-legend = Citaten om te tonen
staff-results-quotes-help = Open antwoorden, waaruit e-mailadressen, telefoonnummers, adressen, BSN's en IBAN's al zijn weggehaald. Lees elk citaat voordat u het kiest.
staff-results-no-open-answers = Er zijn geen open antwoorden om te citeren.
staff-results-preview-heading = De citaten zoals ze getoond worden
staff-results-check = Controleren
staff-results-publish = Publiceren
staff-results-published = De uitkomsten zijn gepubliceerd.
staff-results-updated = Het nieuws is toegevoegd en wordt op de kanalen geplaatst.
staff-results-days-heading = Antwoorden per dag
staff-results-col-day = Dag
staff-results-export-heading = De geanonimiseerde gegevens downloaden
staff-results-export-intro = Elke download is geanonimiseerd (zeldzame combinaties van profielantwoorden worden *, persoonsgegevens gaan uit open antwoorden) en komt in het logboek. Zolang de peiling open is, zijn de gegevens voorlopig.
staff-results-export-csv = CSV (Excel, R, Python)
staff-results-export-xlsx = Excel-werkmap met codeboek
staff-results-export-json = JSON met codeboek
staff-results-export-sps = SPSS-syntaxis voor de CSV (bewaar de CSV ernaast)
staff-feedback-overdue = Terugkoppeling te laat sinds { $since }: publiceer wat u met de antwoorden deed.
staff-follow-up-due = Beloofde update van { $day } staat er nog niet: schrijf wat er met de antwoorden is gedaan.
staff-builder-standard = Standaardvragen over de bewoner
staff-builder-standard-help = Met één klik, in de talen van de peiling. De bewoner mag elke vraag overslaan en ziet eronder waarom we die stellen. Ze tellen niet mee voor het maximum aantal vragen, en exports beschermen de antwoorden zoals bij elke vraag over de bewoner (k-anonimiteit).
staff-builder-standard-age = Vraag naar de leeftijd
staff-builder-standard-age-help = In de leeftijdsgroepen van het CBS: jonger dan 15, 15–24, 25–44, 45–64, 65 of ouder. Met bevolkingscijfers van de doelgroep kan de export naar leeftijd wegen.
staff-builder-standard-neighbourhood = Vraag naar de wijk
staff-builder-standard-neighbourhood-help = De keuzes zijn de wijken van { $audience }: { $neighbourhoods }.
staff-builder-standard-neighbourhood-no-audience = Kies eerst één doelgroep en klik op "Voorbeeld en tips bekijken": dan kunt u ook naar de wijk vragen, als voor die doelgroep wijken zijn ingesteld.
staff-builder-standard-neighbourhood-several = Een peiling voor meer doelgroepen kan niet naar de wijk vragen: elke gemeente heeft andere wijken. Kies één gemeente, of stel zelf een vraag over de wijk.
staff-builder-standard-neighbourhood-no-list = Voor { $audience } zijn geen wijken ingesteld. Een beheerder zet ze in de configuratie: neighbourhoods bij [[audiences]].
staff-builder-first-time = Vraag of dit hun eerste peiling is
staff-builder-first-time-help = De antwoorden laten op de uitkomstenpagina zien of de peiling ook nieuwe mensen bereikte.
staff-builder-standard-heard-via = Vraag hoe ze over de peiling hoorden
staff-builder-standard-heard-via-help = De link van elk kanaal (?c=) laat al zien waar een bezoek vandaan kwam. Deze vraag bereikt ook wie het hoorde van familie, vrienden of buren.
staff-results-first-time = { $yes } van de { $answered } die antwoord gaven, zeiden dat het hun eerste peiling was.
staff-results-first-time-withheld = Te weinig mensen beantwoordden de vraag "eerste peiling?" om aantallen te tonen.
staff-results-mail-heading = De e-mail die bewoners krijgen die erom vroegen
staff-results-mail-subject = Onderwerp:
# Het voorbeeld van de openbare uitkomstenpagina, voordat die gepubliceerd is.
staff-results-preview-page = Voorbeeld van de openbare pagina
staff-results-preview-banner-heading = Voorbeeld — nog niet gepubliceerd
staff-results-preview-banner-text = Zo zien inwoners de uitkomstenpagina zodra u publiceert. Er is nog niets opgeslagen, gepubliceerd of verstuurd.
staff-results-preview-language = Taal van het voorbeeld
staff-results-preview-show = Tonen
staff-results-preview-back = Terug naar het formulier

# De herinnering aan de eigenaar van een peiling als de uitkomsten te laat zijn (medewerkers).
mail-overdue-subject = Uitkomsten te laat: { $title }
mail-overdue-text = De peiling "{ $title }" sloot { $days } dagen geleden, en de uitkomsten zijn nog niet gepubliceerd. Bewoners is terugkoppeling beloofd: publiceer wat u met hun antwoorden deed, ook als er nog niets kan. { $link }
mail-follow-up-subject = Beloofde terugkoppeling: { $title }
mail-follow-up-text = Bij de peiling "{ $title }" is bewoners beloofd dat ze op { $day } lezen wat er met hun antwoorden is gedaan. Die dag is gekomen, en er staat nog geen update. Schrijf wat er is gedaan, ook als het nog niet af is. { $link }

# Bereik (issue 12): wie missen we, gewogen resultaten, het regionale bereikoverzicht.
staff-reach-missing-heading = Wie missen we?
staff-reach-missing-intro = De deelnemers tot nu toe vergeleken met de inwoners, per profielvraag. Alleen de antwoorden op de profielvragen worden geteld, samen; groepen van minder dan { $k } deelnemers staan er als <{ $k }.
staff-reach-index-help = De representatie-index is het aandeel van een groep onder de deelnemers gedeeld door haar aandeel onder de inwoners: 1 is naar verhouding, onder 0,8 telt als ondervertegenwoordigd.
staff-reach-illustrative = Illustratieve cijfers
staff-reach-illustrative-text = De bevolkingscijfers zijn illustratief, geen officiële statistiek. Elke vergelijking ermee is dus ook illustratief.
staff-reach-no-population = De doelgroep van deze peiling heeft geen bevolkingscijfers. Er is dus niets om de deelnemers mee te vergelijken.
staff-reach-no-profile = De peiling stelt geen van de profielvragen waar de bevolkingscijfers over gaan ({ $questions }). Er is dus niets om de deelnemers mee te vergelijken.
staff-reach-margin-caption = { $question }: deelnemers vergeleken met de inwoners
staff-reach-col-group = Groep
staff-reach-col-respondents = Deelnemers
staff-reach-col-respondent-share = Aandeel deelnemers
staff-reach-col-population-share = Aandeel inwoners
staff-reach-col-index = Representatie-index
staff-reach-under = ondervertegenwoordigd
staff-reach-index-below = onder { $bound }
staff-reach-no-value = –
staff-reach-withheld = Minder dan { $k } deelnemers beantwoordden deze vraag: geen cijfers om te tonen.
staff-reach-other = Deelnemers met een antwoord dat niet in de bevolkingscijfers staat: { $count }.
staff-reach-dissimilarity = Ongelijkheidsindex: { $value } (0 betekent dat de deelnemers op de inwoners lijken, 1 dat er geen overlap is).
staff-reach-channels-heading = Waar de ondervertegenwoordigde groepen vandaan kwamen
staff-reach-channels-caption = { $group } ({ $question }, index { $index }): deelnemers per kanaal
staff-reach-channels-none = Uit deze groep heeft nog niemand meegedaan.
staff-reach-missing-none = Tot nu toe is geen groep ondervertegenwoordigd.
staff-reach-reminder-text = Wilt u deze groepen bereiken? Plaats een herinnering op de kanalen die hen binnenbrengen, of op kanalen waar zij zijn.
staff-reach-reminder-link = Plaats een herinnering
staff-reach-weighted-heading = Gewogen en ongewogen resultaten
staff-reach-weighted-intro = Ongewogen aandelen tellen elke deelnemer één keer. Gewogen aandelen corrigeren voor wie meedeed: deelnemers uit groepen die minder antwoordden dan hun aandeel onder de inwoners tellen zwaarder, zodat de profielvragen kloppen met de bevolking. Bij elk aandeel staat de foutmarge (95%).
staff-reach-weights-no-profile = De peiling stelt geen van de profielvragen waar de bevolkingscijfers over gaan. De antwoorden kunnen dus niet gewogen worden.
staff-reach-why-weighted = Gewogen cijfers staan voorop: de gewichten kloppen op elke profielvraag met de bevolking, en geen deelnemer telt voor meer dan { $cap } gemiddelde deelnemers.
staff-reach-why-capped = Ongewogen cijfers staan voorop: binnen de grens van { $cap } keer het gemiddelde gewicht kunnen de gewichten niet kloppen met de bevolking (ze wijken tot { $deviation } af). De gewogen cijfers zijn dus niet betrouwbaar.
staff-reach-why-not-converged = Ongewogen cijfers staan voorop: de gewichten kwamen na { $rounds } rondes niet tot rust. De gewogen cijfers zijn dus niet betrouwbaar.
staff-reach-show-weighted = Toon gewogen cijfers eerst
staff-reach-show-unweighted = Toon ongewogen cijfers eerst
staff-reach-weights-overall = { $rows } deelnemers; effectieve steekproefomvang { $ess } (Kish), designeffect { $deff }.
staff-reach-weights-empty = Niemand uit de groep "{ $group }" ({ $question }) deed mee: wegen kan dat niet goedmaken.
staff-reach-question-summary = { $answered } beantwoord; effectieve steekproefomvang { $ess }, designeffect { $deff }.
staff-reach-weighted-caption = { $question }: aandelen met hun foutmarge (95%)
staff-reach-col-option = Antwoord
staff-reach-col-weighted = Gewogen aandeel
staff-reach-col-unweighted = Ongewogen aandeel
staff-reach-share-moe = { $share } ± { $moe } procentpunt
staff-nav-reach = Bereik
staff-reach-dashboard-title = Wie bereikten we?
staff-reach-dashboard-intro = Alle reacties van { $from } tot en met { $to }, per gemeente en voor de regio. Alleen de antwoorden op de profielvragen worden geteld, samen; groepen van minder dan { $k } tonen geen cijfers.
staff-reach-dashboard-help = Een gemeente telt de peilingen voor haar eigen inwoners; de regio telt elke peiling in de regio. De ongelijkheidsindex is het gemiddelde over leeftijdsgroep en wijk: 0 betekent dat de deelnemers op de inwoners lijken, 1 dat er geen overlap is. Daalt de index, dan bereiken de peilingen een bredere kring.
staff-reach-overview-caption = Reacties en nieuwe deelnemers in de afgelopen 12 maanden
staff-reach-col-area = Gebied
staff-reach-col-first-time = Voor het eerst mee
staff-reach-first-time = { $share } ({ $yes } van de { $answered } die antwoordden)
staff-reach-first-time-few = minder dan { $k } zeiden ja of nee, van de { $answered } die antwoordden
staff-reach-first-time-withheld = minder dan { $k } antwoordden
staff-reach-first-time-none = niemand beantwoordde de vraag
staff-reach-area-no-population = Voor dit gebied zijn er geen bevolkingscijfers. Er is dus niets om mee te vergelijken.
staff-reach-area-no-age = De bevolkingscijfers van dit gebied hebben geen leeftijdsgroepen.
staff-reach-ages-caption = { $area }: deelnemers per leeftijdsgroep vergeleken met de inwoners
staff-reach-trend-caption = { $area }: ongelijkheidsindex per kwartaal
staff-reach-col-quarter = Kwartaal
staff-reach-col-dissimilarity = Ongelijkheidsindex
staff-reach-trend-too-few = te weinig reacties
