# Teşekkür sayfasında sonuçları isteyen katılımcılara giden e-posta.
# Değişkenler: $title (anketin başlığı).

mail-results-subject = Anket sonuçları: { $title }
mail-results-lead = "{ $title }" anketine katıldınız ve bizden sonuçları istediniz. Sonuçlar artık hazır.
mail-results-summary-heading = Siz söylediniz, biz yaptık
mail-results-link = Tüm sonuçları web sitesinde okuyun:
mail-results-link-text = Tüm sonuçları web sitesinde okuyun
mail-results-why = Bu e-postayı, sonuçları istediğiniz için alıyorsunuz. Bu e-postadan sonra e-posta adresinizi siliyoruz. Bizden başka bir e-posta almayacaksınız.
