## Refusing answers that another website sends, and a form that comes back without its cookie.

cross-site-heading = Dit formulier kwam van een andere website
cross-site-text = We hebben niets bewaard. Dit formulier kwam niet van onze eigen pagina. Het kwam van een andere website. Zo kan niemand antwoorden sturen in uw naam. Wilt u meedoen? Open dan de peiling via de link hieronder.
cross-site-link = Naar de peiling
form-cookie-missing = We konden niet nagaan of dit formulier van u komt. Uw antwoorden staan er nog. Verstuur ze opnieuw. Ziet u deze melding weer? Dan houdt uw browser cookies tegen. Sta cookies toe voor deze website.
api-cross-site = Deze aanvraag kwam van een andere website. Er is niets bewaard.
