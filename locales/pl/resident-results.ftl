## Teksty, które mieszkańcy czytają na stronie wyników i w przeglądzie ankiet, prostym językiem.

## The results page
results-page-title = Wyniki: { $title }
results-published = Opublikowano { $date }.
results-summary-heading = Wy powiedzieliście, my działamy
results-updates-heading = Co stało się potem
results-figures-heading = Liczby
results-responses = Liczba osób, które wzięły udział: { $count }.
results-withheld = Udział wzięło mniej niż { $k } osób. Dlatego nie pokazujemy liczb: przy tak małej liczbie odpowiedzi ktoś mógłby zostać rozpoznany.
results-answered = Liczba osób, które odpowiedziały na to pytanie: { $count }.
results-count-below = <{ $k }
results-percent = { $value }%
results-share-hidden = nie pokazano
results-below-note = <{ $k } oznacza: mniej niż { $k } osób. Nie pokazujemy dokładnej liczby, aby nikt nie mógł zostać rozpoznany.
results-multi-note = W tym pytaniu można było wybrać więcej niż jedną odpowiedź. Dlatego procenty razem dają więcej niż 100.
results-scale-end = { $value } ({ $label })
results-scale-summary = Średnia: { $mean }. Środkowa odpowiedź (mediana): { $median }.
results-chart-alt = Wykres słupkowy. { $question } { $values }.
results-chart-value = { $label }: { $value }
results-list-separator = {"; "}
results-table-answer = Odpowiedź
results-table-count = Liczba
results-table-share = Procent
results-quotes-heading = Co napisali ludzie
results-native-heading = Głosy w mediach społecznościowych: nie należą do tej ankiety
results-native-intro = Na Mastodonie lub X ludzie mogli też głosować w sprawie pierwszego pytania. Te głosy liczy sama platforma. Głosować może tam każdy, także osoby spoza gminy. Dlatego nie należą one do odpowiedzi w tej ankiecie.
results-native-caption =
    { $platform ->
        [mastodon] Głosy na Mastodonie
        [x] Głosy na X
       *[other] Głosy w mediach społecznościowych
    }: { $question } Nie należą do odpowiedzi w tej ankiecie.
results-native-final = To jest wynik końcowy.
results-native-interim = To jest stan na { $date }, godz. { $time }.
results-native-hidden = jeszcze nieznane
results-native-votes = Głosy
results-native-voters =
    { $count ->
        [one] Zagłosowało 1 konto.
        [few] Zagłosowały { $count } konta.
       *[other] Zagłosowało { $count } kont.
    }
results-not-yet-heading = Wyników jeszcze nie ma
results-not-yet-text = Gdy tylko wyniki tej ankiety będą gotowe, znajdziesz je tutaj.
results-to-poll = Przejdź do ankiety
results-more-polls = Zobacz inne ankiety
results-preview-kicker = Wyniki · { $org }
results-preview-top = Najczęściej wybierane: { $answer } ({ $share })

## The overview of polls (/) and its feed
overview-title-all = Ankiety
overview-title-region = Ankiety w regionie { $region }
overview-title-org = Ankiety dla: { $org }
overview-intro = Tutaj widzisz, w których ankietach możesz teraz wziąć udział. I co dzieje się z odpowiedziami z wcześniejszych ankiet.
overview-filter-label = Wybierz gminę
overview-filter-all = Wszystkie gminy
overview-open-heading = Weź udział teraz
overview-open-none = Teraz nie ma ankiety, w której możesz wziąć udział.
overview-open-until = Otwarta do { $date }, godz. { $time }.
overview-by = Od: { $org }
overview-for = Dla: { $audiences }
overview-results-heading = Wyniki
overview-results-none = Nie ma jeszcze wyników.
overview-published = Opublikowano { $date }
overview-feed = Śledź nowe ankiety i wyniki w czytniku kanałów (Atom)
overview-unknown-org-heading = Nie znamy tej gminy
overview-unknown-org-text = Link może nie być całkiem poprawny. Zobacz ankiety wszystkich gmin.
feed-subtitle = Ankiety, w których możesz wziąć udział, i co dzieje się z odpowiedziami.
feed-open-title = Weź udział: { $title }
feed-results-title = Wyniki: { $title }
