## Who a poll speaks for, what residents read before answering, the thank-you page's sharing,
## the poster, and what the law asks: the privacy page and the accessibility statement. Plain
## Dutch (B1): the privacy and accessibility texts pass the project's own checker.
## Arguments: $org and $region (names), $title (a poll's title), $date and $time (already in the
## page's language), $minutes, $months, $days, $hours and $k (numbers), $link, $host, $email and
## $phone (as written), $number (a question's number), $message (a message about one question).

## The frame of every page
footer-privacy = Privacy
footer-accessibility = Toegankelijkheid
sender-region = De gemeenten van { $region }

## Before answering
open-until = U kunt meedoen tot { $date }, { $time } uur.
privacy-summary-anonymous = Uw antwoorden zijn anoniem: we vragen niet wie u bent.
privacy-summary-use = { $org } gebruikt ze alleen voor deze peiling.
privacy-summary-use-until = { $org } gebruikt ze alleen voor deze peiling en wist ze na { $months } maanden.
privacy-more = Meer over privacy
error-summary-link = Vraag { $number }: { $message }

## Pages instead of the form
not-open-heading-named = { $title }: nog niet open
page-unknown-heading = Deze pagina bestaat niet
page-unknown-text = Misschien is de link niet helemaal goed overgenomen. Kijk de link nog eens na.
page-unknown-link = Bekijk alle peilingen

## The thank-you page
thanks-results-where = Bewaar deze link. Daar komt de uitkomst te staan:
thanks-back-website = Terug naar de website van { $org }
thanks-back-overview = Bekijk andere peilingen
share-heading = Vraag anderen om mee te doen
share-intro = Hoe meer mensen meedoen, hoe beter we weten wat er leeft.
share-button = Delen
share-whatsapp = Delen via WhatsApp
share-email = Delen via e-mail
share-text = Doe ook mee met de peiling "{ $title }". Het duurt maar even: { $link }
share-text-short = Doe ook mee met de peiling "{ $title }".
share-email-subject = Doe ook mee: { $title }

## The poster and the link preview
poster-headline-call =
    { $minutes ->
        [one] 1 minuut — doe mee
       *[other] { $minutes } minuten — doe mee
    }
poster-closes = Doe mee tot { $date }, { $time } uur.
preview-call =
    { $minutes ->
        [one] Doe mee, het kost 1 minuut · { $host }
       *[other] Doe mee, het kost { $minutes } minuten · { $host }
    }

## Contact details on the privacy page and the accessibility statement
about-contact-email = E-mail { $org }: { $email }
about-contact-phone = Bel { $org }: { $phone }
about-contact-website = Website van { $org }
about-index-choose = Kies uw gemeente
about-index-link = Kies uw gemeente
privacy-index-heading = Privacy bij de peilingen
a11y-index-heading = Toegankelijkheid van de peilingen

## The privacy page (what GDPR article 13 asks)
privacy-page-heading = Privacy bij de peilingen van { $org }
privacy-page-intro = Bij een peiling vragen we wat u vindt. Hier leest u wat we bewaren en waarom. U leest ook hoe lang we het bewaren. En wat uw rechten zijn.
privacy-page-controller-heading = Wie gaat over uw gegevens?
privacy-page-controller-one = { $org } gaat over uw gegevens bij deze peilingen.
privacy-page-controller-region = De peilingen van { $region } zijn van deze gemeenten samen. Zij gaan samen over uw gegevens:
privacy-page-purpose-heading = Waarom vragen we dit?
privacy-page-purpose = We willen weten wat inwoners vinden. Zo kunnen we betere plannen maken. We gebruiken de antwoorden alleen daarvoor.
privacy-page-basis = Een gemeente werkt voor alle inwoners. Daarom mag ze u om uw mening vragen. Dat staat in de privacywet, de AVG. Het is een taak van de gemeente voor iedereen.
privacy-page-basis-email = Geeft u uw e-mailadres voor de uitkomst? Dat mag alleen als u dat zelf wilt. U kunt dat altijd weer stoppen.
privacy-page-stored-heading = Wat bewaren we?
privacy-page-cookies-heading = Welke cookies gebruiken we?
privacy-page-cookie-form = Opent u de vragen? Dan zetten we het cookie flits_form. Daarin staat alleen een code zonder betekenis. Zo weten we dat uw antwoorden van onze pagina komen. Het cookie verdwijnt na { $hours } uur.
privacy-page-cookie-language = Kiest u een taal? Dan onthoudt het cookie flits_lang alleen die taal. Het cookie verdwijnt na { $days } dagen.
privacy-page-cookies-needed = Deze cookies zijn nodig om de peiling goed te laten werken. We gebruiken geen cookies om u te volgen.
privacy-page-keep-heading = Hoe lang bewaren we het?
privacy-page-keep-answers = We wissen de antwoorden { $months } maanden nadat de uitkomst op deze website staat.
privacy-page-keep-answers-always = We bewaren de antwoorden. Er staat geen naam bij, dus niemand weet van wie ze zijn.
privacy-page-keep-email = Uw e-mailadres wissen we als we u de uitkomst hebben gestuurd. Komt de uitkomst niet binnen { $days } dagen? Dan wissen we het ook.
privacy-page-who-heading = Wie ziet de antwoorden?
privacy-page-results = De uitkomst zetten we op deze website. Daarin staan alleen totalen. Is een groep kleiner dan { $k } mensen? Dan laten we geen getal zien.
privacy-page-rights-heading = Wat zijn uw rechten?
privacy-page-rights = U mag vragen welke gegevens we van u hebben. U mag vragen om ze te verbeteren of te wissen. Vindt u dat we ze niet mogen gebruiken? Dat mag u ook zeggen.
privacy-page-rights-anonymous = Uw antwoorden hebben geen naam. Daarom kunnen we ze niet terugvinden. Uw e-mailadres kunnen we wel wissen. Stuur ons dan een e-mail.
privacy-page-no-automated = Een computer neemt met de antwoorden geen besluit over u.
privacy-page-complaint = Bent u niet tevreden over ons antwoord? Dan kunt u een klacht sturen naar de AP. Die let op privacy in Nederland.
privacy-page-authority = Website van de Autoriteit Persoonsgegevens (AP)
privacy-page-contact-heading = Vragen?
privacy-page-contact = Heeft u een vraag over privacy? Neem dan contact op met { $org }. Elke gemeente heeft ook een eigen adviseur voor privacy. Die let erop dat we ons aan de wet houden.
privacy-page-officer = E-mail de privacy-adviseur van { $org }: { $email }

## The accessibility statement (the model of digitoegankelijk.nl)
a11y-heading = Toegankelijkheidsverklaring
a11y-intro = { $org } wil dat iedereen de peilingen kan gebruiken. Ook mensen met een beperking.
a11y-law = Dat moet ook volgens de wet. De pagina's moeten zich houden aan de regels van WCAG 2.1, niveau A en AA.
a11y-scope-heading = Over welke pagina's gaat dit?
a11y-scope = Deze verklaring gaat over de peilingen van { $org } op deze website. Dus over de vragen, de uitkomsten en de poster.
a11y-status-heading = Hoe ver zijn we?
a11y-status =
    { $status ->
        [a] De pagina's voldoen helemaal aan de regels.
        [b] De pagina's voldoen voor een deel aan de regels.
        [d] De pagina's voldoen nog niet aan de regels.
       *[c] We hebben de eerste stappen gezet. Een deskundige van buiten heeft de pagina's nog niet onderzocht.
    }
a11y-checked-heading = Hoe controleren we dit?
a11y-checked = Bij elke nieuwe versie test een computer alle pagina's met axe-core. We testen ook met alleen een toetsenbord. En op het kleine scherm van een telefoon. De pagina's werken zonder JavaScript.
a11y-known = We kennen nu geen problemen. Ziet u toch iets? Laat het ons weten.
a11y-date = We hebben deze verklaring voor het laatst nagekeken op { $date }.
a11y-feedback-heading = Werkt iets niet?
a11y-feedback = Kunt u iets niet lezen of invullen? Laat het { $org } weten. U krijgt zo snel mogelijk antwoord.
a11y-enforcement-heading = Niet tevreden?
a11y-enforcement = Bent u niet tevreden over ons antwoord? Dan kunt u naar de Nationale ombudsman.
a11y-ombudsman = Website van de Nationale ombudsman
a11y-more = Meer over de regels op digitoegankelijk.nl
