## Why an answer was not accepted, shown next to the question (flits_survey::answers, `answer-{code}`).
## Every message exists in nl, en, tr, pl and ar.

answer-required = Bu soru zorunludur. Lütfen cevap verin.
answer-unknown-question = Bu soru bu ankete ait değil.
answer-wrong-type = { $kind ->
    [single_choice] Cevaplardan birini seçin.
    [multi_choice] Cevaplardan bir veya birkaçını seçin.
    [scale] { $min } ile { $max } arasında bir sayı seçin.
   *[open_text] Cevabınızı buraya metin olarak yazın.
}
answer-unknown-option = "{ $value }" bu sorunun cevaplarından biri değil. Listeden bir cevap seçin.
answer-duplicate-choice = "{ $value }" cevabını birden fazla kez seçtiniz. Her cevabı yalnızca bir kez seçin.
answer-too-many-choices = { $kind ->
    [single_choice] Burada yalnızca bir cevap seçin.
   *[multi_choice] Burada en fazla { $max } cevap seçebilirsiniz. Siz { $chosen } cevap seçtiniz.
}
answer-not-an-integer = { $min } ile { $max } arasında bir tam sayı seçin.
answer-out-of-range = { $min } ile { $max } arasında bir sayı seçin. { $value } bu aralığın dışında.
answer-too-long = Cevabınız { $length } karakter uzunluğunda. En fazla { $max } karakter olabilir. Lütfen cevabınızı { $over } karakter kısaltın.
answer-control-characters = Cevabınızda kaydedemediğimiz görünmez karakterler var. Cevabı yeniden yazın veya düz metin olarak yapıştırın.
