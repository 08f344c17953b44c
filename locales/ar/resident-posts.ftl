# منشورات وسائل التواصل الاجتماعي (Mastodon و X و Facebook و webhook والبريد الإلكتروني).

post-announce-cta = شارك:
post-reminder-lead = هل شاركت بعد؟ الاستطلاع لا يزال مفتوحًا.
post-results-lead = نتائج استطلاع «{ $title }» متاحة الآن. شكرًا على رأيك!
post-update-lead = أخبار عن «{ $title }»: اقرأ ما فعلناه برأيك.
post-results-cta = اقرأ ما سنفعله بها:
post-anonymous = إجاباتك مجهولة الهوية.
post-email-subject = استطلاع جديد: { $title }
post-email-results-subject = نتائج الاستطلاع: { $title }
post-email-update-subject = أخبار عن الاستطلاع: { $title }
post-email-forward = يمكنك مشاركة هذا الرابط، مثلًا في نشرة إخبارية أو في صحيفة.
post-closed-lead = انتهى استطلاع «{ $title }» قبل الموعد المخطط له. لم يعد بالإمكان المشاركة. شكرًا لكل من شارك.
post-closed-cta = المزيد عن الاستطلاع:
post-email-closed-subject = انتهى الاستطلاع: { $title }
