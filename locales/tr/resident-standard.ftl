# Standard questions the builder offers, written into a poll's definition in its languages.
# Each has a reason (…-help) that the poll page shows under the question. Option ids are fixed in
# flits-survey (standard.rs); population files use the same ids.

## Age group, in the age bands of CBS
standard-age-question = Kaç yaşındasınız?
standard-age-help = Böylece her yaştan insanın katılıp katılmadığını görürüz.
standard-age-tot15 = 15 yaşından küçük
standard-age-15-24 = 15 ile 24 yaş arası
standard-age-25-44 = 25 ile 44 yaş arası
standard-age-45-64 = 45 ile 64 yaş arası
standard-age-65plus = 65 yaş ve üstü

## Neighbourhood: the options are the wijken configured for the poll's audience
standard-neighbourhood-question = Hangi mahallede oturuyorsunuz?
standard-neighbourhood-help = Böylece her mahalleden insanın katılıp katılmadığını görürüz.

## First time taking part
standard-first-time-question = Belediyenin bir anketine veya görüş toplantısına ilk kez mi katılıyorsunuz?
standard-first-time-help = Böylece yeni insanlara da ulaşıp ulaşmadığımızı görürüz.
standard-first-time-yes = Evet, ilk kez
standard-first-time-no = Hayır, daha önce katıldım

## How they heard of the poll (the link of a channel already says where a click came from)
standard-heard-via-question = Bu anketi nereden duydunuz?
standard-heard-via-help = Böylece bir dahaki sefere size nasıl iyi ulaşacağımızı biliriz.
standard-heard-via-social = Sosyal medyadan
standard-heard-via-poster = Bir afişten veya QR kodundan
standard-heard-via-website = Bültenden veya web sitesinden
standard-heard-via-krant = Yerel gazeteden
standard-heard-via-mond = Ailemden, arkadaşlarımdan veya komşularımdan
standard-heard-via-anders = Başka bir yoldan
