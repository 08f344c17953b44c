language-switch-label = Choose a language
privacy-cookie = Everyone can take part once. So after you send your answers, this website sets a cookie in your browser. The cookie only says that this browser took part in this poll. It holds nothing of your answers. It disappears after { $days } days.
