## Texts residents read on the poll pages, in plain Dutch (B1). Every message exists in nl, en,
## tr, pl and ar. Arguments: $title (a poll's title), $count, $minutes and $days (numbers),
## $date and $time (already written in the page's language), $link (an address).

## The frame of every page
skip-to-content = Naar de inhoud
language-switch-label = Kies een taal

## The poll form
required = verplicht
optional = mag u overslaan
submit = Verstuur mijn antwoorden
error-summary = Er ging iets mis. Kijk de vragen hieronder na.
page-title-error = Fout: { $title }
duration =
    { $minutes ->
        [one] Het kost u ongeveer 1 minuut.
       *[other] Het kost u ongeveer { $minutes } minuten.
    }
max-choices = Kies er hoogstens { $count }.
max-length = Hoogstens { $count } tekens.
form-expired = Dit formulier was verlopen. Uw antwoorden staan er nog. Kijk ze na en verstuur ze opnieuw.
form-foreign = Dit formulier hoort niet bij deze peiling. Uw antwoorden staan er nog. Kijk ze na en verstuur ze opnieuw.

## What happens to the answers
privacy-heading = Wat gebeurt er met uw antwoorden?
privacy-anonymous = Uw antwoorden zijn anoniem. We vragen niet om uw naam of e-mailadres.
privacy-kept = We bewaren alleen uw antwoorden en de datum. En de taal van de pagina en hoe u hier kwam. Dat kan bijvoorbeeld Facebook zijn, of een poster. Het tijdstip bewaren we niet.
privacy-not-kept = We bewaren niet uw IP-adres, niet uw browser en niet wie u bent.
privacy-cookie = Iedereen kan één keer meedoen. Daarom zetten we na het versturen een cookie in uw browser. Daarin staat alleen dat deze browser heeft meegedaan. Er staan geen antwoorden in. Het cookie verdwijnt na { $days } dagen.
privacy-language = Kiest u een andere taal? Dan onthoudt een tweede cookie alleen die taal.
privacy-address = Niemand mag de peiling overspoelen. Daarom tellen we hoe vaak er vanaf één netwerk is meegedaan. Het adres van dat netwerk bewaren we niet. We maken er een code van met een geheime sleutel. Die sleutel staat alleen in het geheugen van de server. Elke nacht komt er een nieuwe sleutel en gooien we de codes weg. Niemand kan een code terugrekenen naar uw adres. Wij ook niet.
privacy-who = Alleen medewerkers van de gemeente zien de antwoorden. Delen we ze? Dan halen we eerst alles weg waaraan iemand te herkennen is.

## Pages instead of the form
unknown-heading = Deze peiling bestaat niet
unknown-text = Misschien is de link niet helemaal goed overgenomen. Kijk de link nog eens na.
not-open-heading = Deze peiling is nog niet open
opens-at = U kunt meedoen vanaf { $date } om { $time }.
opens-soon = U kunt binnenkort meedoen.
closed-heading = Deze peiling is gesloten
closed-at = Deze peiling is gesloten op { $date } om { $time }.
closed = Deze peiling is gesloten.
see-results = Bekijk de uitkomsten
already-heading = U hebt al meegedaan
already-text = Met deze browser zijn de antwoorden op deze peiling al verstuurd. Iedereen kan één keer meedoen. Bedankt!
already-link = Wat gebeurt er met de antwoorden?
not-saved-heading = Uw antwoorden zijn niet bewaard
not-saved-text = Er ging bij ons iets mis. Ga terug en probeer het over een paar minuten opnieuw.
thanks-heading = Bedankt!
thanks-text = We hebben uw antwoorden goed ontvangen. Fijn dat u meedeed!

## Too many answers at once ($when is minute, minutes or tomorrow)
limit-cap-heading = Vandaag kan er niet vaker worden meegedaan vanaf dit netwerk
limit-cap-text = Vanaf uw internet zijn vandaag al heel veel antwoorden op deze peiling gestuurd. Zo kan niemand de peiling overspoelen. We stoppen daarom voor vandaag.
limit-cap-retry =
    { $when ->
        [minute] We hebben uw antwoorden niet bewaard. Probeer het over een minuut opnieuw, of via een ander netwerk.
        [minutes] We hebben uw antwoorden niet bewaard. Probeer het over { $minutes } minuten opnieuw, of via een ander netwerk.
       *[tomorrow] We hebben uw antwoorden niet bewaard. Probeer het morgen opnieuw, of via een ander netwerk.
    } Denk aan thuis of aan mobiele data.
limit-busy-heading = Even te druk
limit-busy-text = Er komen op dit moment te veel antwoorden tegelijk binnen.
limit-busy-retry =
    { $when ->
        [minute] We hebben uw antwoorden niet bewaard. Wacht een minuut en verstuur ze dan opnieuw.
        [minutes] We hebben uw antwoorden niet bewaard. Wacht { $minutes } minuten en verstuur ze dan opnieuw.
       *[tomorrow] We hebben uw antwoorden niet bewaard. Verstuur ze morgen opnieuw.
    } Ga terug met de knop van uw browser. Uw antwoorden staan er dan meestal nog.

## The printed poster
poster-call = Doe mee: scan de code met de camera van uw telefoon
poster-qr-alt = QR-code met de link { $link }
poster-link-label = Of typ deze link over:

## Messages of the JSON submit API (for apps that show them to residents)
api-rate-limited = Er komen te veel antwoorden binnen. Probeer het over { $seconds } seconden opnieuw.
api-too-large = Het bericht is te groot. Het mag hoogstens { $bytes } bytes zijn.
api-request-timeout = Het bericht kwam te langzaam binnen. Probeer het opnieuw.
api-wrong-type = Stuur het bericht als application/json.
api-invalid-json = Het bericht is geen geldige JSON in de afgesproken vorm.
api-invalid-submission-id = De submission_id moet 1 tot 64 letters, cijfers, - of _ zijn. Gebruik bijvoorbeeld een UUID.
api-unknown-poll = Er is geen peiling met dit adres.
api-not-open-yet = Deze peiling is nog niet open.
api-closed = Deze peiling is gesloten.
api-unavailable = De peiling kan uw antwoord nu even niet opslaan. Probeer het over een paar seconden opnieuw.
api-invalid-answers = Niet alle antwoorden kloppen.

## The thank-you page: the results by e-mail ($days: how long an address waits for the results)
feedback-heading = Wilt u de uitkomst per e-mail?
feedback-text = Als de uitkomst klaar is, sturen we u één e-mail. Daarin leest u wat we met de antwoorden doen.
feedback-email-label = Uw e-mailadres
feedback-privacy = We bewaren uw e-mailadres apart van uw antwoorden. Niemand kan ze aan elkaar koppelen. We gebruiken het adres alleen voor deze ene e-mail. Daarna wissen we het. Is de uitkomst er na { $days } dagen nog niet? Dan wissen we het adres ook.
feedback-submit = Stuur mij de uitkomst
feedback-error-summary = Er ging iets mis.
feedback-invalid = Dit e-mailadres klopt niet. Kijk het na. Een e-mailadres ziet er zo uit: naam@voorbeeld.nl
feedback-done-heading = We sturen u de uitkomst
feedback-done-text = Als de uitkomst klaar is, krijgt u één e-mail van ons. Daarna wissen we uw e-mailadres. Is de uitkomst er na { $days } dagen nog niet? Dan wissen we het adres ook.
feedback-not-taken-part-heading = Eerst meedoen
feedback-not-taken-part-text = Alleen wie heeft meegedaan, kan de uitkomst per e-mail krijgen. De uitkomst komt later ook op deze website.
feedback-published-heading = De uitkomst is al klaar
feedback-limit-heading = Even te veel e-mailadressen
feedback-limit-text =
    { $when ->
        [minute] We hebben uw e-mailadres niet bewaard. Probeer het over een minuut opnieuw.
        [minutes] We hebben uw e-mailadres niet bewaard. Probeer het over { $minutes } minuten opnieuw.
       *[tomorrow] Vanaf uw internet zijn vandaag al veel e-mailadressen opgegeven. We hebben uw e-mailadres niet bewaard. Probeer het morgen opnieuw.
    } De uitkomst komt later ook op deze website.

resident-embed-cta = Doe mee aan de peiling
resident-embed-more = Meer over de peiling
