# Exports, voor beheerders en onderzoekers.

export-cli-unknown-format = Onbekend exportformaat "{ $format }". Gebruik csv, json, xlsx of sps.
export-cli-unknown-poll = Er is geen peiling met adres { $slug }.
export-cli-cannot-write = Kan { $file } niet schrijven.
export-cli-provisional = Voorlopig: peiling { $slug } is nog niet gesloten, dus de antwoorden kunnen nog veranderen.
export-cli-done =
    { $rows ->
        [one] 1 antwoord
       *[other] { $rows } antwoorden
    } geëxporteerd; { $suppressed } { $suppressed ->
        [one] profielwaarde
       *[other] profielwaarden
    } vervangen door * zodat elke combinatie minstens { $k } keer voorkomt.
