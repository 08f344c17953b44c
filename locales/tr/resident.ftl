## Anket sayfalarında sakinlerin okuduğu metinler, sade Türkçe.

## The frame of every page
skip-to-content = İçeriğe geç
language-switch-label = Bir dil seçin

## The poll form
required = zorunlu
optional = boş bırakabilirsiniz
submit = Cevaplarımı gönder
error-summary = Bir sorun oldu. Lütfen aşağıdaki soruları kontrol edin.
page-title-error = Hata: { $title }
duration =
    { $minutes ->
        [one] Yaklaşık 1 dakikanızı alır.
       *[other] Yaklaşık { $minutes } dakikanızı alır.
    }
max-choices = En fazla { $count } seçenek seçin.
max-length = En fazla { $count } karakter.
form-expired = Bu formun süresi dolmuştu. Cevaplarınız hâlâ burada. Kontrol edip yeniden gönderin.
form-foreign = Bu form bu ankete ait değil. Cevaplarınız hâlâ burada. Kontrol edip yeniden gönderin.

## What happens to the answers
privacy-heading = Cevaplarınıza ne olur?
privacy-anonymous = Cevaplarınız anonimdir. Adınızı veya e-posta adresinizi sormuyoruz.
privacy-kept = Yalnızca cevaplarınızı, sayfanın dilini, tarihi ve buraya nasıl geldiğinizi saklarız. Bu örneğin Facebook veya bir afiş olabilir. Saati saklamayız.
privacy-not-kept = IP adresinizi, tarayıcınızı ve kim olduğunuzu saklamayız.
privacy-cookie = Herkes bir kez katılabilir. Bu yüzden cevaplarınızı gönderdikten sonra tarayıcınıza bir çerez koyarız. Çerez yalnızca bu tarayıcının katıldığını söyler. İçinde cevaplarınız yoktur. Çerez { $days } gün sonra silinir.
privacy-language = Başka bir dil mi seçiyorsunuz? O zaman ikinci bir çerez yalnızca o dili hatırlar.
privacy-address = Kimse anketi doldurup taşıramaz. Bu yüzden bir ağdan kaç kez katılındığını sayarız. O ağın adresini saklamayız. Adresi gizli bir anahtarla bir koda çeviririz. Bu anahtar yalnızca sunucunun belleğindedir. Her gece yeni bir anahtar gelir ve kodları sileriz. Hiç kimse bir koddan adresinizi bulamaz. Biz de bulamayız.
privacy-who = Cevapları yalnızca belediye çalışanları görür. Cevapları paylaşırsak, önce birini tanımaya yarayacak her şeyi sileriz.

## Pages instead of the form
unknown-heading = Bu anket yok
unknown-text = Bağlantı belki tam kopyalanmadı. Lütfen bağlantıyı kontrol edin.
not-open-heading = Bu anket henüz açık değil
opens-at = { $date } saat { $time } itibarıyla katılabilirsiniz.
opens-soon = Yakında katılabilirsiniz.
closed-heading = Bu anket kapandı
closed-at = Bu anket { $date } saat { $time } itibarıyla kapandı.
closed = Bu anket kapandı.
see-results = Sonuçlara bakın
already-heading = Zaten katıldınız
already-text = Bu tarayıcıdan bu ankete cevaplar zaten gönderildi. Herkes bir kez katılabilir. Teşekkürler!
already-link = Cevaplara ne olacak?
not-saved-heading = Cevaplarınız kaydedilmedi
not-saved-text = Bizim tarafımızda bir sorun oldu. Geri dönün ve birkaç dakika sonra yeniden deneyin.
thanks-heading = Teşekkürler!
thanks-text = Cevaplarınızı aldık. Katıldığınız için teşekkür ederiz!

## Too many answers at once
limit-cap-heading = Bugün bu ağdan daha fazla cevap gönderilemez
limit-cap-text = Bugün internet bağlantınızdan bu ankete çok sayıda cevap gönderildi. Kimse anketi doldurup taşıramasın diye bugünlük burada duruyoruz.
limit-cap-retry =
    { $when ->
        [minute] Cevaplarınızı kaydetmedik. Bir dakika sonra veya başka bir ağdan yeniden deneyin.
        [minutes] Cevaplarınızı kaydetmedik. { $minutes } dakika sonra veya başka bir ağdan yeniden deneyin.
       *[tomorrow] Cevaplarınızı kaydetmedik. Yarın veya başka bir ağdan yeniden deneyin.
    } Örneğin evde veya mobil veriyle.
limit-busy-heading = Şu an çok yoğun
limit-busy-text = Şu anda aynı anda çok fazla cevap geliyor.
limit-busy-retry =
    { $when ->
        [minute] Cevaplarınızı kaydetmedik. Bir dakika bekleyin ve yeniden gönderin.
        [minutes] Cevaplarınızı kaydetmedik. { $minutes } dakika bekleyin ve yeniden gönderin.
       *[tomorrow] Cevaplarınızı kaydetmedik. Yarın yeniden gönderin.
    } Tarayıcınızın geri düğmesiyle geri dönün. Cevaplarınız genellikle hâlâ oradadır.

## The printed poster
poster-call = Katılın: kodu telefonunuzun kamerasıyla tarayın
poster-qr-alt = { $link } bağlantısını içeren QR kodu
poster-link-label = Veya bu bağlantıyı yazın:

## Messages of the JSON submit API
api-rate-limited = Çok fazla cevap geliyor. { $seconds } saniye sonra yeniden deneyin.
api-too-large = İstek çok büyük. En fazla { $bytes } bayt olabilir.
api-request-timeout = İstek çok yavaş geldi. Lütfen tekrar deneyin.
api-wrong-type = İsteği application/json olarak gönderin.
api-invalid-json = İstek, kararlaştırılan biçimde geçerli bir JSON değil.
api-invalid-submission-id = submission_id 1 ile 64 arasında harf, rakam, - veya _ olmalıdır. Örneğin bir UUID kullanın.
api-unknown-poll = Bu adreste bir anket yok.
api-not-open-yet = Bu anket henüz açık değil.
api-closed = Bu anket kapandı.
api-unavailable = Anket şu anda cevabınızı kaydedemiyor. Lütfen birkaç saniye sonra tekrar deneyin.
api-invalid-answers = Cevapların hepsi geçerli değil.

## Teşekkür sayfası: sonuçlar e-postayla ($days: bir adresin sonuçları kaç gün beklediği)
feedback-heading = Sonuçları e-postayla almak ister misiniz?
feedback-text = Sonuçlar hazır olduğunda size bir e-posta göndeririz. Bu e-postada cevaplarla ne yaptığımızı okursunuz.
feedback-email-label = E-posta adresiniz
feedback-privacy = E-posta adresinizi cevaplarınızdan ayrı saklarız. Kimse ikisini birbirine bağlayamaz. Adresi yalnızca bu tek e-posta için kullanırız. Sonra sileriz. Sonuçlar { $days } gün sonra hâlâ hazır değilse adresi yine sileriz.
feedback-submit = Sonuçları bana gönderin
feedback-error-summary = Bir sorun oluştu.
feedback-invalid = Bu e-posta adresi doğru değil. Lütfen kontrol edin. Bir e-posta adresi şöyle görünür: ad@ornek.com
feedback-done-heading = Sonuçları size göndereceğiz
feedback-done-text = Sonuçlar hazır olduğunda bizden bir e-posta alacaksınız. Sonra e-posta adresinizi sileriz. Sonuçlar { $days } gün sonra hâlâ hazır değilse adresi yine sileriz.
feedback-not-taken-part-heading = Önce ankete katılın
feedback-not-taken-part-text = Sonuçları e-postayla yalnızca ankete katılanlar alabilir. Sonuçlar daha sonra bu web sitesinde de olacak.
feedback-published-heading = Sonuçlar zaten hazır
feedback-limit-heading = Şu anda çok fazla e-posta adresi var
feedback-limit-text =
    { $when ->
        [minute] E-posta adresinizi kaydetmedik. Bir dakika sonra yeniden deneyin.
        [minutes] E-posta adresinizi kaydetmedik. { $minutes } dakika sonra yeniden deneyin.
       *[tomorrow] İnternet bağlantınızdan bugün zaten çok sayıda e-posta adresi verildi. E-posta adresinizi kaydetmedik. Yarın yeniden deneyin.
    } Sonuçlar daha sonra bu web sitesinde de olacak.

resident-embed-cta = Ankete katılın
resident-embed-more = Anket hakkında daha fazla bilgi
