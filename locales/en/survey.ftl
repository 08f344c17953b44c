## Poll definitions: validation errors and plain-language hints for staff (flits poll validate, the
## builder, the staff API). One message per code of flits_survey (`survey-{code}`, `_` as `-`), with
## the arguments the code carries. Arguments ending in _name, _text or _list are added by
## flits_http::survey_texts from the messages further down.

## Reading the file

survey-unreadable = { $line ->
    [0] This is not valid { $format }. Check the brackets, quotes and indentation.
   *[other] This is not valid { $format }: look at line { $line }, column { $column }. Check the brackets, quotes and indentation.
}
survey-field-unknown = A poll has no field "{ $field }". Remove it or check the spelling.
survey-field-missing = The field "{ $field }" is missing. Fill it in.
survey-field-type = This should be { $expected_text }.
survey-kind-unknown = "{ $value }" is not a kind of question. Choose single_choice, multi_choice, scale or open_text.

## The poll's shape

survey-slug-length = The web address (slug) must be { $min } to { $max } characters long; it has { $length }.
survey-slug-characters = The web address (slug) may only contain lowercase letters (a-z), digits and hyphens (-). Remove or replace: { $characters_list }.
survey-slug-taken = This address is already in use. Choose another.
survey-id-empty = Every { $what_name } needs an id (lowercase letters, digits, - or _).
survey-id-characters = The id "{ $id }" may only contain lowercase letters (a-z), digits, - and _. Remove or replace: { $characters_list }.
survey-id-too-long = The id is { $length } characters long; use at most { $max }.
survey-id-duplicate = { $what ->
    [option] The id "{ $id }" is used before in this question; give every option its own id.
   *[question] The question id "{ $id }" is used before; give every question its own id.
}
survey-no-questions = The poll has no questions yet. Add at least one.
survey-only-profile-questions = The poll only has profile questions (about the respondent). Add at least one question about the topic.
survey-too-many-questions = A flash poll has at most { $max } questions (profile questions do not count); this one has { $count }. Drop { $over }.
survey-too-few-options = A { $kind_name } needs at least { $min } options; this one has { $count }.
survey-too-many-options = A { $kind_name } has at most { $max } options; this one has { $count }. Merge or drop some.
survey-options-not-allowed = A { $kind_name } has no options. Remove them or make it a choice question.
survey-max-choices-not-allowed = A maximum number of choices (max_choices) only applies to a multiple-choice question, not to a { $kind_name }.
survey-max-choices-out-of-range = The maximum number of choices must be between 1 and the number of options ({ $options }); it is { $value }.
survey-scale-bound-missing = A scale question needs a lowest (min) and highest (max) value, for example 1 and 5; "{ $field }" is missing.
survey-scale-bounds-reversed = The lowest value ({ $min }) must be smaller than the highest ({ $max }).
survey-scale-too-many-steps = A scale from { $min } to { $max } has { $steps } points; use at most { $limit } (for example 0 to 10).
survey-scale-bounds-not-allowed = "{ $field }" only applies to a scale question, not to a { $kind_name }. Remove it.
survey-labels-not-allowed = End labels only apply to a scale question, not to a { $kind_name }.
survey-max-length-not-allowed = A maximum length (max_length) only applies to an open question, not to a { $kind_name }.
survey-max-length-out-of-range = The maximum answer length must be between 1 and { $limit } characters; it is { $value }.

## Texts and languages

survey-text-empty = { $role_name } is empty. Fill in a text.
survey-text-no-languages = { $role_name } is empty: give at least a Dutch text, for example {"{"}nl: "…"{"}"}.
survey-text-too-long = { $role_name } is { $length } characters long; the limit is { $max }. Cut { $over } characters.
survey-text-characters = { $role_name } contains characters you cannot see, or that turn the reading direction around: { $characters_list }. Remove them. (A new line is only allowed in an intro, a help text and the feedback promise.)
survey-languages-empty = The list of languages (languages) is empty. Name the poll's languages, the default first. Or leave the list out: then the title's languages apply.
survey-language-duplicate = { $language_name } is in the list of languages (languages) twice. Remove one.
survey-dutch-missing = { $field ->
    [languages] Dutch (nl) is not in the list of languages (languages). Every poll is at least in Dutch.
   *[title] The title has no Dutch text. Every poll is at least in Dutch.
}
survey-language-code-invalid = { $language_name } is not a language code. Use two lowercase letters, such as nl or en.
survey-language-unsupported = Flits has no texts in the language { $language_name }. Choose from nl (Dutch), en (English), tr (Turkish), pl (Polish) and ar (Arabic).
survey-translation-missing = The { $language_name } translation is missing. The poll is offered in { $language_name }, so every text must be.
survey-translation-unexpected = This text is in { $language_name }, but the poll is not. Add { $language_name } to the poll's languages (languages, or a translation of the title), or remove this translation.

## The brief

survey-brief-missing = { survey-brief-part-brief } This is needed before you schedule the poll.
survey-brief-purpose-missing = { survey-brief-part-purpose } This is needed before you schedule the poll.
survey-brief-audiences-missing = { survey-brief-part-audiences } This is needed before you schedule the poll.
survey-brief-feedback-promise-missing = { survey-brief-part-feedback-promise } This is needed before you schedule the poll.
survey-brief-incomplete = { $part_text } Add this before you schedule the poll.
survey-audience-duplicate = The audience "{ $audience }" is listed twice. Remove one.
survey-audience-unknown = The audience "{ $audience }" does not exist. { $known_count ->
    [0] There are no audiences yet.
   *[other] Known audiences: { $known }.
}

## Plain-language hints and the estimate

survey-long-sentence = Sentence { $sentence } ("{ $quote }") has { $words } words; try to keep it to { $limit } or fewer.
survey-long-word = Sentence { $sentence } ("{ $quote }"): "{ $word }" is a long word ({ $letters } letters); can it be shorter or split up?
survey-passive-voice = Sentence { $sentence } ("{ $quote }") is in the passive voice ("{ $phrase }"); say who does what instead, e.g. "wij …" (we …).
survey-officialese = Sentence { $sentence } ("{ $quote }"): "{ $phrase }" is officialese; write "{ $alternative }" instead.
survey-hard-to-read = This English text is hard to read (Flesch reading ease { $score }; aim for { $min } or more). Use shorter sentences and shorter words.
survey-not-a-question = This is not a question: end it with a question mark, or begin with what the resident should do ("Choose…", "Tell us…").
survey-estimated-time-too-long = Filling in takes an estimated { $seconds } seconds; a flash poll should take under two minutes. Drop a question or shorten the texts.

## Names used inside the messages above

survey-kind-single-choice = single-choice question
survey-kind-multi-choice = multiple-choice question
survey-kind-scale = scale question
survey-kind-open-text = open question
survey-role-title = The title
survey-role-intro = The introduction
survey-role-feedback-promise = The feedback promise
survey-role-question-text = The question text
survey-role-help = The question's help text
survey-role-option-text = The option text
survey-role-scale-label = The scale label
survey-what-question = question
survey-what-option = option
survey-brief-part-brief = There is no brief yet: the purpose, the audience and what residents will hear back.
survey-brief-part-purpose = The purpose is missing: say what you want to learn or decide with the answers.
survey-brief-part-audiences = The audience is missing: name at least one audience, such as a municipality.
survey-brief-part-feedback-promise = The feedback promise is missing: tell residents when and where they will hear what you do with their answers.
survey-expected-object = a block of fields, such as {"{"}id: q1, kind: scale{"}"}
survey-expected-list = a list, such as [a, b]
survey-expected-text = a text, or a text per language such as {"{"}nl: "…", en: "…"{"}"}
survey-expected-boolean = true or false
survey-expected-integer = a whole number
survey-expected-count = a whole number of 0 or more
survey-expected-date = a date, such as 2027-03-01
survey-language-nl = Dutch
survey-language-en = English
survey-language-tr = Turkish
survey-language-pl = Polish
survey-language-ar = Arabic
survey-character-space = space

## flits poll validate, import and schedule on the command line

survey-report-error = error
survey-report-hint = hint
survey-report-whole-poll = (poll)
survey-report-summary = { $valid ->
    [yes] valid
   *[no] invalid
}: { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $hints ->
    [one] 1 hint
   *[other] { $hints } hints
}, estimated time { $seconds } seconds
survey-report-file-unreadable = Flits cannot read { $file }: { $reason }
survey-report-not-a-poll = { $file } cannot be read: it is not valid { $format }.
survey-report-invalid = { $file } is not a valid poll.
survey-report-not-stored = { $file } is not a valid poll; nothing was stored.

# Publishing results ("you said, we did").
survey-summary-empty = Write what you did with the answers ("you said, we did") before you publish.
survey-too-many-quotes = Pick at most { $max } quotes; you picked { $count }.
survey-quote-not-open-question = A quote must be an answer to an open question; "{ $question }" is not one.
survey-quote-length = A quote is 1 to { $max } characters long; this one is { $length }.
