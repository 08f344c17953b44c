# منشورات وسائل التواصل الاجتماعي (Mastodon و X و Facebook و webhook والبريد الإلكتروني).

post-announce-cta = شارك:
post-reminder-lead = هل شاركت بعد؟ الاستطلاع لا يزال مفتوحًا.
post-results-lead = نتائج استطلاع «{ $title }» متاحة الآن. شكرًا على رأيك!
post-results-cta = اقرأ ما سنفعله بها:
post-anonymous = إجاباتك مجهولة الهوية.
