# E-mail z wynikami ankiety dla osób, które poprosiły o niego na stronie z podziękowaniem.
# Argumenty: $title (tytuł ankiety).

mail-results-subject = Wyniki ankiety: { $title }
mail-results-lead = Dziękujemy za udział w ankiecie „{ $title }”. Wyniki, o które prosisz, są już gotowe.
mail-results-summary-heading = Co nam powiedziano i co z tym robimy
mail-results-link = Przeczytaj wszystkie wyniki na stronie internetowej:
mail-results-link-text = Przeczytaj wszystkie wyniki na stronie internetowej
mail-results-why = Dostajesz tę wiadomość, ponieważ na naszej stronie poproszono o wyniki dla tego adresu. Po tej wiadomości usuwamy Twój adres e-mail. Nie dostaniesz od nas żadnej innej wiadomości.
