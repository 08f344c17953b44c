# Standard questions the builder offers, written into a poll's definition in its languages.

standard-first-time-question = Belediyenin bir anketine ilk kez mi katılıyorsunuz?
standard-first-time-yes = Evet, ilk kez
standard-first-time-no = Hayır, daha önce katıldım
