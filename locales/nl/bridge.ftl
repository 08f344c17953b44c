# The social-media bridge, for staff and operators: why a post failed, and `flits channel`.

bridge-error-rate-limited = Het platform krijgt even te veel berichten van ons (HTTP 429). Flits probeert het over { $seconds } seconden opnieuw.
bridge-error-server = Het platform heeft een storing (HTTP { $status }). Flits probeert het later opnieuw. { $message }
bridge-error-timeout = Het platform antwoordde niet op tijd. Flits probeert het opnieuw; het bericht komt er niet twee keer op.
bridge-error-connection = De verbinding met het platform viel weg. Flits probeert het opnieuw; het bericht komt er niet twee keer op.
bridge-error-bad-response = Het platform gaf een onleesbaar antwoord (HTTP { $status }). Flits probeert het opnieuw.
bridge-error-refused = Het platform weigert het bericht (HTTP { $status }): { $message }
bridge-error-missing-secret = De omgevingsvariabele { $variable } is niet gezet. Zonder dit geheim kan Flits niet posten.
bridge-error-secret-file = Het bestand uit { $variable } is niet te lezen: { $reason }
bridge-error-missing-setting = Het kanaal mist de instelling { $setting }.
bridge-error-templates = De berichtsjablonen van Flits zijn kapot: { $reason }
bridge-error-content = Flits kan van deze peiling geen bericht maken dat past: { $reason }

bridge-list-empty = Er zijn geen kanalen ingesteld. Zet ze onder [[channels]] in de configuratie.
bridge-list-id = kanaal
bridge-list-kind = soort
bridge-list-target = bestemming
bridge-list-native-poll = eigen peiling
bridge-list-secrets = geheimen
bridge-secret-set = { $variable } gezet
bridge-secret-missing = { $variable } ONTBREEKT
bridge-yes = ja
bridge-no = nee

bridge-test-ok = Kanaal { $channel }: de inloggegevens werken (account { $account }).
bridge-test-ok-nothing-to-check = Kanaal { $channel }: de instellingen zijn compleet. Dit soort kanaal heeft geen account om te controleren.
bridge-test-failed = Kanaal { $channel }: controle mislukt. { $reason }
bridge-test-unknown = Er is geen kanaal { $channel }. Ingesteld: { $known }

bridge-error-not-configured = Dit kanaal is niet (meer) ingesteld, of kon niet worden opgezet toen Flits startte. Controleer de instellingen en de geheimen van het kanaal.
bridge-error-unknown-purpose = Een nieuwere versie van Flits maakte dit bericht. Werk Flits bij om het te versturen.
bridge-error-waiting-for-announcement = Flits wacht tot de aankondiging op dit kanaal is geplaatst, en reageert daarop.
bridge-error-other = { $message }
bridge-gave-up = Flits is gestopt na { $attempts } pogingen.
