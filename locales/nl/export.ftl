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

# The codebook text of the weight column (export formats; analysts).
export-weight-note = Weegfactoren (iteratief proportioneel passen, raking) naar de bevolking van de doelgroep van de peiling over { $questions }, berekend uit de waarden die deze export toont (een * telt als niet beantwoord), afgetopt op { $cap } keer het gemiddelde, gemiddeld 1. Geconvergeerd: { $converged ->
        [true] ja
       *[other] nee
    }. Grootste gewicht: { $max }.{ $illustrative ->
        [yes] {" "}De bevolkingscijfers zijn illustratief, niet officieel.
       *[other] {""}
    }
export-responses-deleted = De antwoorden van peiling { $slug } zijn op { $date } verwijderd, omdat de bewaartermijn voorbij was. Alleen de gepubliceerde cijfers zijn bewaard.
