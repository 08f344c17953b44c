# Sosyal medya paylaşımları (Mastodon, X, Facebook, webhook, e-posta).

post-announce-cta = Katılın:
post-reminder-lead = Katıldınız mı? Anket hâlâ açık.
post-results-lead = “{ $title }” anketinin sonuçları yayında. Görüşleriniz için teşekkürler!
post-update-lead = “{ $title }” hakkında haber: görüşlerinizle ne yaptığımızı okuyun.
post-results-cta = Ne yapacağımızı okuyun:
post-anonymous = Yanıtlarınız anonimdir.
post-email-subject = Yeni anket: { $title }
post-email-results-subject = Anket sonuçları: { $title }
post-email-update-subject = Anket hakkında haber: { $title }
post-email-forward = Bu bağlantıyı paylaşabilirsiniz, örneğin bir bültende veya gazetede.
post-closed-lead = “{ $title }” anketi planlanandan erken bitti. Artık katılamazsınız. Katılan herkese teşekkürler.
post-closed-cta = Anket hakkında daha fazla bilgi:
post-email-closed-subject = Anket bitti: { $title }
