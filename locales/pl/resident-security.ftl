## Refusing answers that another website sends, and a form that comes back without its cookie.

cross-site-heading = Ten formularz przyszedł z innej strony internetowej
cross-site-text = Nic nie zapisaliśmy. Ten formularz nie przyszedł z naszej strony. Przyszedł z innej strony internetowej. Dzięki temu nikt nie może wysłać odpowiedzi w Twoim imieniu. Chcesz wziąć udział? Otwórz ankietę przez link poniżej.
cross-site-link = Przejdź do ankiety
form-cookie-missing = Nie mogliśmy sprawdzić, czy ten formularz pochodzi od Ciebie. Twoje odpowiedzi nadal tu są. Wyślij je ponownie. Znowu widzisz ten komunikat? To znaczy, że Twoja przeglądarka blokuje pliki cookie. Zezwól na pliki cookie dla tej strony.
api-cross-site = To żądanie przyszło z innej strony internetowej. Nic nie zostało zapisane.
