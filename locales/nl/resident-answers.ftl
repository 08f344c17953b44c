## Why an answer was not accepted, shown next to the question (flits_survey::answers, `answer-{code}`).
## Every message exists in nl, en, tr, pl and ar.

answer-required = Deze vraag is verplicht. Geef een antwoord.
answer-unknown-question = Deze vraag hoort niet bij deze peiling.
answer-wrong-type = { $kind ->
    [single_choice] Kies één van de antwoorden.
    [multi_choice] Kies een of meer van de antwoorden.
    [scale] Kies een getal van { $min } tot { $max }.
   *[open_text] Typ hier uw antwoord als tekst.
}
answer-unknown-option = "{ $value }" is geen van de antwoorden bij deze vraag. Kies een antwoord uit de lijst.
answer-duplicate-choice = U heeft "{ $value }" meer dan één keer gekozen. Kies elk antwoord maar één keer.
answer-too-many-choices = { $kind ->
    [single_choice] Kies hier maar één antwoord.
   *[multi_choice] U kunt hier niet meer dan { $max ->
        [one] 1 antwoord
       *[other] { $max } antwoorden
    } kiezen. U koos er { $chosen }.
}
answer-not-an-integer = Kies een heel getal van { $min } tot { $max }.
answer-out-of-range = Kies een getal van { $min } tot { $max }. Het getal { $value } valt daarbuiten.
answer-too-long = Uw antwoord is { $length } tekens lang. Het mag niet langer zijn dan { $max } tekens. Maak het { $over ->
    [one] 1 teken
   *[other] { $over } tekens
} korter.
answer-control-characters = Uw antwoord heeft onzichtbare tekens die we niet kunnen bewaren. Typ het opnieuw, of plak het als gewone tekst.
