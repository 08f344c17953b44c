## Who a poll speaks for, what residents read before answering, the thank-you page's sharing,
## the poster, and what the law asks: the privacy page and the accessibility statement.

## The frame of every page
footer-privacy = Prywatność
footer-accessibility = Dostępność
sender-region = Gminy regionu { $region }

## Before answering
open-until = Możesz wziąć udział do { $date }, godz. { $time }.
privacy-summary-anonymous = Twoje odpowiedzi są anonimowe: nie pytamy, kim jesteś.
privacy-summary-use = { $org } używa ich tylko do tej ankiety.
privacy-summary-use-until = { $org } używa ich tylko do tej ankiety i usuwa je po { $months } miesiącach.
privacy-more = Więcej o prywatności
error-summary-link = Pytanie { $number }: { $message }

## Pages instead of the form
not-open-heading-named = { $title }: jeszcze nie otwarta
page-unknown-heading = Ta strona nie istnieje
page-unknown-text = Może link nie został dobrze skopiowany. Sprawdź link jeszcze raz.
page-unknown-link = Zobacz wszystkie ankiety

## The thank-you page
thanks-results-where = Zachowaj ten link. Tam pojawią się wyniki:
thanks-back-website = Wróć na stronę { $org }
thanks-back-overview = Zobacz inne ankiety
share-heading = Poproś innych o udział
share-intro = Im więcej osób weźmie udział, tym lepiej wiemy, co jest ważne.
share-button = Udostępnij
share-whatsapp = Udostępnij przez WhatsApp
share-email = Udostępnij e-mailem
share-text = Weź też udział w ankiecie „{ $title }”. To zajmie tylko chwilę: { $link }
share-text-short = Weź też udział w ankiecie „{ $title }”.
share-email-subject = Weź też udział: { $title }

## The poster and the link preview
poster-headline-call =
    { $minutes ->
        [one] 1 minuta — weź udział
        [few] { $minutes } minuty — weź udział
       *[other] { $minutes } minut — weź udział
    }
poster-closes = Weź udział do { $date }, godz. { $time }.
preview-call =
    { $minutes ->
        [one] Weź udział, to zajmie 1 minutę · { $host }
        [few] Weź udział, to zajmie { $minutes } minuty · { $host }
       *[other] Weź udział, to zajmie { $minutes } minut · { $host }
    }

## Contact details on the privacy page and the accessibility statement
about-contact-email = E-mail { $org }: { $email }
about-contact-phone = Telefon { $org }: { $phone }
about-contact-website = Strona internetowa { $org }
about-index-choose = Wybierz swoją gminę
about-index-link = Wybierz swoją gminę
privacy-index-heading = Prywatność w ankietach
a11y-index-heading = Dostępność ankiet

## The privacy page (what GDPR article 13 asks)
privacy-page-heading = Prywatność w ankietach: { $org }
privacy-page-intro = W ankiecie pytamy, co myślisz. Tutaj przeczytasz, co przechowujemy i dlaczego. Przeczytasz też, jak długo to przechowujemy i jakie masz prawa.
privacy-page-controller-heading = Kto odpowiada za Twoje dane?
privacy-page-controller-one = Za Twoje dane w tych ankietach odpowiada { $org }.
privacy-page-controller-region = Ankiety { $region } należą wspólnie do tych gmin. Razem odpowiadają za Twoje dane:
privacy-page-purpose-heading = Dlaczego o to pytamy?
privacy-page-purpose = Chcemy wiedzieć, co myślą mieszkańcy, aby robić lepsze plany. Używamy odpowiedzi tylko do tego.
privacy-page-basis = Gmina pracuje dla wszystkich mieszkańców. Dlatego może pytać o Twoje zdanie. Prawo o prywatności (RODO) nazywa to zadaniem w interesie publicznym.
privacy-page-basis-email = Podajesz swój adres e-mail, aby dostać wyniki? Możemy go używać tylko dlatego, że tego chcesz. Możesz to zawsze wycofać.
privacy-page-stored-heading = Co przechowujemy?
privacy-page-cookies-heading = Jakich plików cookie używamy?
privacy-page-cookie-form = Gdy otwierasz pytania, ustawiamy plik cookie flits_form. Zawiera tylko losowy kod. Dzięki temu wiemy, że Twoje odpowiedzi pochodzą z naszej strony. Plik cookie znika po { $hours } godzinach.
privacy-page-cookie-language = Wybierasz język? Wtedy plik cookie flits_lang zapamiętuje tylko ten język. Plik cookie znika po { $days } dniach.
privacy-page-cookies-needed = Te pliki cookie są potrzebne, aby ankieta działała. Nie używamy plików cookie, aby Cię śledzić.
privacy-page-keep-heading = Jak długo to przechowujemy?
privacy-page-keep-answers = Usuwamy odpowiedzi { $months } miesięcy po tym, jak wyniki pojawią się na tej stronie.
privacy-page-keep-answers-always = Przechowujemy odpowiedzi. Nie ma przy nich nazwiska, więc nikt nie wie, czyje są.
privacy-page-keep-email = Usuwamy Twój adres e-mail, gdy wyślemy Ci wyniki. Jeśli wyniki nie pojawią się w ciągu { $days } dni, też go usuwamy.
privacy-page-who-heading = Kto widzi odpowiedzi?
privacy-page-results = Wyniki publikujemy na tej stronie. Pokazują tylko sumy. Jeśli grupa ma mniej niż { $k } osób, nie pokazujemy liczby.
privacy-page-rights-heading = Jakie masz prawa?
privacy-page-rights = Możesz zapytać, jakie dane o Tobie mamy. Możesz poprosić o ich poprawienie lub usunięcie. Możesz też wnieść sprzeciw.
privacy-page-rights-anonymous = Twoje odpowiedzi nie mają nazwiska, więc nie możemy ich znaleźć. Możemy usunąć Twój adres e-mail: wyślij nam e-mail.
privacy-page-no-automated = Żaden komputer nie podejmuje na podstawie odpowiedzi decyzji o Tobie.
privacy-page-complaint = Nie jesteś zadowolony lub zadowolona z naszej odpowiedzi? Możesz złożyć skargę do holenderskiego urzędu ochrony danych (Autoriteit Persoonsgegevens).
privacy-page-authority = Strona Autoriteit Persoonsgegevens
privacy-page-contact-heading = Pytania?
privacy-page-contact = Masz pytanie o prywatność? Skontaktuj się z { $org }. Każda gmina ma też własnego inspektora ochrony danych, który sprawdza, czy przestrzegamy prawa.
privacy-page-officer = E-mail do inspektora ochrony danych { $org }: { $email }

## The accessibility statement (the model of digitoegankelijk.nl)
a11y-heading = Deklaracja dostępności
a11y-intro = { $org } chce, aby każdy mógł korzystać z ankiet, także osoby z niepełnosprawnością.
a11y-law = Wymaga tego też prawo. Strony muszą spełniać zasady WCAG 2.1, poziom A i AA.
a11y-scope-heading = Których stron to dotyczy?
a11y-scope = Ta deklaracja dotyczy ankiet { $org } na tej stronie: pytań, wyników i plakatu.
a11y-status-heading = Na jakim etapie jesteśmy?
a11y-status =
    { $status ->
        [a] Strony w pełni spełniają zasady.
        [b] Strony częściowo spełniają zasady.
        [d] Strony jeszcze nie spełniają zasad.
       *[c] Zrobiliśmy pierwsze kroki. Niezależny ekspert jeszcze nie zbadał stron.
    }
a11y-checked-heading = Jak to sprawdzamy?
a11y-checked = Przy każdej nowej wersji komputer testuje wszystkie strony za pomocą axe-core. Testujemy też tylko klawiaturą i na małym ekranie telefonu. Strony działają bez JavaScriptu.
a11y-known = Obecnie nie znamy żadnych problemów. Widzisz jakiś? Daj nam znać.
a11y-date = Ostatnio sprawdziliśmy tę deklarację { $date }.
a11y-feedback-heading = Coś nie działa?
a11y-feedback = Nie możesz czegoś przeczytać lub wypełnić? Daj znać: { $org }. Odpowiemy jak najszybciej.
a11y-enforcement-heading = Nie jesteś zadowolony?
a11y-enforcement = Nie jesteś zadowolony lub zadowolona z naszej odpowiedzi? Możesz zwrócić się do Krajowego Rzecznika Praw Obywatelskich (Nationale ombudsman).
a11y-ombudsman = Strona Nationale ombudsman
a11y-more = Więcej o zasadach na digitoegankelijk.nl
