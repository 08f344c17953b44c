# Standard questions the builder offers, written into a poll's definition in its languages.
# Each has a reason (…-help) that the poll page shows under the question. Option ids are fixed in
# flits-survey (standard.rs); population files use the same ids.

## Age group, in the age bands of CBS
standard-age-question = Hoe oud bent u?
standard-age-help = Zo zien we of mensen van alle leeftijden meedoen.
standard-age-tot15 = Jonger dan 15 jaar
standard-age-15-24 = 15 tot en met 24 jaar
standard-age-25-44 = 25 tot en met 44 jaar
standard-age-45-64 = 45 tot en met 64 jaar
standard-age-65plus = 65 jaar of ouder

## Neighbourhood: the options are the wijken configured for the poll's audience
standard-neighbourhood-question = In welke wijk woont u?
standard-neighbourhood-help = Zo zien we of mensen uit alle wijken meedoen.

## First time taking part
standard-first-time-question = Doet u voor het eerst mee aan een peiling of inspraak van de gemeente?
standard-first-time-help = Zo zien we of we ook nieuwe mensen bereiken.
standard-first-time-yes = Ja, de eerste keer
standard-first-time-no = Nee, ik deed al eens mee

## How they heard of the poll (the link of a channel already says where a click came from)
standard-heard-via-question = Hoe hoorde u over deze peiling?
standard-heard-via-help = Zo weten we hoe we u de volgende keer goed bereiken.
standard-heard-via-social = Via sociale media
standard-heard-via-poster = Via een poster of QR-code
standard-heard-via-website = Via de nieuwsbrief of de website
standard-heard-via-krant = Via de lokale krant
standard-heard-via-mond = Van familie, vrienden of buren
standard-heard-via-anders = Op een andere manier
