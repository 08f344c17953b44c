## Poll definitions: validation errors and plain-language hints for staff (flits poll validate, the
## builder, the staff API). One message per code of flits_survey (`survey-{code}`, `_` as `-`), with
## the arguments the code carries. Arguments ending in _name, _text or _list are added by
## flits_http::survey_texts from the messages further down.

## Reading the file

survey-unreadable = { $line ->
    [0] Dit is geen geldige { $format }. Kijk de haakjes, aanhalingstekens en het inspringen na.
   *[other] Dit is geen geldige { $format }: kijk bij regel { $line }, kolom { $column }. Kijk de haakjes, aanhalingstekens en het inspringen na.
}
survey-field-unknown = Het veld "{ $field }" bestaat niet in een peiling. Haal het weg of kijk de spelling na.
survey-field-missing = Het veld "{ $field }" ontbreekt. Vul het in.
survey-field-type = Hier hoort { $expected_text }.
survey-kind-unknown = "{ $value }" is geen soort vraag. Kies single_choice, multi_choice, scale of open_text.

## The poll's shape

survey-slug-length = Het webadres (slug) moet { $min } tot { $max } tekens lang zijn; nu zijn het er { $length }.
survey-slug-characters = Het webadres (slug) mag alleen kleine letters (a-z), cijfers en streepjes (-) bevatten. Haal dit weg of vervang het: { $characters_list }.
survey-slug-taken = Dit adres is al in gebruik. Kies een ander.
survey-id-empty = Elke { $what_name } heeft een id nodig (kleine letters, cijfers, - of _).
survey-id-characters = Het id "{ $id }" mag alleen kleine letters (a-z), cijfers, - en _ bevatten. Haal dit weg of vervang het: { $characters_list }.
survey-id-too-long = Het id is { $length } tekens lang; gebruik er hoogstens { $max }.
survey-id-duplicate = { $what ->
    [option] Het id "{ $id }" komt al eerder voor bij deze vraag; geef elke antwoordoptie een eigen id.
   *[question] Het vraag-id "{ $id }" komt al eerder voor; geef elke vraag een eigen id.
}
survey-no-questions = De peiling heeft nog geen vragen. Voeg er minstens één toe.
survey-only-profile-questions = De peiling heeft alleen profielvragen (over de invuller). Voeg minstens één vraag over het onderwerp toe.
survey-too-many-questions = Een flitspeiling heeft hoogstens { $max } vragen (profielvragen tellen niet mee); deze heeft er { $count }. Schrap er { $over }.
survey-too-few-options = Een { $kind_name } heeft minstens { $min } antwoordopties nodig; deze heeft er { $count }.
survey-too-many-options = Een { $kind_name } heeft hoogstens { $max } antwoordopties; deze heeft er { $count }. Voeg opties samen of kies er minder.
survey-options-not-allowed = Een { $kind_name } heeft geen antwoordopties. Haal ze weg of maak er een keuzevraag van.
survey-max-choices-not-allowed = Een maximum aantal keuzes (max_choices) hoort alleen bij een meerkeuzevraag, niet bij een { $kind_name }.
survey-max-choices-out-of-range = Het maximum aantal keuzes moet tussen 1 en het aantal antwoordopties ({ $options }) liggen; nu is het { $value }.
survey-scale-bound-missing = Een schaalvraag heeft een laagste (min) en hoogste (max) waarde nodig, bijvoorbeeld 1 en 5; "{ $field }" ontbreekt.
survey-scale-bounds-reversed = De laagste waarde ({ $min }) moet kleiner zijn dan de hoogste ({ $max }).
survey-scale-too-many-steps = Een schaal van { $min } tot { $max } heeft { $steps } punten; gebruik er hoogstens { $limit } (bijvoorbeeld 0 tot 10).
survey-scale-bounds-not-allowed = "{ $field }" hoort alleen bij een schaalvraag, niet bij een { $kind_name }. Haal het weg.
survey-labels-not-allowed = Woorden bij de uiteinden (labels) horen alleen bij een schaalvraag, niet bij een { $kind_name }.
survey-max-length-not-allowed = Een maximale lengte (max_length) hoort alleen bij een open vraag, niet bij een { $kind_name }.
survey-max-length-out-of-range = De maximale lengte van een antwoord moet tussen 1 en { $limit } tekens liggen; nu is het { $value }.

## Texts and languages

survey-text-empty = { $role_name } is leeg. Vul een tekst in.
survey-text-no-languages = { $role_name } is leeg: geef minstens een Nederlandse tekst, bijvoorbeeld {"{"}nl: "…"{"}"}.
survey-text-too-long = { $role_name } is { $length } tekens lang; het mag hoogstens { $max } tekens zijn. Maak het { $over } tekens korter.
survey-text-characters = { $role_name } bevat tekens die u niet ziet, of die de leesrichting omdraaien: { $characters_list }. Haal ze weg. (Een nieuwe regel mag alleen in een inleiding, een uitleg en de belofte over de terugkoppeling.)
survey-languages-empty = De lijst met talen (languages) is leeg. Noem de talen van de peiling, de standaardtaal eerst. Of laat de lijst weg: dan gelden de talen van de titel.
survey-language-duplicate = { $language_name } staat twee keer in de lijst met talen (languages). Haal er één weg.
survey-dutch-missing = { $field ->
    [languages] Nederlands (nl) staat niet in de lijst met talen (languages). Elke peiling is er in elk geval in het Nederlands.
   *[title] De titel heeft geen Nederlandse tekst. Elke peiling is er in elk geval in het Nederlands.
}
survey-language-code-invalid = { $language_name } is geen taalcode. Gebruik twee kleine letters, zoals nl of en.
survey-language-unsupported = Flits heeft geen teksten in de taal { $language_name }. Kies uit nl (Nederlands), en (Engels), tr (Turks), pl (Pools) en ar (Arabisch).
survey-translation-missing = De vertaling in het { $language_name } ontbreekt. De peiling is er ook in het { $language_name }, dus elke tekst moet dat zijn.
survey-translation-unexpected = Deze tekst is in het { $language_name }, maar de peiling niet. Voeg { $language_name } toe aan de talen van de peiling (languages, of een vertaling van de titel), of haal deze vertaling weg.

## The brief

survey-brief-missing = { survey-brief-part-brief } Dat is nodig voordat u de peiling inplant.
survey-brief-purpose-missing = { survey-brief-part-purpose } Dat is nodig voordat u de peiling inplant.
survey-brief-audiences-missing = { survey-brief-part-audiences } Dat is nodig voordat u de peiling inplant.
survey-brief-feedback-promise-missing = { survey-brief-part-feedback-promise } Dat is nodig voordat u de peiling inplant.
survey-brief-incomplete = { $part_text } Vul dit aan voordat u de peiling inplant.
survey-audience-duplicate = De doelgroep "{ $audience }" staat er twee keer in. Haal er één weg.
survey-audience-unknown = De doelgroep "{ $audience }" bestaat niet. { $known_count ->
    [0] Er zijn nog geen doelgroepen.
   *[other] Bekende doelgroepen: { $known }.
}

## Plain-language hints and the estimate

survey-long-sentence = Zin { $sentence } ("{ $quote }") heeft { $words } woorden; probeer niet meer dan { $limit } woorden te gebruiken.
survey-long-word = Zin { $sentence } ("{ $quote }"): "{ $word }" is een lang woord ({ $letters } letters); kan het korter of in meer woorden?
survey-passive-voice = Zin { $sentence } ("{ $quote }") is een lijdende zin ("{ $phrase }"); schrijf liever wie wat doet, bijvoorbeeld "wij …".
survey-officialese = Zin { $sentence } ("{ $quote }"): schrijf liever "{ $alternative }" in plaats van "{ $phrase }".
survey-hard-to-read = Deze Engelse tekst is moeilijk te lezen (Flesch reading ease { $score }; mik op { $min } of hoger). Maak de zinnen korter en kies kortere woorden.
survey-not-a-question = Dit is geen vraag: eindig met een vraagteken, of begin met wat de inwoner moet doen ("Kies…", "Vertel…").
survey-estimated-time-too-long = Het invullen kost naar schatting { $seconds } seconden; een flitspeiling hoort binnen twee minuten klaar te zijn. Schrap een vraag of maak de teksten korter.

## Names used inside the messages above

survey-kind-single-choice = keuzevraag (één antwoord)
survey-kind-multi-choice = meerkeuzevraag (meer antwoorden)
survey-kind-scale = schaalvraag
survey-kind-open-text = open vraag
survey-role-title = De titel
survey-role-intro = De inleiding
survey-role-feedback-promise = De belofte van terugkoppeling
survey-role-question-text = De vraagtekst
survey-role-help = De uitleg bij de vraag
survey-role-option-text = De tekst van de antwoordoptie
survey-role-scale-label = Het woord bij de schaal
survey-what-question = vraag
survey-what-option = antwoordoptie
survey-brief-part-brief = Er is nog geen brief: het doel, de doelgroep en wat inwoners terughoren.
survey-brief-part-purpose = Het doel ontbreekt: schrijf op wat u met de antwoorden wilt weten of beslissen.
survey-brief-part-audiences = De doelgroep ontbreekt: noem minstens één doelgroep, zoals een gemeente.
survey-brief-part-feedback-promise = De belofte van terugkoppeling ontbreekt: vertel inwoners wanneer en waar ze horen wat u met hun antwoorden doet.
survey-expected-object = een blok met velden, zoals {"{"}id: q1, kind: scale{"}"}
survey-expected-list = een lijst, zoals [a, b]
survey-expected-text = een tekst, of een tekst per taal zoals {"{"}nl: "…", en: "…"{"}"}
survey-expected-boolean = true of false
survey-expected-integer = een heel getal
survey-expected-count = een heel getal van 0 of meer
survey-expected-date = een datum, zoals 2027-03-01
survey-language-nl = Nederlands
survey-language-en = Engels
survey-language-tr = Turks
survey-language-pl = Pools
survey-language-ar = Arabisch
survey-character-space = spatie

## flits poll validate, import and schedule on the command line

survey-report-error = fout
survey-report-hint = tip
survey-report-whole-poll = (peiling)
survey-report-summary = { $valid ->
    [yes] geldig
   *[no] ongeldig
}: { $errors ->
    [one] 1 fout
   *[other] { $errors } fouten
}, { $hints ->
    [one] 1 tip
   *[other] { $hints } tips
}, geschatte tijd { $seconds } seconden
survey-report-file-unreadable = Flits kan { $file } niet lezen: { $reason }
survey-report-not-a-poll = { $file } is geen leesbaar bestand: geen geldige { $format }.
survey-report-invalid = { $file } is geen geldige peiling.
survey-report-not-stored = { $file } is geen geldige peiling; er is niets opgeslagen.

# Uitkomsten publiceren ("u zei, wij deden").
survey-summary-empty = Schrijf wat u met de antwoorden deed ("u zei, wij deden") voordat u publiceert.
survey-too-many-quotes = Kies hoogstens { $max } citaten; u koos er { $count }.
survey-quote-not-open-question = Een citaat moet een antwoord op een open vraag zijn; "{ $question }" is dat niet.
survey-quote-length = Een citaat is 1 tot { $max } tekens lang; dit is { $length } tekens.
