# Social-media posts about a poll (Mastodon, X, Facebook, webhook, e-mail). A link follows each
# call to action.

post-announce-cta = Take part:
post-reminder-lead = Have you taken part yet? The poll is still open.
post-results-lead = The results of “{ $title }” are online. Thank you for your views!
post-update-lead = News about “{ $title }”: read what we did with your views.
post-results-cta = Read what we will do with them:
post-anonymous = Your answers are anonymous.
post-email-subject = New poll: { $title }
post-email-results-subject = Poll results: { $title }
post-email-update-subject = News about the poll: { $title }
post-email-forward = Feel free to share this link, for example in a newsletter or a newspaper.
post-closed-lead = The poll “{ $title }” has ended earlier than planned. It no longer takes answers. Thank you to everyone who took part.
post-closed-cta = More about the poll:
post-email-closed-subject = Poll ended: { $title }
