# Standard questions the builder offers, written into a poll's definition in its languages.
# Each has a reason (…-help) that the poll page shows under the question. Option ids are fixed in
# flits-survey (standard.rs); population files use the same ids.

## Age group, in the age bands of CBS
standard-age-question = كم عمرك؟
standard-age-help = يساعدنا ذلك على معرفة ما إذا كان أشخاص من كل الأعمار يشاركون.
standard-age-tot15 = أقل من 15 سنة
standard-age-15-24 = من 15 إلى 24 سنة
standard-age-25-44 = من 25 إلى 44 سنة
standard-age-45-64 = من 45 إلى 64 سنة
standard-age-65plus = 65 سنة أو أكثر

## Neighbourhood: the options are the wijken configured for the poll's audience
standard-neighbourhood-question = في أي حي تسكن؟
standard-neighbourhood-help = يساعدنا ذلك على معرفة ما إذا كان سكان كل الأحياء يشاركون.

## First time taking part
standard-first-time-question = هل هذه أول مرة تشارك فيها في استطلاع أو استشارة للبلدية؟
standard-first-time-help = يساعدنا ذلك على معرفة ما إذا كنا نصل إلى أشخاص جدد أيضًا.
standard-first-time-yes = نعم، أول مرة
standard-first-time-no = لا، شاركت من قبل

## How they heard of the poll (the link of a channel already says where a click came from)
standard-heard-via-question = كيف عرفت بهذا الاستطلاع؟
standard-heard-via-help = يساعدنا ذلك على معرفة أفضل طريقة للوصول إليك في المرة القادمة.
standard-heard-via-social = عبر وسائل التواصل الاجتماعي
standard-heard-via-poster = عبر ملصق أو رمز QR
standard-heard-via-website = عبر النشرة الإخبارية أو الموقع الإلكتروني
standard-heard-via-krant = عبر الصحيفة المحلية
standard-heard-via-mond = من العائلة أو الأصدقاء أو الجيران
standard-heard-via-anders = بطريقة أخرى
