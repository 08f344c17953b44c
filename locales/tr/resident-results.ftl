## Sonuç sayfasında ve anket listesinde sakinlerin okuduğu metinler, sade Türkçe.

## The results page
results-page-title = Sonuçlar: { $title }
results-published = { $date } tarihinde yayımlandı.
results-summary-heading = Siz söylediniz, biz yaptık
results-updates-heading = Sonra ne oldu
results-figures-heading = Rakamlar
results-responses = Katılan kişi sayısı: { $count }.
results-withheld = { $k } kişiden az katıldı. Bu yüzden rakam göstermiyoruz: bu kadar az cevapla biri tanınabilir.
results-answered = Bu soruyu cevaplayan kişi sayısı: { $count }.
results-count-below = <{ $k }
results-percent = %{ $value }
results-share-hidden = gösterilmiyor
results-below-note = <{ $k } şu anlama gelir: { $k } kişiden az. Kimse tanınmasın diye tam sayıyı göstermiyoruz.
results-multi-note = Bu soruda birden fazla cevap seçebilirdiniz. Bu yüzden yüzdelerin toplamı 100'den fazla.
results-scale-end = { $value } ({ $label })
results-scale-summary = Ortalama: { $mean }. Ortadaki cevap (medyan): { $median }.
results-chart-alt = Çubuk grafik. { $question } { $values }.
results-chart-value = { $label }: { $value }
results-list-separator = {"; "}
results-table-answer = Cevap
results-table-count = Sayı
results-table-share = Yüzde
results-quotes-heading = İnsanların yazdıkları
results-native-heading = Sosyal medyadaki oylar: bu anketin parçası değil
results-native-intro = Mastodon veya X'te insanlar ilk soru hakkında oy da verebildi. Bu oyları platformun kendisi sayar. Orada herkes oy verebilir, belediye dışından insanlar da. Bu yüzden bu anketin cevaplarına dahil değildir.
results-native-caption =
    { $platform ->
        [mastodon] Mastodon'daki oylar
        [x] X'teki oylar
       *[other] Sosyal medyadaki oylar
    }: { $question } Bu anketin cevaplarına dahil değildir.
results-native-final = Bunlar son sonuçlar.
results-native-interim = Bunlar { $date } saat { $time } itibarıyla sonuçlar.
results-native-hidden = henüz bilinmiyor
results-native-votes = Oylar
results-native-voters = { $count } hesap oy verdi.
results-not-yet-heading = Sonuçlar henüz hazır değil
results-not-yet-text = Bu anketin sonuçları hazır olur olmaz burada olacak.
results-to-poll = Ankete git
results-more-polls = Diğer anketlere bakın
results-preview-kicker = Sonuçlar · { $org }
results-preview-top = En çok seçilen: { $answer } ({ $share })

## The overview of polls (/) and its feed
overview-title-all = Anketler
overview-title-region = { $region } bölgesindeki anketler
overview-title-org = { $org } için anketler
overview-intro = Burada şu anda hangi anketlere katılabileceğinizi görürsünüz. Ve önceki anketlerin cevaplarıyla ne yapıldığını.
overview-filter-label = Bir belediye seçin
overview-filter-all = Tüm belediyeler
overview-open-heading = Şimdi katılın
overview-open-none = Şu anda katılabileceğiniz bir anket yok.
overview-open-until = { $date } saat { $time } kadar açık.
overview-by = Kimden: { $org }
overview-for = Kimin için: { $audiences }
overview-results-heading = Sonuçlar
overview-results-none = Henüz sonuç yok.
overview-published = { $date } tarihinde yayımlandı
overview-feed = Yeni anketleri ve sonuçları haber okuyucunuzda takip edin (Atom)
overview-unknown-org-heading = Bu belediyeyi tanımıyoruz
overview-unknown-org-text = Bağlantı tam doğru olmayabilir. Tüm belediyelerin anketlerine bakın.
feed-subtitle = Katılabileceğiniz anketler ve cevaplarla ne yapıldığı.
feed-open-title = Katılın: { $title }
feed-results-title = Sonuçlar: { $title }
