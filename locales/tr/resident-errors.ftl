## The notice a page shows when something on our side fails. Residents and staff both see it.

error-unavailable-heading = Şu anda kullanılamıyor
error-unavailable-text = Bu sayfa şu anda çalışmıyor. Lütfen birkaç dakika sonra tekrar deneyin.
error-internal-heading = Bir sorun oluştu
error-internal-text = Bizim tarafımızda bir sorun oluştu. Bu sizin hatanız değil. Lütfen daha sonra tekrar deneyin.
error-request-id = Bu konuda bizimle iletişime geçerseniz lütfen şu kodu belirtin:
