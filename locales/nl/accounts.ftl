## Staff accounts: switching off and on, deleting, every API token, strong passwords

accounts-password-weak = Dit wachtwoord is te makkelijk te raden.
accounts-password-warning-key-rows = Toetsen die op een rij naast elkaar liggen zijn makkelijk te raden.
accounts-password-warning-key-patterns = Korte patronen op het toetsenbord zijn makkelijk te raden.
accounts-password-warning-repeats = Herhalingen zoals "aaa" zijn makkelijk te raden.
accounts-password-warning-repeated-groups = Herhalingen zoals "abcabcabc" zijn nauwelijks moeilijker te raden dan "abc".
accounts-password-warning-top10 = Dit is een van de tien meest gebruikte wachtwoorden.
accounts-password-warning-top100 = Dit is een van de honderd meest gebruikte wachtwoorden.
accounts-password-warning-common = Dit is een veelgebruikt wachtwoord.
accounts-password-warning-similar = Dit lijkt op een veelgebruikt wachtwoord.
accounts-password-warning-sequences = Reeksen zoals abc of 6543 zijn makkelijk te raden.
accounts-password-warning-recent-years = Recente jaartallen zijn makkelijk te raden.
accounts-password-warning-one-word = Eén woord alleen is makkelijk te raden.
accounts-password-warning-dates = Datums zijn vaak makkelijk te raden.
accounts-password-warning-names = Voornamen en achternamen alleen zijn makkelijk te raden.
accounts-password-warning-common-names = Veelvoorkomende voornamen en achternamen zijn makkelijk te raden.
accounts-password-suggest-few-words = Gebruik een paar woorden, maar geen bekende uitdrukking.
accounts-password-suggest-no-symbols-needed = Leestekens, cijfers of hoofdletters zijn niet nodig.
accounts-password-suggest-add-words = Voeg nog een of twee woorden toe. Ongewone woorden zijn beter.
accounts-password-suggest-capitals = Hoofdletters helpen niet veel.
accounts-password-suggest-all-capitals = Alles in hoofdletters is bijna even makkelijk te raden als alles in kleine letters.
accounts-password-suggest-reversed = Woorden achterstevoren zijn niet veel moeilijker te raden.
accounts-password-suggest-substitutions = Voorspelbare vervangingen, zoals "@" voor "a", helpen niet veel.
accounts-password-suggest-longer-pattern = Gebruik een langer patroon op het toetsenbord, met meer bochten.
accounts-password-suggest-no-repeats = Herhaal geen woorden en tekens.
accounts-password-suggest-no-sequences = Vermijd reeksen.
accounts-password-suggest-no-recent-years = Vermijd recente jaartallen.
accounts-password-suggest-no-years = Vermijd jaartallen die met u te maken hebben.
accounts-password-suggest-no-dates = Vermijd datums en jaartallen die met u te maken hebben.

accounts-state = Status
accounts-state-active = actief
accounts-state-disabled = uitgeschakeld sinds { $since }
accounts-actions = Acties
accounts-disable = Uitschakelen
accounts-enable = Inschakelen
accounts-delete = Verwijderen
accounts-delete-confirm = Ik weet het zeker
accounts-delete-confirm-missing = Vink "Ik weet het zeker" aan om { $email } te verwijderen.
accounts-not-yourself = U kunt uw eigen account niet uitschakelen of verwijderen. Vraag een andere beheerder.
accounts-user-not-found = Deze gebruiker bestaat niet.
accounts-users-intro = Een uitgeschakeld account kan meteen niet meer inloggen, en zijn API-sleutels en agendalink werken niet meer. Verwijderen haalt het account en zijn sleutels weg; het auditlog blijft zoals het is.
accounts-login-disabled = Dit account is uitgeschakeld. Vraag een beheerder om het weer in te schakelen.

accounts-tokens-title = Alle API-sleutels
accounts-tokens-link = Alle API-sleutels bekijken
accounts-tokens-intro = Alle API-sleutels van alle gebruikers. De sleutels zelf zijn niet opgeslagen en worden nooit getoond.
accounts-token-owner = Eigenaar
accounts-token-created = Gemaakt
accounts-tokens-none = Er zijn nog geen API-sleutels.
accounts-api-token-not-found = Er is geen API-sleutel met dit id.

accounts-cli-disabled = Uitgeschakeld: { $email }. Sessies, API-sleutels en agendalink werken niet meer.
accounts-cli-already-disabled = { $email } was al uitgeschakeld.
accounts-cli-enabled = Ingeschakeld: { $email }.
accounts-cli-already-enabled = { $email } was niet uitgeschakeld.
accounts-cli-deleted = Verwijderd: { $email }. Het auditlog blijft zoals het is.
accounts-cli-unknown = Er is geen account { $email }.
accounts-cli-password-set = Nieuw wachtwoord opgeslagen voor { $email }. Sessies en agendalink zijn beëindigd.
accounts-cli-token-disabled = { $email } is uitgeschakeld: schakel het account eerst weer in.

accounts-population-via-cli-by = via de opdrachtregel, door { $operator }
