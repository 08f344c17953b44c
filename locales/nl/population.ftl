# Bevolkingscijfers per doelgroep (flits population), voor beheerders.

# Een probleem in een bevolkingsbestand, met de regel waar het staat.
population-line = regel { $line }: { $problem }
population-unreadable = Het bestand kan niet gelezen worden ({ $reason }). Is het tekst in UTF-8?
population-csv = deze regel is geen geldige CSV (let op de aanhalingstekens).
population-empty = Het bestand bevat geen aantallen: na de kopregel question,option,count volgt per regel een vraag, een optie en een aantal.
population-header = de kopregel moet question,option,count zijn, niet "{ $found }".
population-fields = op een regel horen 3 velden (vraag, optie, aantal), niet { $found }.
population-empty-id = de vraag en de optie hebben allebei een id nodig.
population-count = "{ $value }" is geen aantal inwoners: gebruik een heel getal van 0 of meer, zonder punt of komma.
population-duplicate = { $question },{ $option } staat al op regel { $first_line }.
population-zero-total = vraag { $question } heeft in geen enkele optie inwoners.
population-unknown-key = onbekend gegeven "{ $key }": gebruik source, reference_date of illustrative.
population-repeated-key = "{ $key }" staat er twee keer in.
population-empty-value = "{ $key }" heeft geen waarde.
population-reference-date = peildatum "{ $value }" is geen datum als 2025-01-01.
population-illustrative = illustrative moet true of false zijn, niet "{ $value }".
population-missing-source = Het bestand noemt geen bron: zet bovenaan een regel als "# source: CBS StatLine 03759ned".
population-missing-reference-date = Het bestand noemt geen peildatum: zet bovenaan een regel als "# reference_date: 2025-01-01".

# flits population import en list
population-cli-cannot-read = { $file } kan niet gelezen worden: { $reason }
population-cli-invalid =
    { $file } is niet opgeslagen: { $count ->
        [one] 1 fout
       *[other] { $count } fouten
    } hierboven. De cijfers die er al waren, blijven staan.
population-cli-unknown-audience = Doelgroep "{ $audience }" bestaat niet; er is niets opgeslagen. Bekende doelgroepen: { $known }.
population-cli-no-audiences = (nog geen)
population-cli-unstorable = { $file } is niet opgeslagen: een aantal is te groot om op te slaan.
population-cli-stored = Bevolkingscijfers opgeslagen voor { $name } ({ $audience }).
population-cli-replaced = Ze vervangen de cijfers met peildatum { $reference_date } uit "{ $source }".
population-cli-source = bron
population-cli-reference-date = peildatum
population-cli-imported = geïmporteerd
population-cli-illustrative = ILLUSTRATIEF: geen officiële cijfers. Elke vergelijking met deze cijfers wordt zo gemarkeerd.
population-cli-question =
    { $question }: { $options ->
        [one] 1 optie
       *[other] { $options } opties
    }, totaal { $total }
population-cli-none = Er zijn nog geen bevolkingscijfers. Importeer ze met: flits population import BESTAND --audience ID
population-cli-via-cli = via de opdrachtregel
population-cli-via-cli-by = via de opdrachtregel, door { $operator }
population-cli-via-demo = door flits demo
population-cli-by = door { $email }
