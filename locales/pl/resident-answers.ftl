## Why an answer was not accepted, shown next to the question (flits_survey::answers, `answer-{code}`).
## Every message exists in nl, en, tr, pl and ar.

answer-required = To pytanie jest obowiązkowe. Udziel odpowiedzi.
answer-unknown-question = To pytanie nie należy do tej ankiety.
answer-wrong-type = { $kind ->
    [single_choice] Wybierz jedną z odpowiedzi.
    [multi_choice] Wybierz jedną lub więcej odpowiedzi.
    [scale] Wybierz liczbę od { $min } do { $max }.
   *[open_text] Wpisz tutaj swoją odpowiedź jako tekst.
}
answer-unknown-option = „{ $value }” nie jest jedną z odpowiedzi na to pytanie. Wybierz odpowiedź z listy.
answer-duplicate-choice = Odpowiedź „{ $value }” wybrano więcej niż raz. Każdą odpowiedź wybierz tylko raz.
answer-too-many-choices = { $kind ->
    [single_choice] Wybierz tutaj tylko jedną odpowiedź.
   *[multi_choice] Możesz tu wybrać najwyżej { $max } { $max ->
        [one] odpowiedź
       *[other] odpowiedzi
    }. Liczba wybranych odpowiedzi: { $chosen }.
}
answer-not-an-integer = Wybierz liczbę całkowitą od { $min } do { $max }.
answer-out-of-range = Wybierz liczbę od { $min } do { $max }. Liczba { $value } jest poza tym zakresem.
answer-too-long = Odpowiedź ma { $length } { $length ->
    [one] znak
    [few] znaki
    [many] znaków
   *[other] znaku
}, a może mieć najwyżej { $max } { $max ->
    [one] znak
    [few] znaki
    [many] znaków
   *[other] znaku
}. Skróć ją o { $over } { $over ->
    [one] znak
    [few] znaki
    [many] znaków
   *[other] znaku
}.
answer-control-characters = Odpowiedź zawiera niewidoczne znaki, których nie możemy zapisać. Wpisz ją jeszcze raz albo wklej jako zwykły tekst.
