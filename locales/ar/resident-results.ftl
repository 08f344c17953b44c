## النصوص التي يقرؤها السكان في صفحة النتائج وفي قائمة الاستطلاعات، بلغة عربية بسيطة.
## "<10" stays left to right inside Arabic text: it is isolated with U+2066 … U+2069.

## The results page
results-page-title = النتائج: { $title }
results-published = نُشرت في { $date }.
results-summary-heading = قلتم، وفعلنا
results-updates-heading = ماذا حدث بعد ذلك
results-figures-heading = الأرقام
results-responses = عدد الأشخاص الذين شاركوا: { $count }.
results-withheld = شارك أقل من { $k } أشخاص. لذلك لا نعرض أي أرقام: مع هذا العدد القليل من الإجابات قد يُعرف شخص ما.
results-answered = عدد الأشخاص الذين أجابوا عن هذا السؤال: { $count }.
results-count-below = {"\u2066"}<{ $k }{"\u2069"}
results-percent = { $value }٪
results-share-hidden = غير معروض
results-below-note = {"\u2066"}<{ $k }{"\u2069"} تعني: أقل من { $k } أشخاص. لا نعرض العدد الدقيق حتى لا يُعرف أحد.
results-multi-note = في هذا السؤال كان يمكنك اختيار أكثر من إجابة واحدة. لذلك مجموع النسب أكثر من 100.
results-scale-end = { $value } ({ $label })
results-scale-summary = المتوسط: { $mean }. الإجابة الوسطى (الوسيط): { $median }.
results-chart-alt = رسم بياني بالأعمدة. { $question } { $values }.
results-chart-value = { $label }: { $value }
results-list-separator = {"؛ "}
results-table-answer = الإجابة
results-table-count = العدد
results-table-share = النسبة
results-quotes-heading = ماذا كتب الناس
results-native-heading = أصوات على وسائل التواصل الاجتماعي: ليست جزءًا من هذا الاستطلاع
results-native-intro = على ماستودون أو X كان بإمكان الناس أيضًا التصويت على السؤال الأول. المنصة نفسها تعدّ هذه الأصوات. يمكن لأي شخص التصويت هناك، حتى من خارج البلدية. لذلك هي ليست جزءًا من إجابات هذا الاستطلاع.
results-native-caption =
    { $platform ->
        [mastodon] أصوات على ماستودون
        [x] أصوات على X
       *[other] أصوات على وسائل التواصل الاجتماعي
    }: { $question } هذه ليست جزءًا من إجابات هذا الاستطلاع.
results-native-final = هذه هي النتيجة النهائية.
results-native-interim = هذه هي النتيجة في { $date } الساعة { $time }.
results-native-hidden = غير معروف بعد
results-native-votes = الأصوات
results-native-voters =
    { $count ->
        [one] صوّت حساب واحد.
        [two] صوّت حسابان.
        [few] صوّتت { $count } حسابات.
       *[other] صوّت { $count } حسابًا.
    }
results-not-yet-heading = النتائج ليست جاهزة بعد
results-not-yet-text = ستجد نتائج هذا الاستطلاع هنا عندما تصبح جاهزة.
results-to-poll = اذهب إلى الاستطلاع
results-more-polls = اطّلع على استطلاعات أخرى
results-preview-kicker = النتائج · { $org }
results-preview-top = الأكثر اختيارًا: { $answer } ({ $share })

## The overview of polls (/) and its feed
overview-title-all = الاستطلاعات
overview-title-region = الاستطلاعات في { $region }
overview-title-org = الاستطلاعات لـ { $org }
overview-intro = هنا ترى في أي استطلاعات يمكنك المشاركة الآن. وماذا يحدث بإجابات الاستطلاعات السابقة.
overview-filter-label = اختر بلدية
overview-filter-all = كل البلديات
overview-open-heading = شارك الآن
overview-open-none = لا يوجد الآن استطلاع يمكنك المشاركة فيه.
overview-open-until = مفتوح حتى { $date } الساعة { $time }.
overview-by = من: { $org }
overview-for = لـ: { $audiences }
overview-results-heading = النتائج
overview-results-none = لا توجد نتائج بعد.
overview-published = نُشرت في { $date }
overview-feed = تابع الاستطلاعات والنتائج الجديدة في قارئ الخلاصات (Atom)
overview-unknown-org-heading = لا نعرف هذه البلدية
overview-unknown-org-text = ربما الرابط ليس صحيحًا تمامًا. اطّلع على استطلاعات كل البلديات.
feed-subtitle = استطلاعات يمكنك المشاركة فيها، وماذا يحدث بالإجابات.
feed-open-title = شارك: { $title }
feed-results-title = النتائج: { $title }
