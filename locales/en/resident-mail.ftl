# The e-mail with a poll's results, for residents who asked for it on the thank-you page.
# Arguments: $title (the poll's title).

mail-results-subject = Poll results: { $title }
mail-results-lead = You took part in the poll "{ $title }" and asked us for the results. They are ready now.
mail-results-summary-heading = You said, we did
mail-results-link = Read all the results on the website:
mail-results-link-text = Read all the results on the website
mail-results-why = You are getting this e-mail because you asked for the results. After this e-mail we delete your e-mail address. You will not get any other e-mail from us.
