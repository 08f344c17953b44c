## Why an answer was not accepted, shown next to the question (flits_survey::answers, `answer-{code}`).
## Every message exists in nl, en, tr, pl and ar.

answer-required = This question is required. Please answer it.
answer-unknown-question = This question is not part of this poll.
answer-wrong-type = { $kind ->
    [single_choice] Choose one of the answers.
    [multi_choice] Choose one or more of the answers.
    [scale] Choose a number from { $min } to { $max }.
   *[open_text] Type your answer here as text.
}
answer-unknown-option = "{ $value }" is not one of this question's answers. Choose an answer from the list.
answer-duplicate-choice = You chose "{ $value }" more than once. Choose each answer only once.
answer-too-many-choices = { $kind ->
    [single_choice] Choose only one answer here.
   *[multi_choice] You can choose at most { $max ->
        [one] 1 answer
       *[other] { $max } answers
    } here; you chose { $chosen }.
}
answer-not-an-integer = Choose a whole number from { $min } to { $max }.
answer-out-of-range = Choose a number from { $min } to { $max }; { $value } is outside that range.
answer-too-long = Your answer is { $length } characters long; the limit is { $max }. Please cut { $over ->
    [one] 1 character
   *[other] { $over } characters
}.
answer-control-characters = Your answer contains invisible characters we cannot store. Type it again or paste it as plain text.
