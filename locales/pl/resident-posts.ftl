# Posty w mediach społecznościowych (Mastodon, X, Facebook, webhook, e-mail).

post-announce-cta = Weź udział:
post-reminder-lead = Czy już wziąłeś udział? Ankieta jest nadal otwarta.
post-results-lead = Wyniki ankiety „{ $title }” są już dostępne. Dziękujemy za opinię!
post-update-lead = Nowości w sprawie „{ $title }”: przeczytaj, co zrobiliśmy z Twoją opinią.
post-results-cta = Przeczytaj, co z nimi zrobimy:
post-anonymous = Twoje odpowiedzi są anonimowe.
post-email-subject = Nowa ankieta: { $title }
post-email-results-subject = Wyniki ankiety: { $title }
post-email-update-subject = Nowości w sprawie ankiety: { $title }
post-email-forward = Możesz udostępnić ten link, na przykład w biuletynie lub w gazecie.
post-closed-lead = Ankieta „{ $title }” zakończyła się wcześniej, niż planowano. Nie można już w niej wziąć udziału. Dziękujemy wszystkim, którzy wzięli udział.
post-closed-cta = Więcej o ankiecie:
post-email-closed-subject = Ankieta zakończona: { $title }
