## Who a poll speaks for, what residents read before answering, the thank-you page's sharing,
## the poster, and what the law asks: the privacy page and the accessibility statement.

## The frame of every page
footer-privacy = Gizlilik
footer-accessibility = Erişilebilirlik
sender-region = { $region } belediyeleri

## Before answering
open-until = { $date }, saat { $time }'a kadar katılabilirsiniz.
privacy-summary-anonymous = Cevaplarınız anonimdir: kim olduğunuzu sormuyoruz.
privacy-summary-use = { $org } cevapları sadece bu anket için kullanır.
privacy-summary-use-until = { $org } cevapları sadece bu anket için kullanır ve { $months } ay sonra siler.
privacy-more = Gizlilik hakkında daha fazla bilgi
error-summary-link = Soru { $number }: { $message }

## Pages instead of the form
not-open-heading-named = { $title }: henüz açık değil
page-unknown-heading = Bu sayfa yok
page-unknown-text = Belki bağlantı tam doğru kopyalanmadı. Lütfen bağlantıyı kontrol edin.
page-unknown-link = Tüm anketleri görün

## The thank-you page
thanks-results-where = Bu bağlantıyı saklayın. Sonuçlar orada olacak:
thanks-back-website = { $org } web sitesine geri dön
thanks-back-overview = Diğer anketleri görün
share-heading = Başkalarını da katılmaya davet edin
share-intro = Ne kadar çok kişi katılırsa, neyin önemli olduğunu o kadar iyi biliriz.
share-button = Paylaş
share-whatsapp = WhatsApp ile paylaş
share-email = E-posta ile paylaş
share-text = Siz de "{ $title }" anketine katılın. Sadece biraz zaman alır: { $link }
share-text-short = Siz de "{ $title }" anketine katılın.
share-email-subject = Siz de katılın: { $title }

## The poster and the link preview
poster-headline-call =
    { $minutes ->
        [one] 1 dakika — katılın
       *[other] { $minutes } dakika — katılın
    }
poster-closes = { $date }, saat { $time }'a kadar katılın.
preview-call =
    { $minutes ->
        [one] Katılın, 1 dakika sürer · { $host }
       *[other] Katılın, { $minutes } dakika sürer · { $host }
    }

## Contact details on the privacy page and the accessibility statement
about-contact-email = { $org } e-posta: { $email }
about-contact-phone = { $org } telefon: { $phone }
about-contact-website = { $org } web sitesi
about-index-choose = Belediyenizi seçin
about-index-link = Belediyenizi seçin
privacy-index-heading = Anketlerde gizlilik
a11y-index-heading = Anketlerin erişilebilirliği

## The privacy page (what GDPR article 13 asks)
privacy-page-heading = { $org } anketlerinde gizlilik
privacy-page-intro = Bir ankette ne düşündüğünüzü soruyoruz. Burada neyi ve neden sakladığımızı okuyabilirsiniz. Ne kadar süre sakladığımızı ve haklarınızı da okuyabilirsiniz.
privacy-page-controller-heading = Verilerinizden kim sorumlu?
privacy-page-controller-one = Bu anketlerde verilerinizden { $org } sorumludur.
privacy-page-controller-region = { $region } anketleri bu belediyelerin ortak anketleridir. Verilerinizden birlikte sorumludurlar:
privacy-page-purpose-heading = Bunu neden soruyoruz?
privacy-page-purpose = Sakinlerin ne düşündüğünü bilmek istiyoruz. Böylece daha iyi planlar yapabiliriz. Cevapları sadece bunun için kullanıyoruz.
privacy-page-basis = Belediye tüm sakinleri için çalışır. Bu yüzden fikrinizi sorabilir. Gizlilik yasası (AVG/GDPR) buna kamu yararına bir görev der.
privacy-page-basis-email = Sonuçlar için e-posta adresinizi veriyor musunuz? Bunu sadece siz istediğiniz için kullanabiliriz. Bunu her zaman geri alabilirsiniz.
privacy-page-stored-heading = Neyi saklıyoruz?
privacy-page-cookies-heading = Hangi çerezleri kullanıyoruz?
privacy-page-cookie-form = Soruları açtığınızda flits_form çerezini koyuyoruz. İçinde sadece anlamı olmayan bir kod vardır. Böylece cevaplarınızın bizim sayfamızdan geldiğini biliriz. Çerez { $hours } saat sonra silinir.
privacy-page-cookie-language = Bir dil mi seçiyorsunuz? O zaman flits_lang çerezi sadece o dili hatırlar. Çerez { $days } gün sonra silinir.
privacy-page-cookies-needed = Bu çerezler anketin çalışması için gereklidir. Sizi takip etmek için çerez kullanmıyoruz.
privacy-page-keep-heading = Ne kadar süre saklıyoruz?
privacy-page-keep-answers = Sonuçlar bu web sitesinde yayınlandıktan { $months } ay sonra cevapları siliyoruz.
privacy-page-keep-answers-always = Cevapları saklıyoruz. Yanlarında isim yoktur, bu yüzden kimse kimin olduğunu bilmez.
privacy-page-keep-email = Sonuçları size gönderdikten sonra e-posta adresinizi siliyoruz. Sonuçlar { $days } gün içinde gelmezse de siliyoruz.
privacy-page-who-heading = Cevapları kim görür?
privacy-page-results = Sonuçları bu web sitesinde yayınlıyoruz. Sadece toplamlar gösterilir. Bir grup { $k } kişiden küçükse sayı göstermiyoruz.
privacy-page-rights-heading = Haklarınız nelerdir?
privacy-page-rights = Hakkınızda hangi verilere sahip olduğumuzu sorabilirsiniz. Düzeltilmesini veya silinmesini isteyebilirsiniz. İtiraz da edebilirsiniz.
privacy-page-rights-anonymous = Cevaplarınızda isim yoktur, bu yüzden onları tekrar bulamayız. E-posta adresinizi silebiliriz: bize bir e-posta gönderin.
privacy-page-no-automated = Hiçbir bilgisayar cevaplarla sizin hakkınızda karar vermez.
privacy-page-complaint = Cevabımızdan memnun değil misiniz? O zaman Hollanda Veri Koruma Kurumu'na (Autoriteit Persoonsgegevens) şikâyet edebilirsiniz.
privacy-page-authority = Autoriteit Persoonsgegevens web sitesi
privacy-page-contact-heading = Sorularınız mı var?
privacy-page-contact = Gizlilik hakkında bir sorunuz mu var? { $org } ile iletişime geçin. Her belediyenin ayrıca yasaya uyduğumuzu kontrol eden bir veri koruma görevlisi vardır.
privacy-page-officer = { $org } veri koruma görevlisine e-posta: { $email }

## The accessibility statement (the model of digitoegankelijk.nl)
a11y-heading = Erişilebilirlik beyanı
a11y-intro = { $org } herkesin anketleri kullanabilmesini istiyor. Engelli kişiler de.
a11y-law = Yasa da bunu istiyor. Sayfalar WCAG 2.1, A ve AA seviyesi kurallarına uymalıdır.
a11y-scope-heading = Bu hangi sayfalarla ilgili?
a11y-scope = Bu beyan bu web sitesindeki { $org } anketleriyle ilgilidir: sorular, sonuçlar ve afiş.
a11y-status-heading = Ne durumdayız?
a11y-status =
    { $status ->
        [a] Sayfalar kurallara tamamen uyuyor.
        [b] Sayfalar kurallara kısmen uyuyor.
        [d] Sayfalar henüz kurallara uymuyor.
       *[c] İlk adımları attık. Dışarıdan bir uzman sayfaları henüz incelemedi.
    }
a11y-checked-heading = Bunu nasıl kontrol ediyoruz?
a11y-checked = Her yeni sürümde bir bilgisayar tüm sayfaları axe-core ile test eder. Sadece klavyeyle ve telefonun küçük ekranında da test ediyoruz. Sayfalar JavaScript olmadan çalışır.
a11y-known = Şu anda bildiğimiz bir sorun yok. Yine de bir şey mi görüyorsunuz? Bize bildirin.
a11y-date = Bu beyanı en son { $date } tarihinde kontrol ettik.
a11y-feedback-heading = Bir şey çalışmıyor mu?
a11y-feedback = Bir şeyi okuyamıyor veya dolduramıyor musunuz? { $org } kurumuna bildirin. En kısa sürede cevap alırsınız.
a11y-enforcement-heading = Memnun değil misiniz?
a11y-enforcement = Cevabımızdan memnun değil misiniz? O zaman Ulusal Ombudsman'a (Nationale ombudsman) başvurabilirsiniz.
a11y-ombudsman = Nationale ombudsman web sitesi
a11y-more = Kurallar hakkında daha fazlası: digitoegankelijk.nl
