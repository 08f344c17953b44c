## Teksty, które mieszkańcy czytają na stronach ankiety, prostym językiem polskim.

## The frame of every page
skip-to-content = Przejdź do treści
language-switch-label = Wybierz język

## The poll form
required = obowiązkowe
optional = możesz pominąć
submit = Wyślij moje odpowiedzi
error-summary = Coś poszło nie tak. Sprawdź pytania poniżej.
page-title-error = Błąd: { $title }
duration =
    { $minutes ->
        [one] Zajmie to około 1 minuty.
       *[other] Zajmie to około { $minutes } minut.
    }
max-choices = Wybierz najwyżej { $count }.
max-length =
    { $count ->
        [one] Najwyżej { $count } znak.
        [few] Najwyżej { $count } znaki.
       *[other] Najwyżej { $count } znaków.
    }
form-expired = Ten formularz wygasł. Twoje odpowiedzi nadal tu są. Sprawdź je i wyślij ponownie.
form-foreign = Ten formularz nie należy do tej ankiety. Twoje odpowiedzi nadal tu są. Sprawdź je i wyślij ponownie.

## What happens to the answers
privacy-heading = Co dzieje się z Twoimi odpowiedziami?
privacy-anonymous = Twoje odpowiedzi są anonimowe. Nie pytamy o imię ani adres e-mail.
privacy-kept = Przechowujemy tylko Twoje odpowiedzi, język strony, datę i to, skąd tu trafiłeś lub trafiłaś. Może to być na przykład Facebook albo plakat. Nie przechowujemy godziny.
privacy-not-kept = Nie przechowujemy Twojego adresu IP, Twojej przeglądarki ani informacji, kim jesteś.
privacy-cookie =
    Każdy może wziąć udział jeden raz. Dlatego po wysłaniu odpowiedzi zapisujemy w przeglądarce plik cookie. Mówi on tylko, że ta przeglądarka wzięła udział. Nie ma w nim Twoich odpowiedzi. { $days ->
        [one] Plik cookie znika po 1 dniu.
       *[other] Plik cookie znika po { $days } dniach.
    }
privacy-language = Wybierasz inny język? Wtedy drugi plik cookie zapamiętuje tylko ten język.
privacy-address = Nikt nie może zalać ankiety odpowiedziami. Dlatego liczymy, ile razy wzięto udział z jednej sieci. Nie przechowujemy adresu tej sieci. Zamieniamy go na kod za pomocą tajnego klucza. Ten klucz jest tylko w pamięci serwera. Co noc jest nowy klucz, a kody usuwamy. Nikt nie odczyta z kodu Twojego adresu. My też nie.
privacy-who = Odpowiedzi widzą tylko pracownicy gminy. Jeśli je udostępniamy, najpierw usuwamy wszystko, po czym można kogoś rozpoznać.

## Pages instead of the form
unknown-heading = Ta ankieta nie istnieje
unknown-text = Może link nie został skopiowany w całości. Sprawdź link.
not-open-heading = Ta ankieta nie jest jeszcze otwarta
opens-at = Możesz wziąć udział od { $date }, godz. { $time }.
opens-soon = Wkrótce będziesz mógł lub mogła wziąć udział.
closed-heading = Ta ankieta jest zamknięta
closed-at = Ta ankieta została zamknięta { $date }, godz. { $time }.
closed = Ta ankieta jest zamknięta.
see-results = Zobacz wyniki
already-heading = Już wziąłeś lub wzięłaś udział
already-text = Z tej przeglądarki wysłano już odpowiedzi na tę ankietę. Każdy może wziąć udział jeden raz. Dziękujemy!
already-link = Co stanie się z odpowiedziami?
not-saved-heading = Twoje odpowiedzi nie zostały zapisane
not-saved-text = Coś poszło nie tak po naszej stronie. Wróć i spróbuj ponownie za kilka minut.
thanks-heading = Dziękujemy!
thanks-text = Otrzymaliśmy Twoje odpowiedzi. Dziękujemy za udział!

## Too many answers at once
limit-cap-heading = Dziś z tej sieci nie można już wziąć udziału
limit-cap-text = Z Twojego połączenia internetowego wysłano dziś już bardzo wiele odpowiedzi na tę ankietę. Aby nikt nie zalał ankiety, na dziś kończymy.
limit-cap-retry =
    { $when ->
        [minute] Nie zapisaliśmy Twoich odpowiedzi. Spróbuj ponownie za minutę albo z innej sieci.
        [minutes] Nie zapisaliśmy Twoich odpowiedzi. Spróbuj ponownie za { $minutes } minut albo z innej sieci.
       *[tomorrow] Nie zapisaliśmy Twoich odpowiedzi. Spróbuj ponownie jutro albo z innej sieci.
    } Na przykład w domu albo przez dane komórkowe.
limit-busy-heading = Chwilowo za duży ruch
limit-busy-text = W tej chwili przychodzi naraz zbyt wiele odpowiedzi.
limit-busy-retry =
    { $when ->
        [minute] Nie zapisaliśmy Twoich odpowiedzi. Poczekaj minutę i wyślij je ponownie.
        [minutes] Nie zapisaliśmy Twoich odpowiedzi. Poczekaj { $minutes } minut i wyślij je ponownie.
       *[tomorrow] Nie zapisaliśmy Twoich odpowiedzi. Wyślij je ponownie jutro.
    } Wróć przyciskiem „wstecz” w przeglądarce. Twoje odpowiedzi zwykle nadal tam są.

## The printed poster
poster-call = Weź udział: zeskanuj kod aparatem telefonu
poster-qr-alt = Kod QR z linkiem { $link }
poster-link-label = Albo wpisz ten link:

## Messages of the JSON submit API
api-rate-limited = Przychodzi zbyt wiele odpowiedzi. Spróbuj ponownie za { $seconds } s.
api-too-large = Żądanie jest za duże. Może mieć najwyżej { $bytes } bajtów.
api-request-timeout = Żądanie przychodziło zbyt wolno. Spróbuj ponownie.
api-wrong-type = Wyślij żądanie jako application/json.
api-invalid-json = Żądanie nie jest poprawnym JSON-em w uzgodnionej postaci.
api-invalid-submission-id = submission_id musi mieć od 1 do 64 liter, cyfr, - lub _. Użyj na przykład UUID.
api-unknown-poll = Pod tym adresem nie ma ankiety.
api-not-open-yet = Ta ankieta nie jest jeszcze otwarta.
api-closed = Ta ankieta jest zamknięta.
api-unavailable = Ankieta nie może teraz zapisać Twojej odpowiedzi. Spróbuj ponownie za kilka sekund.
api-invalid-answers = Nie wszystkie odpowiedzi są poprawne.

## Strona z podziękowaniem: wyniki e-mailem ($days: ile dni adres czeka na wyniki)
feedback-heading = Chcesz dostać wyniki e-mailem?
feedback-text = Gdy wyniki będą gotowe, wyślemy Ci jeden e-mail. Przeczytasz w nim, co robimy z odpowiedziami.
feedback-email-label = Twój adres e-mail
feedback-privacy =
    Przechowujemy Twój adres e-mail oddzielnie od Twoich odpowiedzi. Nikt nie może ich ze sobą powiązać. Używamy adresu tylko do tego jednego e-maila. Potem go usuwamy. { $days ->
        [one] Jeśli po 1 dniu wyników nadal nie będzie, też usuwamy adres.
       *[other] Jeśli po { $days } dniach wyników nadal nie będzie, też usuwamy adres.
    }
feedback-submit = Wyślij mi wyniki
feedback-error-summary = Coś poszło nie tak.
feedback-invalid = Ten adres e-mail jest niepoprawny. Sprawdź go. Adres e-mail wygląda tak: imie@przyklad.pl
feedback-done-heading = Wyślemy Ci wyniki
feedback-done-text =
    Gdy wyniki będą gotowe, dostaniesz od nas jeden e-mail. Potem usuniemy Twój adres e-mail. { $days ->
        [one] Jeśli po 1 dniu wyników nadal nie będzie, też usuniemy adres.
       *[other] Jeśli po { $days } dniach wyników nadal nie będzie, też usuniemy adres.
    }
feedback-not-taken-part-heading = Najpierw weź udział
feedback-not-taken-part-text = Wyniki e-mailem mogą dostać tylko osoby, które wzięły udział. Wyniki pojawią się później także na tej stronie.
feedback-published-heading = Wyniki są już gotowe
feedback-limit-heading = Chwilowo za dużo adresów e-mail
feedback-limit-text =
    { $when ->
        [minute] Nie zapisaliśmy Twojego adresu e-mail. Spróbuj ponownie za minutę.
        [minutes] Nie zapisaliśmy Twojego adresu e-mail. Poczekaj { $minutes } minut i spróbuj ponownie.
       *[tomorrow] Z Twojego połączenia internetowego podano dziś już wiele adresów e-mail. Nie zapisaliśmy Twojego adresu e-mail. Spróbuj ponownie jutro.
    } Wyniki pojawią się później także na tej stronie.

resident-embed-cta = Weź udział w ankiecie
resident-embed-more = Więcej o ankiecie
