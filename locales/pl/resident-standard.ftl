# Standard questions the builder offers, written into a poll's definition in its languages.
# Each has a reason (…-help) that the poll page shows under the question. Option ids are fixed in
# flits-survey (standard.rs); population files use the same ids.

## Age group, in the age bands of CBS
standard-age-question = Ile masz lat?
standard-age-help = Dzięki temu widzimy, czy biorą udział osoby w każdym wieku.
standard-age-tot15 = Poniżej 15 lat
standard-age-15-24 = Od 15 do 24 lat
standard-age-25-44 = Od 25 do 44 lat
standard-age-45-64 = Od 45 do 64 lat
standard-age-65plus = 65 lat lub więcej

## Neighbourhood: the options are the wijken configured for the poll's audience
standard-neighbourhood-question = W której dzielnicy mieszkasz?
standard-neighbourhood-help = Dzięki temu widzimy, czy biorą udział mieszkańcy wszystkich dzielnic.

## First time taking part
standard-first-time-question = Czy pierwszy raz bierzesz udział w ankiecie lub konsultacjach gminy?
standard-first-time-help = Dzięki temu widzimy, czy docieramy też do nowych osób.
standard-first-time-yes = Tak, pierwszy raz
standard-first-time-no = Nie, to nie pierwszy raz

## How they heard of the poll (the link of a channel already says where a click came from)
standard-heard-via-question = Skąd wiesz o tej ankiecie?
standard-heard-via-help = Dzięki temu wiemy, jak dotrzeć do Ciebie następnym razem.
standard-heard-via-social = Z mediów społecznościowych
standard-heard-via-poster = Z plakatu lub kodu QR
standard-heard-via-website = Z newslettera lub strony internetowej
standard-heard-via-krant = Z lokalnej gazety
standard-heard-via-mond = Od rodziny, przyjaciół lub sąsiadów
standard-heard-via-anders = W inny sposób
