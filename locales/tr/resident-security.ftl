## Refusing answers that another website sends, and a form that comes back without its cookie.

cross-site-heading = Bu form başka bir web sitesinden geldi
cross-site-text = Hiçbir şey kaydetmedik. Bu form bizim sayfamızdan gelmedi. Başka bir web sitesinden geldi. Böylece kimse sizin adınıza cevap gönderemez. Katılmak ister misiniz? O zaman aşağıdaki bağlantıyla anketi açın.
cross-site-link = Ankete git
form-cookie-missing = Bu formun size ait olduğunu kontrol edemedik. Cevaplarınız hâlâ burada. Yeniden gönderin. Bu mesajı yine görüyor musunuz? O zaman tarayıcınız çerezleri engelliyor. Bu web sitesi için çerezlere izin verin.
api-cross-site = Bu istek başka bir web sitesinden geldi. Hiçbir şey kaydedilmedi.
