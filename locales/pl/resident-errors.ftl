## The notice a page shows when something on our side fails. Residents and staff both see it.

error-unavailable-heading = Chwilowo niedostępne
error-unavailable-text = Ta strona chwilowo nie działa. Prosimy spróbować ponownie za kilka minut.
error-internal-heading = Coś poszło nie tak
error-internal-text = Wystąpił błąd po naszej stronie. To nie jest Państwa wina. Prosimy spróbować ponownie później.
error-request-id = Jeśli skontaktują się Państwo z nami w tej sprawie, prosimy podać ten kod:
