## Why an answer was not accepted, shown next to the question (flits_survey::answers, `answer-{code}`).
## Every message exists in nl, en, tr, pl and ar.

answer-required = هذا السؤال إلزامي. يُرجى الإجابة عنه.
answer-unknown-question = هذا السؤال ليس جزءًا من هذا الاستطلاع.
answer-wrong-type = { $kind ->
    [single_choice] اختر إجابة واحدة من الإجابات.
    [multi_choice] اختر إجابة واحدة أو أكثر من الإجابات.
    [scale] اختر رقمًا من { $min } إلى { $max }.
   *[open_text] اكتب إجابتك هنا على شكل نص.
}
answer-unknown-option = «{ $value }» ليست من إجابات هذا السؤال. اختر إجابة من القائمة.
answer-duplicate-choice = اخترت «{ $value }» أكثر من مرة. اختر كل إجابة مرة واحدة فقط.
answer-too-many-choices = { $kind ->
    [single_choice] اختر إجابة واحدة فقط هنا.
   *[multi_choice] الحد الأقصى لعدد الإجابات هنا هو { $max }، وقد اخترت { $chosen }.
}
answer-not-an-integer = اختر عددًا صحيحًا من { $min } إلى { $max }.
answer-out-of-range = اختر رقمًا من { $min } إلى { $max }. الرقم { $value } خارج هذا النطاق.
answer-too-long = إجابتك أطول من المسموح: عدد الأحرف فيها { $length }، والحد الأقصى { $max }. يُرجى تقصيرها بحذف عدد من الأحرف لا يقل عن { $over }.
answer-control-characters = تحتوي إجابتك على رموز غير مرئية لا يمكننا حفظها. اكتبها من جديد أو الصقها كنص عادي.
