# Social-media posts about a poll (Mastodon, X, Facebook, webhook, e-mail). Residents read them,
# so: short sentences, common words, "u". A link follows each call to action.

post-announce-cta = Doe mee:
post-reminder-lead = Deed u al mee? De peiling is nog open.
post-results-lead = De uitkomst van „{ $title }” staat online. Dank u wel voor uw mening!
post-update-lead = Nieuws over „{ $title }”: lees wat we met uw mening hebben gedaan.
post-results-cta = Lees wat we ermee doen:
post-anonymous = Uw antwoorden zijn anoniem.
post-email-subject = Nieuwe peiling: { $title }
post-email-results-subject = Uitkomst van de peiling: { $title }
post-email-update-subject = Nieuws over de peiling: { $title }
post-email-forward = U mag deze link delen, bijvoorbeeld in een nieuwsbrief of in de krant.
post-closed-lead = De peiling „{ $title }” is eerder gestopt dan gepland. U kunt niet meer meedoen. Dank u wel aan iedereen die al meedeed.
post-closed-cta = Meer over de peiling:
post-email-closed-subject = Peiling gestopt: { $title }
