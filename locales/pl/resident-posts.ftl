# Posty w mediach społecznościowych (Mastodon, X, Facebook, webhook, e-mail).

post-announce-cta = Weź udział:
post-reminder-lead = Czy już wziąłeś udział? Ankieta jest nadal otwarta.
post-results-lead = Wyniki ankiety „{ $title }” są już dostępne. Dziękujemy za opinię!
post-results-cta = Przeczytaj, co z nimi zrobimy:
post-anonymous = Twoje odpowiedzi są anonimowe.
