## Who a poll speaks for, what residents read before answering, the thank-you page's sharing,
## the poster, and what the law asks: the privacy page and the accessibility statement.

## The frame of every page
footer-privacy = الخصوصية
footer-accessibility = إمكانية الوصول
sender-region = بلديات { $region }

## Before answering
open-until = يمكنك المشاركة حتى { $date }، الساعة { $time }.
privacy-summary-anonymous = إجاباتك مجهولة الهوية: لا نسأل من أنت.
privacy-summary-use = تستخدمها { $org } لهذا الاستطلاع فقط.
privacy-summary-use-until = تستخدمها { $org } لهذا الاستطلاع فقط وتحذفها بعد { $months } شهرًا.
privacy-more = المزيد عن الخصوصية
error-summary-link = السؤال { $number }: { $message }

## Pages instead of the form
not-open-heading-named = { $title }: لم يُفتح بعد
page-unknown-heading = هذه الصفحة غير موجودة
page-unknown-text = ربما لم يُنسخ الرابط بشكل صحيح تمامًا. تحقق من الرابط مرة أخرى.
page-unknown-link = شاهد كل الاستطلاعات

## The thank-you page
thanks-results-where = احتفظ بهذا الرابط. ستظهر النتائج هناك:
thanks-back-website = العودة إلى موقع { $org }
thanks-back-overview = شاهد استطلاعات أخرى
share-heading = اطلب من الآخرين المشاركة
share-intro = كلما شارك عدد أكبر من الناس، عرفنا بشكل أفضل ما هو مهم.
share-button = مشاركة
share-whatsapp = المشاركة عبر واتساب
share-email = المشاركة عبر البريد الإلكتروني
share-text = شارك أنت أيضًا في استطلاع "{ $title }". لن يستغرق إلا لحظة: { $link }
share-text-short = شارك أنت أيضًا في استطلاع "{ $title }".
share-email-subject = شارك أنت أيضًا: { $title }

## The poster and the link preview
poster-headline-call =
    { $minutes ->
        [one] دقيقة واحدة — شارك
        [two] دقيقتان — شارك
       *[other] { $minutes } دقائق — شارك
    }
poster-closes = شارك حتى { $date }، الساعة { $time }.
preview-call =
    { $minutes ->
        [one] شارك، يستغرق دقيقة واحدة · { $host }
        [two] شارك، يستغرق دقيقتين · { $host }
       *[other] شارك، يستغرق { $minutes } دقائق · { $host }
    }

## Contact details on the privacy page and the accessibility statement
about-contact-email = البريد الإلكتروني لـ { $org }: { $email }
about-contact-phone = هاتف { $org }: { $phone }
about-contact-website = موقع { $org }
about-index-choose = اختر بلديتك
about-index-link = اختر بلديتك
privacy-index-heading = الخصوصية في الاستطلاعات
a11y-index-heading = إمكانية الوصول إلى الاستطلاعات

## The privacy page (what GDPR article 13 asks)
privacy-page-heading = الخصوصية في استطلاعات { $org }
privacy-page-intro = في الاستطلاع نسألك عن رأيك. هنا تقرأ ما نحتفظ به ولماذا. وتقرأ أيضًا كم من الوقت نحتفظ به وما هي حقوقك.
privacy-page-controller-heading = من المسؤول عن بياناتك؟
privacy-page-controller-one = { $org } مسؤولة عن بياناتك في هذه الاستطلاعات.
privacy-page-controller-region = استطلاعات { $region } تابعة لهذه البلديات معًا. وهي مسؤولة معًا عن بياناتك:
privacy-page-purpose-heading = لماذا نسأل هذا؟
privacy-page-purpose = نريد أن نعرف رأي السكان حتى نضع خططًا أفضل. نستخدم الإجابات لهذا الغرض فقط.
privacy-page-basis = تعمل البلدية من أجل جميع سكانها. لذلك يحق لها أن تسألك عن رأيك. يسمي قانون الخصوصية (AVG/GDPR) ذلك مهمة للمصلحة العامة.
privacy-page-basis-email = هل تعطينا بريدك الإلكتروني لتصلك النتائج؟ نستخدمه فقط لأنك تريد ذلك. يمكنك سحب موافقتك في أي وقت.
privacy-page-stored-heading = ماذا نحفظ؟
privacy-page-cookies-heading = ما ملفات تعريف الارتباط (الكوكيز) التي نستخدمها؟
privacy-page-cookie-form = عندما تفتح الأسئلة نضع ملف الكوكيز flits_form. فيه رمز عشوائي فقط. هكذا نعرف أن إجاباتك جاءت من صفحتنا. يختفي الملف بعد { $hours } ساعة.
privacy-page-cookie-language = هل تختار لغة؟ عندها يتذكر ملف الكوكيز flits_lang تلك اللغة فقط. يختفي الملف بعد { $days } يومًا.
privacy-page-cookies-needed = هذه الملفات ضرورية لكي يعمل الاستطلاع. لا نستخدم ملفات الكوكيز لتتبعك.
privacy-page-keep-heading = كم من الوقت نحتفظ بها؟
privacy-page-keep-answers = نحذف الإجابات بعد { $months } شهرًا من نشر النتائج على هذا الموقع.
privacy-page-keep-answers-always = نحتفظ بالإجابات. لا يوجد اسم معها، لذلك لا أحد يعرف لمن هي.
privacy-page-keep-email = نحذف بريدك الإلكتروني بعد أن نرسل لك النتائج. وإذا لم تأتِ النتائج خلال { $days } يومًا نحذفه أيضًا.
privacy-page-who-heading = من يرى الإجابات؟
privacy-page-results = ننشر النتائج على هذا الموقع. وهي تعرض المجاميع فقط. إذا كانت المجموعة أقل من { $k } أشخاص لا نعرض أي رقم.
privacy-page-rights-heading = ما هي حقوقك؟
privacy-page-rights = يمكنك أن تسأل عن البيانات التي لدينا عنك. ويمكنك أن تطلب تصحيحها أو حذفها. ويمكنك أيضًا الاعتراض.
privacy-page-rights-anonymous = إجاباتك بلا اسم، لذلك لا يمكننا العثور عليها. يمكننا حذف بريدك الإلكتروني: أرسل لنا رسالة.
privacy-page-no-automated = لا يتخذ أي حاسوب قرارًا بشأنك بناءً على الإجابات.
privacy-page-complaint = لست راضيًا عن ردنا؟ يمكنك تقديم شكوى إلى هيئة حماية البيانات الهولندية (Autoriteit Persoonsgegevens).
privacy-page-authority = موقع Autoriteit Persoonsgegevens
privacy-page-contact-heading = أسئلة؟
privacy-page-contact = هل لديك سؤال عن الخصوصية؟ تواصل مع { $org }. ولكل بلدية أيضًا مسؤول لحماية البيانات يتأكد من أننا نلتزم بالقانون.
privacy-page-officer = راسل مسؤول حماية البيانات في { $org }: { $email }

## The accessibility statement (the model of digitoegankelijk.nl)
a11y-heading = بيان إمكانية الوصول
a11y-intro = تريد { $org } أن يستطيع الجميع استخدام الاستطلاعات، ومنهم الأشخاص ذوو الإعاقة.
a11y-law = والقانون يطلب ذلك أيضًا. يجب أن تلتزم الصفحات بقواعد WCAG 2.1، المستوى A وAA.
a11y-scope-heading = ما الصفحات التي يشملها هذا البيان؟
a11y-scope = يشمل هذا البيان استطلاعات { $org } على هذا الموقع: الأسئلة والنتائج والملصق.
a11y-status-heading = أين وصلنا؟
a11y-status =
    { $status ->
        [a] الصفحات تلتزم بالقواعد بالكامل.
        [b] الصفحات تلتزم بالقواعد جزئيًا.
        [d] الصفحات لا تلتزم بالقواعد بعد.
       *[c] قمنا بالخطوات الأولى. لم يفحص خبير مستقل الصفحات بعد.
    }
a11y-checked-heading = كيف نتحقق من ذلك؟
a11y-checked = مع كل إصدار جديد يختبر حاسوب كل الصفحات باستخدام axe-core. ونختبر أيضًا باستخدام لوحة المفاتيح فقط وعلى شاشة هاتف صغيرة. تعمل الصفحات بدون JavaScript.
a11y-known = لا نعرف الآن أي مشاكل. هل ترى مشكلة؟ أخبرنا.
a11y-date = راجعنا هذا البيان آخر مرة في { $date }.
a11y-feedback-heading = هل هناك شيء لا يعمل؟
a11y-feedback = هل لا تستطيع قراءة شيء أو تعبئته؟ أخبر { $org }. ستحصل على رد في أقرب وقت ممكن.
a11y-enforcement-heading = لست راضيًا؟
a11y-enforcement = لست راضيًا عن ردنا؟ يمكنك التوجه إلى أمين المظالم الوطني (Nationale ombudsman).
a11y-ombudsman = موقع Nationale ombudsman
a11y-more = المزيد عن القواعد على digitoegankelijk.nl
